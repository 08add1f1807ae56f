import t from 'tap'
import { buildServer, type ApiFixtureRule } from '../../src/index.js'
import { accessTokenFor, mockFor, requestClientToken } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27: a token issued at the clock's last instant expired in year 10000, which the admin
// views showed as +010000-…; the clock now stops ten years (the longest token lifetime) earlier.
t.test('the clock: a jump past the end of year 9989 is refused at the door and changes nothing', async (t) => {
  const app = await mockFor(t, { now: () => Date.parse('2026-01-01T00:00:00Z') })
  await accessTokenFor(app)
  const refusal = (message: string) => ({ error: 'InvalidClockChange', message })
  const tooFar = 'the clock cannot pass 9989-12-31T23:59:59.999Z: everything dated from it (a token expires up to ten years later) must fall before year 10000'
  const cases: Array<[unknown, string]> = [
    [{ advanceSeconds: 1e300 }, tooFar],
    [{ advanceMs: 1e20 }, tooFar],
    [{ advanceSeconds: Number.MAX_SAFE_INTEGER }, tooFar],
    [
      { advanceSeconds: -1 },
      'send {"advanceSeconds": n} or {"advanceMs": n} with n ≥ 0 (the clock only moves forward), and "application" to move one application’s clock only',
    ],
  ]
  for (const [payload, message] of cases) {
    const response = await app.inject({ method: 'POST', url: '/__mock/clock', payload: payload as object })
    t.equal(response.statusCode, 400, `${JSON.stringify(payload)}: 400`)
    t.same(response.json(), refusal(message), `${JSON.stringify(payload)}: says why`)
  }
  t.same((await app.inject({ method: 'GET', url: '/__mock/clock' })).json(), { now: '2026-01-01T00:00:00.000Z', offsetMs: 0 }, 'the clock did not move')
  for (const url of ['/__mock/clock', '/__mock/tokens', '/__mock/requests']) {
    t.equal((await app.inject({ method: 'GET', url })).statusCode, 200, `${url} still answers`)
  }
  const toEnd = Date.parse('9989-12-31T23:59:59.999Z') - Date.parse('2026-01-01T00:00:00Z')
  const atEnd = await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceMs: toEnd } })
  t.same(atEnd.json(), { now: '9989-12-31T23:59:59.999Z', offsetMs: toEnd }, 'up to the last millisecond of 9989 is fine')
  const oneMore = await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceMs: 1 } })
  t.same(oneMore.json(), refusal(tooFar), 'and not one millisecond further')
  t.throws(() => app.mockDwolla.clock.advance(1), { name: 'RangeError', message: tooFar }, 'in-process too')
  await accessTokenFor(app)
  const tokens = await app.inject({ method: 'GET', url: '/__mock/tokens' })
  t.equal(tokens.json().accessTokens.at(-1)?.expiresAt, '9990-01-01T00:59:58.999Z', 'a token issued at the very end lists with a four-digit year')
  const longest = await mockFor(t, { now: () => Date.parse('2026-01-01T00:00:00Z'), accessTokenLifetimeSeconds: 10 * 365 * 24 * 3600 })
  await longest.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceMs: toEnd } })
  await accessTokenFor(longest)
  const expiresAt = (await longest.inject({ method: 'GET', url: '/__mock/tokens' })).json().accessTokens.at(-1)?.expiresAt as string
  t.match(expiresAt, /^9999-12-\d\dT/, `the longest lifetime allowed, issued at the very end: still in 9999 (${expiresAt})`)
})

t.test('a repeated or unknown query key on /__mock/requests is a 400, not a 500', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, string]> = [
    ['?method=GET&method=POST', 'method: give it once'],
    ['?operation=a&operation=b', 'operation: give it once'],
    ['?path=/token&path=/x', 'path: give it once'],
    ['?mehtod=GET', 'unknown filter "mehtod" (did you mean method?): filter by application, operation, path, method, status, code'],
  ]
  for (const [query, message] of cases) {
    const response = await app.inject({ method: 'GET', url: `/__mock/requests${query}` })
    t.equal(response.statusCode, 400, `${query}: 400`)
    t.same(response.json(), { error: 'InvalidQuery', message }, `${query}: says which key`)
  }
  t.equal((await app.inject({ method: 'GET', url: '/__mock/requests?method=get' })).statusCode, 200, 'one of each is fine')
})

t.test('a header condition named after an Object.prototype member matches only a real header of that name', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
    app.mockDwolla.fixtures.clear()
    app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken', header: { name } }, respond: { error: 'Forbidden' } })
    t.equal((await requestClientToken(app, { token })).statusCode, 200, `${name}: a request without it is not matched`)
  }
  app.mockDwolla.fixtures.clear()
  app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken', header: { name: 'constructor', equals: 'yes' } }, respond: { error: 'Forbidden' } })
  t.equal((await requestClientToken(app, { token, headers: { constructor: 'yes' } })).statusCode, 403, 'a real constructor header is matched')
})

const withRespond = (respond: ApiFixtureRule['respond'], extra: Partial<ApiFixtureRule> = {}): ApiFixtureRule => ({
  when: { operation: 'createClientToken' },
  respond,
  ...extra,
})

t.test('rules that would break answers or state are refused when loaded, with the pointer', async (t) => {
  const cases: Array<[string, unknown, string]> = [
    [
      'CR/LF in a header value',
      withRespond({ status: 200, headers: { 'x-a': 'one\r\nset-cookie: evil=1' } }),
      'rule at /respond/headers/x-a: a header value cannot hold control characters (CR, LF, NUL…) or characters past U+00FF',
    ],
    [
      'a newline in an error header value',
      withRespond({ error: 'Forbidden', headers: { 'x-a': 'one\ntwo' } }),
      'rule at /respond/headers/x-a: a header value cannot hold control characters (CR, LF, NUL…) or characters past U+00FF',
    ],
    [
      'a character past U+00FF',
      withRespond({ status: 200, headers: { 'x-a': '€' } }),
      'rule at /respond/headers/x-a: a header value cannot hold control characters (CR, LF, NUL…) or characters past U+00FF',
    ],
    [
      'a space in a header name',
      withRespond({ status: 200, headers: { 'x a': '1' } }),
      "rule at /respond/headers/x a: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
    ],
    [
      'an empty header name',
      withRespond({ status: 200, headers: { '': '1' } }),
      "rule at /respond/headers/: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
    ],
    [
      'a colon in a header name',
      withRespond({ status: 200, headers: { 'x:y': '1' } }),
      "rule at /respond/headers/x:y: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
    ],
    [
      'Content-Length',
      withRespond({ status: 200, headers: { 'Content-Length': '5' }, body: 'hello world' }),
      'rule at /respond/headers/Content-Length: set by the server from the body; a rule cannot set it',
    ],
    [
      'Transfer-Encoding',
      withRespond({ status: 200, headers: { 'transfer-encoding': 'chunked' } }),
      'rule at /respond/headers/transfer-encoding: set by the server from the body; a rule cannot set it',
    ],
    [
      'a condition on an invalid header name',
      { when: { operation: 'createClientToken', header: { name: 'x\ny' } }, respond: { error: 'Forbidden' } },
      "rule at /when/header/name: not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)",
    ],
    ['times 1e308', withRespond({ error: 'Forbidden' }, { times: 1e308 }), 'rule at /times: must be <= 1000000'],
    ['retryAfter 1e308', withRespond({ error: 'TooManyRequests', retryAfter: 1e308 }), 'rule at /respond/retryAfter: must be <= 2147483'],
  ]
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  for (const [label, rule, message] of cases) {
    const response = await app.inject({ method: 'POST', url: '/__mock/fixtures', payload: rule as object })
    t.equal(response.statusCode, 400, `${label}: 400`)
    t.same(response.json(), { error: 'InvalidFixture', message }, `${label}: names the place and the problem`)
  }
  t.same(app.mockDwolla.fixtures.list(), [], 'none was added')
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'the API answers normally')
  t.same((await app.inject({ method: 'GET', url: '/__mock/fixtures' })).json(), { rules: [] }, 'the admin API too')
})

t.test('the same checks on fixture files, at start', async (t) => {
  const { write } = await tempFolder(t)
  const path = await write(
    'headers.yaml',
    'rules:\n  - when: { operation: createClientToken }\n    respond:\n      status: 200\n      headers: { x-a: "one\\r\\ntwo" }\n',
  )
  await t.rejects(
    buildServer({ fixtures: path }),
    {
      name: 'StartupError',
      message: `${path}:5:23 at /rules/0/respond/headers/x-a: a header value cannot hold control characters (CR, LF, NUL…) or characters past U+00FF`,
    },
    'CR/LF in a file',
  )
  const times = await write('times.json', JSON.stringify({ rules: [withRespond({ error: 'Forbidden' }, { times: 1e308 })] }))
  await t.rejects(buildServer({ fixtures: times }), { name: 'StartupError', message: `${times}:1:93 at /rules/0/times: must be <= 1000000` }, 'times in a file')
})
