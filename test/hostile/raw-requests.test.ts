import t, { type Test } from 'tap'
import { start, type RunningMockDwolla } from '../../src/index.js'
import { rawRequest, sendRaw, type RawResponse } from '../helpers/raw-http.js'
import { dwollaShapeProblem, oauthShapeProblem } from '../helpers/shapes.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const FORM = 'application/x-www-form-urlencoded'
const TOKEN_FORM = 'client_id=k&client_secret=s&grant_type=client_credentials'
const HREF = 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'
const LEAKS = /node_modules|\n\s+at |FST_|ajv|openapi-backend|SyntaxError|TypeError/i

let server: RunningMockDwolla
let token: string
t.before(async () => {
  server = await start({ bodyLimit: 64 * 1024 })
  const response = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, TOKEN_FORM))
  token = (JSON.parse(response.body) as { access_token: string }).access_token
})
t.teardown(() => server.close())

/** A 4xx in the dialect of the route, with nothing internal in it. */
function expectRejected(t: Test, response: RawResponse, dialect: 'dwolla' | 'oauth', label: string): void {
  const problem = (dialect === 'oauth' ? oauthShapeProblem : dwollaShapeProblem)(response.status, response.headers['content-type'], response.body)
  t.equal(problem, undefined, `${label}: a ${dialect}-shaped 4xx (got ${response.status} ${response.body.slice(0, 100)})`)
  t.notMatch(response.body, LEAKS, `${label}: nothing internal leaks`)
}

async function stillServing(t: Test, label: string): Promise<void> {
  const response = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, TOKEN_FORM))
  t.equal(response.status, 200, `${label}: the server still answers correctly afterwards`)
}

const api = (body: string | Buffer, headers: Record<string, string> = {}) =>
  rawRequest('POST', '/client-tokens', { Authorization: `Bearer ${token}`, Accept: HAL, 'Content-Type': 'application/json', ...headers }, body as string)

t.test('a wrong JSON type at every field of /client-tokens', async (t) => {
  const values: unknown[] = [null, true, false, 0, -1.5, 1e308, '', 'x', [], [1, 'a'], {}, { a: 1 }]
  const place = (path: string[], value: unknown) => {
    const body: Record<string, unknown> = { action: 'customer.update', _links: { customer: { href: HREF } } }
    if (path.length === 0) return value
    let target = body
    for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>
    target[path.at(-1) as string] = value
    return body
  }
  for (const path of [[], ['action'], ['_links'], ['_links', 'customer'], ['_links', 'customer', 'href']]) {
    for (const value of values) {
      const label = `/${path.join('/')} = ${JSON.stringify(value)}`
      const response = await sendRaw(server.port, api(JSON.stringify(place(path, value))))
      expectRejected(t, response, 'dwolla', label)
    }
  }
  await stillServing(t, 'wrong types')
})

t.test('odd bodies', async (t) => {
  const deepArray = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
  const deepHref = `{"action":"customer.read","_links":{"customer":{"href":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}}}`
  const cases: Array<[string, string | Buffer, Record<string, string>]> = [
    ['20,000 levels of nesting', deepArray, {}],
    ['5,000 levels inside a field', deepHref, {}],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"action":"customer.'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), {}],
    ['a lone surrogate escape', '{"action":"\\ud800"}', {}],
    ['a NUL in a string', '{"action":"customer.read\\u0000"}', {}],
    ['truncated JSON', '{"action":"customer.read","_links":{', {}],
    ['two JSON documents', '{"action":"customer.create"}{"action":"customer.create"}', {}],
    ['__proto__', '{"action":"customer.create","__proto__":{"admin":true}}', {}],
    ['constructor.prototype', '{"action":"customer.create","constructor":{"prototype":{"admin":true}}}', {}],
    ['body over the limit', `{"action":"customer.create","pad":"${'x'.repeat(70_000)}"}`, {}],
    ['empty body', '', {}],
  ]
  for (const [label, body, headers] of cases) expectRejected(t, await sendRaw(server.port, api(body, headers)), 'dwolla', label)
  t.equal(({} as Record<string, unknown>).admin, undefined, 'no prototype was polluted')
  // RFC 8259 §8.1 lets a parser ignore a byte order mark; like most servers, this one does.
  const bom = await sendRaw(server.port, api('\ufeff{"action":"customer.create"}'))
  t.equal(bom.status, 200, 'a UTF-8 BOM before JSON is tolerated')
  const journal = await fetch(`${server.url}/__mock/requests`)
  t.equal(journal.status, 200, 'the journal still reads after deeply nested bodies')
  await stillServing(t, 'odd bodies')
})

t.test('odd content types', async (t) => {
  const body = JSON.stringify({ action: 'customer.create' })
  const cases: Array<[string, Record<string, string>]> = [
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['a form', { 'Content-Type': FORM }],
    ['multipart', { 'Content-Type': 'multipart/form-data; boundary=x' }],
    ['garbage', { 'Content-Type': ';;;' }],
    ['a list', { 'Content-Type': 'application/json, text/plain' }],
    ['XML', { 'Content-Type': 'application/xml' }],
  ]
  for (const [label, headers] of cases) expectRejected(t, await sendRaw(server.port, api(body, headers)), 'dwolla', label)
  // Bodies are decoded as UTF-8 whatever charset is claimed, as Fastify (and most servers) do.
  const utf16 = await sendRaw(server.port, api(body, { 'Content-Type': 'application/json; charset=utf-16' }))
  t.equal(utf16.status, 200, 'a charset parameter is not held against a UTF-8 body')
  const missing = rawRequest('POST', '/client-tokens', { Authorization: `Bearer ${token}`, Accept: HAL }, body)
  expectRejected(t, await sendRaw(server.port, missing), 'dwolla', 'no Content-Type with a body')
  const tokenJson = rawRequest('POST', '/token', { 'Content-Type': 'application/json' }, JSON.stringify({ grant_type: 'client_credentials' }))
  expectRejected(t, await sendRaw(server.port, tokenJson), 'oauth', '/token with JSON')
  const tokenNone = rawRequest('POST', '/token', {}, TOKEN_FORM)
  expectRejected(t, await sendRaw(server.port, tokenNone), 'oauth', '/token without a Content-Type')
  await stillServing(t, 'odd content types')
})

t.test('odd Accept and Authorization headers', async (t) => {
  const body = JSON.stringify({ action: 'customer.create' })
  const accepts = ['', '*/*', '*/*;q=0', 'application/vnd.dwolla.v1.hal+jsonx', 'applicatiön/json', 'x'.repeat(8000)]
  for (const accept of accepts) {
    expectRejected(t, await sendRaw(server.port, api(body, { Accept: accept })), 'dwolla', `Accept ${JSON.stringify(accept.slice(0, 30))}`)
  }
  const authorizations = [
    '',
    'Bearer',
    'Bearer  ',
    `Token ${token}`,
    `Bearer ${token} extra`,
    `Bearer ${'a'.repeat(8000)}`,
    'Basic a2V5OnNlY3JldA==',
    'Bearer \u00e9\u00e9',
  ]
  for (const authorization of authorizations) {
    expectRejected(
      t,
      await sendRaw(server.port, api(body, { Authorization: authorization })),
      'dwolla',
      `Authorization ${JSON.stringify(authorization.slice(0, 30))}`,
    )
  }
  const basics = [
    'Basic',
    'Basic !!!',
    `Basic ${Buffer.from('no-colon').toString('base64')}`,
    `Basic ${Buffer.from(':').toString('base64')}`,
    'Digest x',
    'basic\ta2V5OnNlY3JldA==x',
  ]
  for (const authorization of basics) {
    const request = rawRequest('POST', '/token', { 'Content-Type': FORM, Authorization: authorization }, 'grant_type=client_credentials')
    expectRejected(t, await sendRaw(server.port, request), 'oauth', `/token Authorization ${JSON.stringify(authorization)}`)
  }
  const forms = [
    'grant_type=client_credentials&grant_type=password&client_id=k&client_secret=s',
    'client_id=%ZZ&client_secret=s',
    '%%%',
    `grant_type=${'x'.repeat(10_000)}`,
    'client_id=k&client_secret=s&grant_type=client_credentials&client_secret=t',
  ]
  for (const form of forms) {
    expectRejected(t, await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, form)), 'oauth', `/token form ${form.slice(0, 40)}`)
  }
  await stillServing(t, 'odd headers')
})

t.test('path tricks', async (t) => {
  const paths = [
    '/../token',
    '/client-tokens/..',
    '/%2e%2e/token',
    '/token%2F',
    '//token',
    '/TOKEN',
    '/token;x',
    '/client-tokens%00',
    '/token/../../etc/passwd',
    `/${'a'.repeat(4000)}`,
    '/__mock/../token',
  ]
  for (const path of paths) {
    const response = await sendRaw(server.port, rawRequest('POST', path, { 'Content-Type': FORM }, TOKEN_FORM))
    t.ok(response.status < 500, `${path.slice(0, 40)}: no 5xx (${response.status})`)
    if (response.status >= 400 && response.headers['content-type']?.startsWith('application/vnd.dwolla')) {
      expectRejected(t, response, 'dwolla', path.slice(0, 40))
    }
  }
  for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    const response = await sendRaw(server.port, rawRequest(method, '/client-tokens', {}))
    t.equal(response.status, 405, `${method} /client-tokens: 405`)
    if (method !== 'HEAD') expectRejected(t, response, 'dwolla', `${method} /client-tokens`)
  }
  await stillServing(t, 'path tricks')
})

t.test("URLs the router refuses are answered in Dwolla's shape, with an X-Request-Id, and journaled", async (t) => {
  const cases: Array<[string, string, number, string]> = [
    ['malformed percent-encoding', '/customers/%zz', 400, 'BadRequest'],
    ['a path segment over 100 characters', `/customers/${'a'.repeat(101)}`, 404, 'NotFound'],
  ]
  for (const [label, path, status, code] of cases) {
    const response = await sendRaw(server.port, rawRequest('GET', path, { Accept: HAL, Authorization: `Bearer ${token}`, Origin: 'http://localhost:5173' }))
    t.equal(response.status, status, `${label}: ${status}`)
    expectRejected(t, response, 'dwolla', label)
    t.equal(JSON.parse(response.body).code, code, `${label}: ${code}`)
    t.ok(response.headers['x-request-id'], `${label}: an X-Request-Id`)
    t.equal(response.headers['access-control-allow-origin'], 'http://localhost:5173', `${label}: a page can read it`)
    t.match(server.requests({ path }).at(-1), { method: 'GET', status }, `${label}: in the journal`)
  }
  await stillServing(t, 'refused URLs')
})

t.test('malformed HTTP', async (t) => {
  const cases: Array<[string, string | Buffer]> = [
    ['a garbage request line', 'HELLO\r\n\r\n'],
    ['a header without a colon', 'POST /token HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n'],
    ['a bad Content-Length', 'POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n'],
    ['two Content-Lengths', 'POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab'],
    ['bad chunked encoding', 'POST /client-tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
    ['headers over 16 KiB', `GET /token HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
    ['a NUL in the request line', Buffer.from('POST /tok\u0000en HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1')],
    ['an HTTP/2 preface', 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
  ]
  for (const [label, bytes] of cases) {
    const response = await sendRaw(server.port, bytes)
    t.ok(response.status >= 400 && response.status < 500, `${label}: a 4xx (${response.status})`)
    expectRejected(t, response, 'dwolla', label)
  }
  // Broken framing is a connection-level failure (Node's HTTP parser gives up before any route
  // answers), so it gets Dwolla's BadRequest even on /token.
  const chunked = await sendRaw(
    server.port,
    'POST /token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
  )
  expectRejected(t, chunked, 'dwolla', 'bad chunked encoding to /token')
  await stillServing(t, 'malformed HTTP')
})
