import Fastify from 'fastify'
import t, { type Test } from 'tap'
import { RESOURCES } from '../../src/resources/registry.js'
import { registerAdminApi } from '../../src/admin/admin-api.js'
import { ADMIN_GUARD_ERRORS } from '../../src/admin/admin-guard.js'
import { buildServer, loadOperationTable, start, type RunningMockDwolla } from '../../src/index.js'
import { createMockState } from '../../src/mock-state.js'
import { openRequest } from '../../src/http/request-context.js'
import { startCli } from '../helpers/cli.js'
import { rawRequest, sendRaw, type RawResponse } from '../helpers/raw-http.js'

type GuardError = keyof typeof ADMIN_GUARD_ERRORS
const refusal = (error: GuardError) => ({ error, message: ADMIN_GUARD_ERRORS[error].message })
const RULE = JSON.stringify({ when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' } })
const FORM = 'application/x-www-form-urlencoded'

/** One admin request over a real socket, with exactly these headers (Host included). */
function admin(server: RunningMockDwolla, method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawResponse> {
  const lines = [`${method} ${path} HTTP/1.1`, 'Connection: close', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)]
  if (body !== '' || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`)
  return sendRaw(server.port, `${lines.join('\r\n')}\r\n\r\n${body}`)
}

function expectRefused(t: Test, response: RawResponse, error: GuardError, label: string): void {
  t.equal(response.status, ADMIN_GUARD_ERRORS[error].status, `${label}: ${ADMIN_GUARD_ERRORS[error].status}`)
  t.match(response.headers['content-type'], /^application\/json/, `${label}: the admin API's own JSON`)
  t.same(JSON.parse(response.body), refusal(error), `${label}: ${error}`)
}

t.test('bound to 0.0.0.0: the admin API needs the token start() made up; the API does not', async (t) => {
  const server = await start({ host: '0.0.0.0' })
  t.teardown(() => server.close())
  const token = server.adminToken as string
  t.match(token, /^[A-Za-z0-9_-]{43}$/, 'a 43-character URL-safe token (nanoid: 258 random bits)')
  const host = { Host: `127.0.0.1:${server.port}` }

  const listed = await admin(server, 'GET', '/__mock/tokens', host)
  expectRefused(t, listed, 'AdminTokenRequired', 'no token: tokens are not listed')
  t.equal(listed.headers['www-authenticate'], 'Bearer realm="mock-dwolla admin"', 'with WWW-Authenticate')
  const added = await admin(server, 'POST', '/__mock/fixtures', { ...host, 'Content-Type': 'application/json' }, RULE)
  expectRefused(t, added, 'AdminTokenRequired', 'no token: no rule added')
  t.same(
    server.fixtures.list().filter((rule) => rule.source === 'runtime'),
    [],
    'and indeed none was',
  )
  expectRefused(t, await admin(server, 'GET', '/__mock/nowhere', host), 'AdminTokenRequired', 'unknown admin paths too, before their 404')

  for (const wrong of [`${token.slice(0, -1)}${token.endsWith('x') ? 'y' : 'x'}`, token.slice(1), `${token}x`, 'short']) {
    expectRefused(
      t,
      await admin(server, 'GET', '/__mock/tokens', { ...host, Authorization: `Bearer ${wrong}` }),
      'InvalidAdminToken',
      `a wrong token (${wrong.length} characters)`,
    )
  }
  expectRefused(
    t,
    await admin(server, 'GET', '/__mock/tokens', { ...host, Authorization: `Basic ${token}` }),
    'AdminTokenRequired',
    'the token in another scheme',
  )

  const withToken = { ...host, Authorization: `Bearer ${token}` }
  t.equal((await admin(server, 'GET', '/__mock/tokens', withToken)).status, 200, 'the token works')
  t.equal((await admin(server, 'POST', '/__mock/fixtures', { ...withToken, 'Content-Type': 'application/json' }, RULE)).status, 201, 'and can add a rule')
  t.equal(
    (await admin(server, 'GET', '/__mock/health', { Host: 'mock-dwolla:8910', Authorization: `Bearer ${token}` })).status,
    200,
    'any Host name: other machines reach it by names of their own',
  )
  const api = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, 'client_id=k&client_secret=s&grant_type=client_credentials'))
  t.equal(api.status, 200, 'the Dwolla API needs no admin token')
})

t.test('a token given to start() is required on loopback too', async (t) => {
  const adminToken = 'sixteen-chars-at-least'
  const server = await start({ adminToken })
  t.teardown(() => server.close())
  t.equal(server.adminToken, adminToken, 'exposed on the object start() returns')
  const host = { Host: `127.0.0.1:${server.port}` }
  expectRefused(t, await admin(server, 'POST', '/__mock/reset', host), 'AdminTokenRequired', 'without it')
  t.equal((await admin(server, 'POST', '/__mock/reset', { ...host, Authorization: `Bearer ${adminToken}` })).status, 200, 'with it')
  await t.rejects(
    start({ adminToken: 'too-short' }),
    { name: 'StartupError', message: 'option adminToken: expected at least 16 printable ASCII characters without spaces' },
    'a short token is refused, and not quoted',
  )
})

t.test('on loopback no token is needed, and none is made up', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  t.equal(server.adminToken, undefined, 'no token')
  t.equal((await admin(server, 'GET', '/__mock/tokens', { Host: `127.0.0.1:${server.port}` })).status, 200, 'the admin API answers')
})

t.test('a cross-site browser request cannot drive the admin API', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const host = { Host: `127.0.0.1:${server.port}` }
  server.clock.advance(1000)
  // What any web page can send with fetch(..., {mode: 'no-cors'}): a "simple" request, no preflight.
  const page = { 'Content-Type': 'text/plain;charset=UTF-8', Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'no-cors' }
  expectRefused(t, await admin(server, 'POST', '/__mock/reset', { ...host, ...page }, '{}'), 'CrossSiteRequest', "the issue's text/plain POST to /__mock/reset")
  expectRefused(
    t,
    await admin(server, 'POST', '/__mock/reset', { ...host, 'Sec-Fetch-Site': 'cross-site' }),
    'CrossSiteRequest',
    'Sec-Fetch-Site: cross-site alone',
  )
  expectRefused(
    t,
    await admin(server, 'POST', '/__mock/reset', { ...host, Origin: 'http://evil.example' }),
    'CrossSiteRequest',
    'a foreign Origin alone (older browsers)',
  )
  expectRefused(t, await admin(server, 'POST', '/__mock/reset', { ...host, Origin: 'null' }), 'CrossSiteRequest', 'Origin: null (a sandboxed page)')
  expectRefused(t, await admin(server, 'GET', '/__mock/tokens', { ...host, Origin: 'http://evil.example' }), 'CrossSiteRequest', 'reads too')
  expectRefused(
    t,
    await admin(server, 'POST', '/__mock/reset', { ...host, 'Content-Type': 'text/plain' }, 'x'),
    'JsonRequired',
    'a text/plain write without browser marks',
  )
  expectRefused(t, await admin(server, 'POST', '/__mock/fixtures', { ...host, 'Content-Type': FORM }, 'when=x'), 'JsonRequired', 'a form write')
  t.equal(server.clock.offsetMs, 1000, 'nothing was reset')
  const own = await admin(server, 'POST', '/__mock/reset', { ...host, Origin: `http://127.0.0.1:${server.port}`, 'Sec-Fetch-Site': 'same-origin' })
  t.equal(own.status, 200, "the server's own origin may")
  const behindTls = await admin(server, 'GET', '/__mock/health', { ...host, Origin: `https://127.0.0.1:${server.port}` })
  t.equal(behindTls.status, 200, 'so may its https origin (a TLS proxy in front)')
  const json = await admin(server, 'POST', '/__mock/clock', { ...host, 'Content-Type': 'application/json; charset=utf-8' }, '{"advanceSeconds":1}')
  t.equal(json.status, 200, 'a JSON write from a script or test suite works')
  t.equal((await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).status, 200, 'as does a bodiless POST from fetch (Content-Length: 0)')
})

t.test('DNS rebinding: on loopback only loopback Host names are accepted, unless allowed', async (t) => {
  const server = await start({ allowedHosts: ['mock.test'] })
  t.teardown(() => server.close())
  const { port } = server
  expectRefused(t, await admin(server, 'GET', '/__mock/tokens', { Host: `evil.example:${port}` }), 'HostNotAllowed', 'Host: evil.example')
  expectRefused(t, await admin(server, 'POST', '/__mock/reset', { Host: `evil.example:${port}` }), 'HostNotAllowed', 'a write with it')
  expectRefused(
    t,
    await admin(server, 'GET', '/__mock/tokens', { Host: `127.0.0.1.evil.example:${port}` }),
    'HostNotAllowed',
    'a name that starts like 127.0.0.1',
  )
  // HTTP/1.1 requires Host (Node answers 400 without one); HTTP/1.0 does not.
  expectRefused(t, await sendRaw(port, 'GET /__mock/tokens HTTP/1.0\r\n\r\n'), 'HostNotAllowed', 'no Host at all (HTTP/1.0)')
  for (const name of [
    `localhost:${port}`,
    `LOCALHOST.:${port}`,
    `127.0.0.1:${port}`,
    '127.0.0.1',
    '127.1.2.3:80',
    `[::1]:${port}`,
    'mock.test:8910',
    'MOCK.TEST',
  ]) {
    t.equal((await admin(server, 'GET', '/__mock/tokens', { Host: name })).status, 200, `Host: ${name}`)
  }
  const api = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, 'client_id=k&client_secret=s&grant_type=client_credentials'))
  t.equal(api.status, 200, 'the Dwolla API does not check Host')
})

t.test('off loopback, allowedHosts still restricts Host when given', async (t) => {
  const server = await start({ host: '0.0.0.0', allowedHosts: ['mock.test'] })
  t.teardown(() => server.close())
  const authorization = `Bearer ${server.adminToken}`
  expectRefused(t, await admin(server, 'GET', '/__mock/health', { Host: 'evil.example', Authorization: authorization }), 'HostNotAllowed', 'another name')
  t.equal((await admin(server, 'GET', '/__mock/health', { Host: 'mock.test', Authorization: authorization })).status, 200, 'the allowed name')
})

t.test('buildServer() takes the loopback answer: the Host check, and a token only if given', async (t) => {
  const app = await buildServer()
  t.teardown(() => app.close())
  t.equal((await app.inject({ method: 'GET', url: '/__mock/health' })).statusCode, 200, "inject()'s default Host, localhost:80, passes")
  const rebound = await app.inject({ method: 'GET', url: '/__mock/health', headers: { host: 'evil.example' } })
  t.same([rebound.statusCode, rebound.json()], [403, refusal('HostNotAllowed')], 'another Host is refused')
})

t.test('every route registered inside registerAdminApi is guarded', async (t) => {
  // Collected as they are registered, so routes other streams add there are covered by this test.
  const app = Fastify()
  const routes: Array<{ method: string; url: string }> = []
  app.addHook('onRoute', ({ method, url }) => {
    for (const one of [method].flat()) if (one !== 'HEAD') routes.push({ method: one, url })
  })
  const state = await createMockState({ adminToken: 'x'.repeat(16) })
  await registerAdminApi(app, state, await loadOperationTable(), (request, reply, route) => openRequest(request, reply, route, state), RESOURCES)
  t.teardown(() => app.close())
  t.ok(routes.length >= 11, `found the admin routes (${routes.length})`)
  for (const { method, url } of routes) {
    const response = await app.inject({ method: method as 'GET', url: url.replace(/:\w+/g, 'x') })
    t.same([response.statusCode, response.json()], [401, refusal('AdminTokenRequired')], `${method} ${url}`)
  }
})

t.test('the CLI prints a made-up token once, on stderr, and never logs it', async (t) => {
  const cli = await startCli(t, ['--port', '0', '--host', '0.0.0.0', '--log-level', 'debug'])
  const url = cli.url.replace('0.0.0.0', '127.0.0.1')
  const printed = /^mock-dwolla: the admin API \(\/__mock\) needs "Authorization: Bearer ([A-Za-z0-9_-]{43})"$/m
  const token = printed.exec(await cli.stderrMatching(printed))?.[1] as string
  t.equal((await fetch(`${url}/__mock/tokens`)).status, 401, 'no token: refused')
  t.equal((await fetch(`${url}/__mock/tokens`, { headers: { authorization: `Bearer ${token}` } })).status, 200, 'the printed token works')
  t.equal((await fetch(`${url}/__mock/tokens`, { headers: { authorization: `Bearer ${token}x` } })).status, 401, 'a wrong one is refused')
  cli.stop('SIGTERM')
  const exited = await cli.exited
  t.equal(exited.code, 0, 'stops on SIGTERM')
  const everything = exited.stderr
  t.equal(everything.split(token).length - 1, 1, 'the token appears once in everything written to stderr (debug logs included)')
  t.notMatch(exited.stdout, token, 'and never on stdout')
})

t.test('the CLI with MOCK_DWOLLA_ADMIN_TOKEN: that token, not printed', async (t) => {
  const token = 'from-the-environment-1234'
  const cli = await startCli(t, ['--port', '0', '--host', '0.0.0.0'], { env: { ...process.env, MOCK_DWOLLA_ADMIN_TOKEN: token } })
  const url = cli.url.replace('0.0.0.0', '127.0.0.1')
  t.equal((await fetch(`${url}/__mock/health`, { headers: { authorization: `Bearer ${token}` } })).status, 200, 'the given token works')
  cli.stop('SIGTERM')
  const exited = await cli.exited
  t.notMatch(exited.stderr, token, 'never printed or logged')
})
