import t from 'tap'
import type { DwollaErrorCode, FixtureEmbeddedError, FixtureRespond, OAuthErrorCode } from '../../src/index.js'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, OAUTH_ERRORS, start } from '../../src/index.js'
import { accessTokenFor, mockFor, requestAccessToken, requestClientToken } from '../helpers/mock.js'

const onClientTokens = (respond: FixtureRespond<DwollaErrorCode>) => ({
  defaultFixtures: false,
  customerCheck: 'any' as const,
  fixtures: { rules: [{ when: { operation: 'createClientToken' as const }, respond }] },
})

t.test('every catalogue error, in Dwolla shape and media type', async (t) => {
  for (const [code, { status, message }] of Object.entries(DWOLLA_ERRORS)) {
    const app = await mockFor(t, onClientTokens({ error: code as DwollaErrorCode }))
    const response = await requestClientToken(app, { token: await accessTokenFor(app) })
    t.equal(response.statusCode, status, `${code}: ${status}`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, `${code}: Dwolla media type`)
    const expected = message.replace('{ID}', response.headers['x-request-id'] as string)
    t.same(response.json(), { code, message: expected }, `${code}: body`)
  }
})

t.test('every OAuth error on /token', async (t) => {
  for (const [error, { status, description }] of Object.entries(OAUTH_ERRORS)) {
    const app = await mockFor(t, {
      defaultFixtures: false,
      customerCheck: 'any',
      fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { error: error as OAuthErrorCode } }] },
    })
    const response = await requestAccessToken(app)
    t.equal(response.statusCode, status, `${error}: ${status}`)
    t.match(response.headers['content-type'], /^application\/json/, `${error}: application/json`)
    t.same(response.json(), { error, error_description: description.replace('{ID}', response.headers['x-request-id'] as string) }, `${error}: body`)
  }
})

t.test('a message override, extra headers, Retry-After', async (t) => {
  const app = await mockFor(t, onClientTokens({ error: 'TooManyRequests', message: 'Slow down.', retryAfter: 30, headers: { 'x-extra': 'yes' } }))
  const response = await requestClientToken(app, { token: await accessTokenFor(app) })
  t.equal(response.statusCode, 429, '429')
  t.same(response.json(), { code: 'TooManyRequests', message: 'Slow down.' }, 'the given message')
  t.equal(response.headers['retry-after'], '30', 'Retry-After')
  t.equal(response.headers['x-extra'], 'yes', 'extra header')
})

t.test('ValidationError with the embedded errors given', async (t) => {
  const embedded: FixtureEmbeddedError[] = [
    { code: 'Invalid', message: 'Customer not found.', path: '/_links/customer/href' },
    { code: 'Restricted', message: 'Customer restricted.', path: '/_links/customer' },
  ]
  const app = await mockFor(t, onClientTokens({ error: 'ValidationError', embedded }))
  const response = await requestClientToken(app, { token: await accessTokenFor(app) })
  t.same(
    response.json(),
    {
      code: 'ValidationError',
      message: DWOLLA_ERRORS.ValidationError.message,
      _embedded: { errors: embedded.map((e) => ({ ...e, _links: {} })) },
    },
    'embedded errors in Dwolla shape',
  )
})

t.test('a custom status, headers and JSON body', async (t) => {
  const app = await mockFor(t, onClientTokens({ status: 202, headers: { 'x-custom': '1' }, body: { token: 'fixed' } }))
  const response = await requestClientToken(app, { token: await accessTokenFor(app) })
  t.equal(response.statusCode, 202, 'the status given')
  t.equal(response.headers['x-custom'], '1', 'the header given')
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'JSON bodies get the route media type')
  t.same(response.json(), { token: 'fixed' }, 'the body given')
})

t.test('a custom string body, its own content type, an empty body', async (t) => {
  const text = await mockFor(t, onClientTokens({ status: 503, body: 'down for maintenance' }))
  const a = await requestClientToken(text, { token: await accessTokenFor(text) })
  t.equal(a.statusCode, 503, '503')
  t.equal(a.body, 'down for maintenance', 'string sent as it is')
  t.match(a.headers['content-type'], /^text\/plain/, 'text/plain by default')
  const xml = await mockFor(t, onClientTokens({ status: 502, headers: { 'content-type': 'application/xml' }, body: '<x/>' }))
  t.equal((await requestClientToken(xml, { token: await accessTokenFor(xml) })).headers['content-type'], 'application/xml', 'the type given')
  const empty = await mockFor(t, onClientTokens({ status: 204 }))
  const c = await requestClientToken(empty, { token: await accessTokenFor(empty) })
  t.equal(c.statusCode, 204, '204')
  t.equal(c.body, '', 'no body')
})

t.test('fault html500: the Cloudflare-style HTML page', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    customerCheck: 'any',
    fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { fault: 'html500' } }] },
  })
  const response = await requestAccessToken(app)
  t.equal(response.statusCode, 500, '500')
  t.match(response.headers['content-type'], /^text\/html/, 'HTML, where clients expect JSON')
  t.equal(response.headers.server, 'cloudflare', 'served by the edge')
  t.match(response.body, /<title>api\.dwolla\.com \| 500: Internal server error<\/title>/, 'the page')
  t.throws(() => JSON.parse(response.body), SyntaxError, 'not JSON')
})

t.test('fault drop: the connection closes without an answer, and the server keeps serving', async (t) => {
  const server = await start(onClientTokens({ fault: 'drop' }))
  t.teardown(() => server.close())
  const tokenResponse = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  const { access_token } = (await tokenResponse.json()) as { access_token: string }
  await t.rejects(
    fetch(`${server.url}/client-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, accept: 'application/vnd.dwolla.v1.hal+json', 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'customer.create' }),
    }),
    { message: 'fetch failed' },
    'the client sees a network failure',
  )
  const after = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  t.equal(after.status, 200, 'still serving')
})

t.test('delayMs alone: the normal answer, later', async (t) => {
  const app = await mockFor(t, onClientTokens({ delayMs: 150 }))
  const token = await accessTokenFor(app)
  const started = performance.now()
  const response = await requestClientToken(app, { token })
  t.ok(performance.now() - started >= 140, 'waited at least the delay')
  t.equal(response.statusCode, 200, 'then the normal answer')
  t.match(response.json().token, /^[0-9A-Za-z]{50}$/, 'a real client token')
})

t.test('delayMs with an error: the error, later', async (t) => {
  const app = await mockFor(t, onClientTokens({ delayMs: 100, error: 'RequestTimeout' }))
  const token = await accessTokenFor(app)
  const started = performance.now()
  const response = await requestClientToken(app, { token })
  t.ok(performance.now() - started >= 90, 'waited')
  t.equal(response.json().code, 'RequestTimeout', 'then the error')
})
