import t from 'tap'
import { buildServer, DWOLLA_RETRY_DELAYS_MS, SCALED_RETRY_DELAYS_MS } from '../../src/index.js'
import { retryDelays } from '../../src/webhook-delivery/retry-schedule.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

t.test('Dwolla’s schedule, and the scaled one: each hour a second', async (t) => {
  t.same(
    DWOLLA_RETRY_DELAYS_MS,
    [15 * MINUTE, 45 * MINUTE, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR],
    '15 min, 45 min, 2 h, 3 h, 6 h, 12 h, 24 h, 24 h',
  )
  t.equal(
    DWOLLA_RETRY_DELAYS_MS.reduce((a, b) => a + b),
    72 * HOUR,
    '72 hours in all',
  )
  t.same(SCALED_RETRY_DELAYS_MS, [250, 750, 2000, 3000, 6000, 12_000, 24_000, 24_000], 'scaled: 250 ms to 24 s')
  t.equal(
    SCALED_RETRY_DELAYS_MS.reduce((a, b) => a + b),
    72_000,
    '72 seconds in all',
  )
  t.equal(retryDelays('scaled'), SCALED_RETRY_DELAYS_MS, '"scaled"')
  t.equal(retryDelays('dwolla'), DWOLLA_RETRY_DELAYS_MS, '"dwolla"')
  t.same(retryDelays([0, 10, 1000]), [0, 10, 1000], 'a list of delays')
  t.same(retryDelays([]), [], 'none: never retry')
})

t.test('a bad schedule stops the start, naming the option and the problem', async (t) => {
  const cases: Array<[unknown, RegExp]> = [
    ['hourly', /option webhookRetrySchedule: expected "scaled", "dwolla" or a list of delays in milliseconds, got "hourly"$/],
    [[1, -1], /each delay must be a whole number of milliseconds from 0 to 2147483647, got -1 at \[1\]$/],
    [[1.5], /got 1.5 at \[0\]$/],
    [[undefined], /got undefined at \[0\]$/],
    [[2 ** 31], /got 2147483648 at \[0\]$/],
    [Array(21).fill(1), /at most 20 retries, got 21$/],
  ]
  for (const [schedule, message] of cases) {
    await t.rejects(buildServer({ webhookRetrySchedule: schedule as never }), { name: 'StartupError', message }, JSON.stringify(schedule))
  }
  await t.rejects(
    buildServer({ webhookTimeoutMs: 0 }),
    { name: 'StartupError', message: 'option webhookTimeoutMs: expected a positive integer, got 0' },
    'a zero timeout',
  )
  await t.rejects(
    buildServer({ webhookTimeoutMs: 2 ** 31 }),
    { name: 'StartupError', message: 'option webhookTimeoutMs: expected at most 2147483647, got 2147483648' },
    'a timeout no timer can wait',
  )
  for (const name of ['eventLimit', 'webhookSubscriptionLimit', 'webhookConcurrency', 'webhookHistoryLimit'] as const) {
    await t.rejects(buildServer({ [name]: 0 }), { name: 'StartupError', message: `option ${name}: expected a positive integer, got 0` }, name)
  }
})
