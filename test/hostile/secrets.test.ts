// Issue 12 item 7: secrets reached the journal or the logs: a text/plain body to /token with
// client_secret=…, ?access_token=<token>, DELETE /__mock/tokens/<token> in the info log, nested
// or upper-case client_secret keys. Secrets are found by value here: the server runs with a
// logger writing to a buffer at every level, every way of sending one is tried, and the journal
// and the log output are searched for the values themselves.
import t from 'tap'
import { start, type RunningMockDwolla } from '../../src/index.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const FORM = 'application/x-www-form-urlencoded'
const APP = { key: 'secret-test-app', secret: 'configured-secret-7c1d9e' }

/** Sends a secret every way issue 12 lists (and a few more); returns every secret value sent. */
async function sendSecretsEveryWay(server: RunningMockDwolla): Promise<string[]> {
  const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${server.url}${path}`, { method: 'POST', headers, body })
  const tokenAnswer = await post('/token', { 'content-type': FORM }, `client_id=${APP.key}&client_secret=${APP.secret}&grant_type=client_credentials`)
  const accessToken = ((await tokenAnswer.json()) as { access_token: string }).access_token
  const api = (path: string, body: unknown, extra: Record<string, string> = {}) =>
    post(path, { authorization: `Bearer ${accessToken}`, accept: HAL, 'content-type': 'application/json', ...extra }, JSON.stringify(body))
  const clientAnswer = await api('/client-tokens', { action: 'customer.create' })
  const clientToken = ((await clientAnswer.json()) as { token: string }).token

  // What fetch sends for a string body: text/plain.
  await post('/token', {}, 'client_id=x&client_secret=plain-text-secret-31aa&grant_type=client_credentials')
  await post('/token', { 'content-type': FORM }, 'client_id=x&Client_Secret=mixed-case-form-secret-5b&grant_type=client_credentials')
  await post('/token', { 'content-type': 'application/json' }, JSON.stringify({ client_id: 'x', client_secret: 'json-token-secret-8e21' }))
  await post(`/token?client_secret=query-secret-0f4c&access_token=${accessToken}`, { 'content-type': FORM }, 'grant_type=client_credentials')
  await post(
    '/token',
    { 'content-type': FORM, authorization: `Basic ${Buffer.from('x:basic-secret-66d0').toString('base64')}` },
    'grant_type=client_credentials',
  )
  await api('/client-tokens', { action: 'customer.create', nested: { deeper: { client_secret: 'nested-secret-a3b5' } } })
  await api('/client-tokens', { action: 'customer.create', CLIENT_SECRET: 'upper-case-secret-9d1f' })
  await api(`/client-tokens?access_token=${accessToken}`, { action: 'customer.create' })
  await api('/nowhere', { note: `the key is ${APP.secret}`, token: clientToken })
  await fetch(`${server.url}/nowhere/${accessToken}?client_secret=path-query-secret-2c`, {
    headers: { 'x-note': APP.secret, cookie: 'session=cookie-secret-4411' },
  })
  await fetch(`${server.url}/__mock/tokens/${clientToken}`, { method: 'DELETE' })
  await fetch(`${server.url}/__mock/tokens/${accessToken}`, { method: 'DELETE' })
  await fetch(`${server.url}/__mock/tokens/${accessToken}`, { method: 'DELETE' })
  return [
    APP.secret,
    accessToken,
    clientToken,
    'plain-text-secret-31aa',
    'mixed-case-form-secret-5b',
    'json-token-secret-8e21',
    'query-secret-0f4c',
    'basic-secret-66d0',
    Buffer.from('x:basic-secret-66d0').toString('base64'),
    'nested-secret-a3b5',
    'upper-case-secret-9d1f',
    'path-query-secret-2c',
    'cookie-secret-4411',
  ]
}

for (const level of ['trace', 'debug', 'info', 'warn', 'error'] as const) {
  t.test(`log level ${level}: no secret in the logs or the journal`, async (t) => {
    const lines: string[] = []
    const server = await start({ applications: [APP], logger: { level, stream: { write: (line: string) => void lines.push(line) } } })
    t.teardown(() => server.close())
    const secrets = await sendSecretsEveryWay(server)
    const journal = JSON.stringify(server.requests())
    const journalView = await (await fetch(`${server.url}/__mock/requests`)).text()
    const log = lines.join('')
    for (const secret of secrets) {
      const shown = `${secret.slice(0, 12)}…`
      t.notOk(log.includes(secret), `${shown} is not in the log`)
      t.notOk(journal.includes(secret), `${shown} is not in the journal`)
      t.notOk(journalView.includes(secret), `${shown} is not in GET /__mock/requests`)
    }
    if (level === 'trace' || level === 'debug' || level === 'info') {
      t.match(log, /\/__mock\/tokens\/[0-9A-Za-z]{6}…/, 'a revocation is logged with the token shortened')
    }
    t.ok(server.requests().length >= 10, 'the requests were journaled')
  })
}
