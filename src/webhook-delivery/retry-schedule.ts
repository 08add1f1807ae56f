const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * Dwolla's backoff after a failed delivery, each delay counted from the attempt before: 8 retries
 * over 72 hours (dev-portal api-reference/webhook-subscriptions, "Acknowledgement and retries").
 */
export const DWOLLA_RETRY_DELAYS_MS: readonly number[] = Object.freeze([
  15 * MINUTE,
  45 * MINUTE,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  24 * HOUR,
  24 * HOUR,
])

/**
 * The default for local use: Dwolla's schedule with every hour made a second (15 min → 250 ms,
 * 24 h → 24 s; 72 s in all), so a failing handler sees every retry within a test run, in
 * Dwolla's proportions. Advancing the mock's clock makes a retry due at once either way.
 */
export const SCALED_RETRY_DELAYS_MS: readonly number[] = Object.freeze(DWOLLA_RETRY_DELAYS_MS.map((delay) => delay / 3600))

/** `scaled` (the default), Dwolla's real `dwolla` schedule, or the delays (ms) between attempts. */
export type RetrySchedule = 'scaled' | 'dwolla' | readonly number[]

/** The most retries a custom schedule may list (Dwolla makes 8). */
export const MAX_RETRIES = 20

/** The longest single delay: a timer cannot wait longer (2^31 − 1 ms, about 24.8 days). */
export const MAX_RETRY_DELAY_MS = 2 ** 31 - 1

/** The delays a schedule stands for; what is wrong with it, as a sentence, when it is no schedule. */
export function retryDelays(schedule: unknown): readonly number[] | string {
  if (schedule === 'scaled') return SCALED_RETRY_DELAYS_MS
  if (schedule === 'dwolla') return DWOLLA_RETRY_DELAYS_MS
  if (!Array.isArray(schedule)) return `expected "scaled", "dwolla" or a list of delays in milliseconds, got ${JSON.stringify(schedule)}`
  if (schedule.length > MAX_RETRIES) return `at most ${MAX_RETRIES} retries, got ${schedule.length}`
  const bad = schedule.findIndex((delay) => typeof delay !== 'number' || !Number.isInteger(delay) || delay < 0 || delay > MAX_RETRY_DELAY_MS)
  if (bad !== -1)
    return `each delay must be a whole number of milliseconds from 0 to ${MAX_RETRY_DELAY_MS}, got ${JSON.stringify(schedule[bad]) ?? 'undefined'} at [${bad}]`
  return Object.freeze([...(schedule as number[])])
}
