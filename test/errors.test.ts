import { connect } from 'node:net'
import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, start } from '../src/index.js'
import { accessTokenFor, mockFor, requestAccessToken, requestClientToken, UUID_V4 } from './helpers/mock.js'

t.test('unknown paths: 404 NotFound in Dwolla shape', async (t) => {
  const app = await mockFor(t)
  for (const url of [
    '/transfers/x/y',
    '/funding-sources/x/y',
    '/customers/x/unknown-things',
    '/tokens',
    '/client-tokens/x',
    '/client-tokens/../x',
    '/token/x',
    '/__proto__',
  ]) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.statusCode, 404, `${url}: 404`)
    t.same(response.json(), { code: 'NotFound', message: DWOLLA_ERRORS.NotFound.message }, `${url}: NotFound`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, `${url}: Dwolla media type`)
  }
})

t.test('known paths, wrong method: 405 MethodNotAllowed with Allow', async (t) => {
  const app = await mockFor(t)
  for (const [method, url] of [
    ['GET', '/token'],
    ['PUT', '/client-tokens'],
    ['DELETE', '/client-tokens/'],
    ['GET', '/token?x=1'],
  ] as const) {
    const response = await app.inject({ method, url })
    t.equal(response.statusCode, 405, `${method} ${url}: 405`)
    t.equal(response.headers.allow, 'POST', 'Allow: POST')
    t.same(response.json(), { code: 'MethodNotAllowed', message: DWOLLA_ERRORS.MethodNotAllowed.message }, 'MethodNotAllowed')
  }
})

t.test('paths with a trailing slash or a query string still route', async (t) => {
  const app = await mockFor(t)
  for (const url of ['/token/', '/token?foo=bar']) {
    const response = await app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'client_id=k&client_secret=s&grant_type=client_credentials',
    })
    t.equal(response.statusCode, 200, `${url}: 200`)
  }
})

t.test('every response carries a fresh X-Request-Id (UUID v4)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const responses = [
    await requestAccessToken(app),
    await requestAccessToken(app, { form: 'grant_type=nope' }),
    await requestClientToken(app, { token }),
    await requestClientToken(app, { token, payload: '{' }),
    await app.inject({ method: 'GET', url: '/nowhere' }),
    await app.inject({ method: 'GET', url: '/token' }),
    await app.inject({ method: 'POST', url: '/token', headers: { 'x-request-id': 'spoofed' } }),
  ]
  const ids = responses.map((r) => r.headers['x-request-id'])
  for (const id of ids) t.match(id, UUID_V4, `${String(id)} is a lowercase UUID v4`)
  t.equal(new Set(ids).size, ids.length, 'all distinct, none echoed from the client')
})

t.test('an unexpected failure: 500 ServerError with the request id, logged, server keeps serving', async (t) => {
  // The clock fails once, on the next read: the first thing that reads it (a hook or a handler)
  // throws while the request is being handled.
  let failuresLeft = 0
  const logged: string[] = []
  const app = await mockFor(t, {
    now: () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1
        throw new Error('clock broke')
      }
      return Date.now()
    },
    logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } },
  })
  const token = await accessTokenFor(app)
  failuresLeft = 1
  const api = await requestClientToken(app, { token })
  t.equal(api.statusCode, 500, 'API call: 500')
  const id = api.headers['x-request-id'] as string
  t.same(api.json(), { code: 'ServerError', message: `A server error occurred. Error ID: ${id}` }, 'ServerError naming the request id')
  t.equal(api.headers['content-type'], DWOLLA_CONTENT_TYPE, 'Dwolla media type')

  failuresLeft = 1
  const tokenCall = await requestAccessToken(app)
  t.equal(tokenCall.statusCode, 500, '/token: 500')
  t.equal(tokenCall.json().error, 'server_error', '/token keeps the OAuth error key so dwolla-v2 sees a failure')
  t.match(tokenCall.json().error_description, tokenCall.headers['x-request-id'], 'with the error id')

  t.equal(logged.length, 2, 'each failure logged once')
  t.match(JSON.parse(logged[0] as string), { errorId: id, err: { message: 'clock broke' } }, 'the log names the error id and cause')
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'the next request is served normally')
})

t.test('malformed HTTP on a raw socket gets a Dwolla-shaped 400', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let data = ''
    socket.on('data', (chunk: Buffer) => (data += chunk.toString()))
    socket.on('end', () => resolve(data))
    socket.on('error', reject)
    socket.write('POST /token HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n')
  })
  t.match(raw, /^HTTP\/1\.1 400 /, '400 status line')
  t.match(raw, /content-type: application\/vnd\.dwolla\.v1\.hal\+json; charset=UTF-8/i, 'Dwolla media type')
  t.match(raw, /x-request-id: [0-9a-f-]{36}/i, 'a request id')
  t.match(raw, /\{"code":"BadRequest","message":"The request body contains bad syntax or is incomplete\."\}$/, 'Dwolla body')
  const after = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  t.equal(after.status, 200, 'the server keeps serving')
})
