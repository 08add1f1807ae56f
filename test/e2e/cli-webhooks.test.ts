import t from 'tap'
import { parseCliOptions } from '../../src/cli-options.js'
import { runCli, startCli } from '../helpers/cli.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const SECRET = 'cli-secret'

const startOptions = (argv: string[], env: Record<string, string> = {}) => {
  const command = parseCliOptions(argv, env)
  if (command.kind !== 'start') throw new Error('expected start')
  return command.options
}

t.test('--webhook-retry-schedule, or MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE', async (t) => {
  t.equal(startOptions(['--webhook-retry-schedule', 'dwolla']).webhookRetrySchedule, 'dwolla', 'dwolla')
  t.equal(startOptions(['--webhook-retry-schedule', 'scaled']).webhookRetrySchedule, 'scaled', 'scaled')
  t.same(startOptions(['--webhook-retry-schedule', 'none']).webhookRetrySchedule, [], 'none: no retries')
  t.same(
    startOptions([], { MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE: '100,200,0' }).webhookRetrySchedule,
    [100, 200, 0],
    'delays in milliseconds, from the environment',
  )
  t.equal(startOptions(['--webhook-retry-schedule', 'dwolla'], { MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE: 'none' }).webhookRetrySchedule, 'dwolla', 'the flag wins')
  t.notOk('webhookRetrySchedule' in startOptions([]), 'unset unless given: the library’s default (scaled)')
  for (const [argv, env, message] of [
    [
      ['--webhook-retry-schedule', 'hourly'],
      {},
      /^--webhook-retry-schedule: expected scaled, dwolla, none or delays in milliseconds separated by commas, got "hourly"$/,
    ],
    [['--webhook-retry-schedule', '-1'], {}, /^--webhook-retry-schedule: expected scaled, dwolla, none/],
    [[], { MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE: '1,,2' }, /^MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE: expected scaled/],
  ] as const) {
    t.throws(() => parseCliOptions([...argv], env), { name: 'StartupError', message }, `${argv.join(' ')} ${JSON.stringify(env)}`)
  }
  const help = await runCli(['--help'])
  t.match(help.stdout, /--webhook-retry-schedule <schedule>/, '--help documents it')
  const tooMany = await runCli(['--port', '0', '--webhook-retry-schedule', Array(21).fill(1).join(',')])
  t.same(
    [tooMany.code, tooMany.stderr.trim()],
    [2, 'mock-dwolla: option webhookRetrySchedule: at most 20 retries, got 21'],
    'a schedule the options refuse: one line, status 2',
  )
})

t.test('the CLI delivers signed webhooks, and retries on Dwolla’s real schedule when asked', async (t) => {
  const cli = await startCli(t, ['--port', '0', '--webhook-retry-schedule', 'dwolla', '--log-level', 'info'])
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  const token = (
    (await (
      await fetch(`${cli.url}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'client_id=key&client_secret=secret&grant_type=client_credentials',
      })
    ).json()) as { access_token: string }
  ).access_token
  const post = (path: string, body: unknown) =>
    fetch(`${cli.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  t.equal((await post('/webhook-subscriptions', { url: receiver.url, secret: SECRET })).status, 201, 'subscribed')
  t.equal((await post('/customers', { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' })).status, 201, 'a customer created')
  const settled = (await (await fetch(`${cli.url}/__mock/webhooks/settle`, { method: 'POST' })).json()) as { pending: Array<{ cause: string; dueAt: string }> }
  t.equal(receiver.received.length, 1, 'delivered (and refused by the handler)')
  t.ok(receiver.received[0]?.signatureValid, 'signed')
  const [retry] = settled.pending
  const wait = Date.parse(retry?.dueAt ?? '') - Date.parse(((await (await fetch(`${cli.url}/__mock/clock`)).json()) as { now: string }).now)
  t.ok(wait > 14 * 60 * 1000 && wait <= 15 * 60 * 1000, `the first retry is Dwolla’s 15 minutes away (${Math.round(wait / 1000)} s)`)
  await fetch(`${cli.url}/__mock/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceSeconds: 15 * 60 }) })
  await fetch(`${cli.url}/__mock/webhooks/settle`, { method: 'POST' })
  t.equal(receiver.received.length, 2, 'moving the clock 15 minutes over the admin API delivers it at once')
  const log = await cli.stderrMatching(/webhook delivery failed[\s\S]*webhook delivery failed/)
  t.notMatch(log, SECRET, 'each attempt is logged, never with the secret')
})
