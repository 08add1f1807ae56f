// What the logs say at each level (issue 11 item 3, issue 13 item 6): at info, one line for each
// request that did not get its normal success answer; at debug, every request, which fixture
// rule answered it or that none did, and why a request was refused; at silent, no logger.
import { createRequire } from 'node:module'
import t, { type Test } from 'tap'
import { buildServer, type LogLevel, type MockDwollaOptions } from '../src/index.js'
import { accessTokenFor, CUSTOMER_HREF, requestAccessToken, requestClientToken } from './helpers/mock.js'

interface LogRecord {
  level: number
  msg: string
  reqId?: string
  method?: string
  path?: string
  status?: number | null
  durationMs?: number
  fixtureRule?: string | null
  refusal?: string
}

async function loggedMock(t: Test, level: LogLevel, options: MockDwollaOptions = {}) {
  const lines: string[] = []
  const app = await buildServer({ ...options, logger: { level, stream: { write: (line: string) => void lines.push(line) } } })
  t.teardown(() => app.close())
  const records = (): LogRecord[] => lines.map((line) => JSON.parse(line) as LogRecord)
  return { app, records }
}

const FORBIDDEN_CUSTOMER = 'https://api-sandbox.dwolla.com/customers/00000000-0000-4000-8000-000000000403'

t.test('info: nothing for a success; one line for an error, with everything needed to find it', async (t) => {
  const { app, records } = await loggedMock(t, 'info')
  const token = await accessTokenFor(app)
  await requestClientToken(app, { token })
  t.same(records(), [], 'two successful requests: no line at all')

  const refused = await requestClientToken(app, { token: 'x'.repeat(50) })
  const [line, ...rest] = records()
  t.same(rest, [], 'one line for the refused request')
  t.match(
    line,
    {
      level: 30,
      method: 'POST',
      path: '/client-tokens',
      status: 401,
      reqId: refused.headers['x-request-id'],
      fixtureRule: null,
      refusal: 'InvalidAccessToken',
    },
    'method, path, status, request id, no fixture rule, why',
  )
  t.type(line?.durationMs, 'number', 'a duration')
  t.equal(line?.msg, 'POST /client-tokens 401', 'a message readable on its own')
})

t.test('info: a fixture answer names its rule', async (t) => {
  const { app, records } = await loggedMock(t, 'info')
  const token = await accessTokenFor(app)
  await requestClientToken(app, { token, body: { action: 'customer.update', _links: { customer: { href: FORBIDDEN_CUSTOMER } } } })
  t.match(
    records(),
    [{ level: 30, path: '/client-tokens', status: 403, fixtureRule: 'defaults#/rules/0', refusal: 'Forbidden' }],
    'the shipped rule that answered',
  )
})

t.test('info: a 404 and a validation error say why', async (t) => {
  const { app, records } = await loggedMock(t, 'info')
  const token = await accessTokenFor(app)
  await app.inject({ method: 'GET', url: '/no-such-resource' })
  await requestClientToken(app, { token, body: { action: 'customer.explode' } })
  await requestAccessToken(app, { form: 'grant_type=password' })
  t.match(
    records(),
    [
      { path: '/no-such-resource', status: 404, refusal: 'NotFound' },
      { path: '/client-tokens', status: 400, refusal: 'ValidationError: /action Invalid, /_links Required' },
      { path: '/token', status: 400, refusal: 'unsupported_grant_type' },
    ],
    'each refusal explained',
  )
})

t.test('debug: every request, with the rule that answered or that none did', async (t) => {
  const { app, records } = await loggedMock(t, 'debug')
  const token = await accessTokenFor(app)
  await requestClientToken(app, { token, body: { action: 'customer.update', _links: { customer: { href: CUSTOMER_HREF } } } })
  const [tokenLine, apiLine] = records()
  t.match(tokenLine, { level: 20, method: 'POST', path: '/token', status: 200, fixtureRule: null, msg: 'POST /token 200' }, 'a success at debug, no rule')
  t.match(apiLine, { level: 20, path: '/client-tokens', status: 200, fixtureRule: null }, 'the API call too')
  t.equal(apiLine?.refusal, undefined, 'nothing refused')
})

t.test('trace prints what debug prints, and when each request arrives', async (t) => {
  const { app, records } = await loggedMock(t, 'trace')
  await requestAccessToken(app)
  t.match(
    records(),
    [
      { level: 10, method: 'POST', path: '/token', msg: 'POST /token arrived' },
      { level: 20, status: 200 },
    ],
    'an arrival line, then the answer',
  )
})

t.test('admin requests: successes at debug, failures at info, tokens in paths shortened', async (t) => {
  const { app, records } = await loggedMock(t, 'info')
  const token = await accessTokenFor(app)
  await app.inject({ method: 'GET', url: '/__mock/health' })
  await app.inject({ method: 'DELETE', url: `/__mock/tokens/${token}` })
  t.same(records(), [], 'successful admin calls: nothing at info')
  await app.inject({ method: 'DELETE', url: `/__mock/tokens/${token}` })
  t.match(records(), [{ path: `/__mock/tokens/${token.slice(0, 6)}…`, status: 404, refusal: 'UnknownToken' }], 'a failed one, the token shortened')
})

t.test('silent and false: no logger at all', async (t) => {
  for (const logger of [false, { level: 'silent' }] as const) {
    const app = await buildServer({ logger })
    t.teardown(() => app.close())
    t.equal(typeof (app.log as { isLevelEnabled?: unknown }).isLevelEnabled, 'undefined', `${JSON.stringify(logger)}: Fastify's null logger`)
  }
})

t.test('pino is never loaded, at any level', async (t) => {
  const lines: string[] = []
  const app = await buildServer({ logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } })
  t.teardown(() => app.close())
  await requestAccessToken(app)
  t.ok(lines.length > 0, 'it logs')
  const loaded = Object.keys(createRequire(import.meta.url).cache)
  t.ok(
    loaded.some((file) => file.includes('/node_modules/fastify/')),
    'Fastify is in the module cache',
  )
  t.notOk(
    loaded.some((file) => file.includes('/node_modules/pino/')),
    'pino is not',
  )
})

t.test('a bad logger option fails at build, naming it', async (t) => {
  const cases: Array<[unknown, RegExp]> = [
    ['info', /option logger: expected true, false or \{ level, stream \}, got "info"/],
    [{ level: 'loud' }, /option logger.level: expected one of trace, debug, info, warn, error, fatal, silent, got "loud"/],
    [{ level: 'info', transport: {} }, /option logger: unknown key "transport" \(give level and stream\)/],
    [{ stream: process.stderr.fd }, /option logger.stream: expected an object with a write\(line\) method/],
  ]
  for (const [logger, message] of cases) await t.rejects(buildServer({ logger } as never), { name: 'StartupError', message }, JSON.stringify(logger))
})
