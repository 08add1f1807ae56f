import t from 'tap'
import { accessTokenFor, apiRequest, CUSTOMER_HREF, CUSTOMER_ID, mockFor, requestAccessToken, requestClientToken } from '../helpers/mock.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'
import { RevocationLimitError, start } from '../../src/index.js'

t.test('list tokens: access tokens by application, client tokens with action and customer', async (t) => {
  const app = await mockFor(t, { now: () => Date.parse('2026-01-01T00:00:00Z') })
  const accessToken = await accessTokenFor(app, 'app-1')
  const { token: clientToken } = (await requestClientToken(app, { token: accessToken })).json()
  const listed = (await app.inject({ method: 'GET', url: '/__mock/tokens' })).json()
  t.same(
    listed,
    {
      accessTokens: [{ token: accessToken, clientId: 'app-1', issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:59:59.000Z', expired: false }],
      clientTokens: [
        {
          token: clientToken,
          clientId: 'app-1',
          action: 'customer.update',
          customerId: CUSTOMER_ID,
          issuedAt: '2026-01-01T00:00:00.000Z',
          expiresAt: '2026-01-01T01:00:00.000Z',
          expired: false,
        },
      ],
    },
    'both kinds, in full, with what they were issued for',
  )
  t.same(app.mockDwolla.tokens(), listed, 'the same in-process')
})

t.test('revoke a token: it then answers InvalidAccessToken', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const revoked = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${token}` })
  t.same(revoked.json(), { revoked: 'access' }, 'revoked the access token')
  t.equal((await requestClientToken(app, { token })).json().code, 'InvalidAccessToken', 'refused afterwards')
  const again = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${token}` })
  t.same([again.statusCode, again.json().error], [404, 'UnknownToken'], 'unknown the second time')
  const other = await accessTokenFor(app)
  const { token: clientToken } = (await requestClientToken(app, { token: other })).json()
  t.equal(app.mockDwolla.revokeToken(clientToken), 'client', 'client tokens too, in-process')
})

t.test('the clock: advance over HTTP to reach ExpiredAccessToken without waiting', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const before = (await app.inject({ method: 'GET', url: '/__mock/clock' })).json()
  t.equal(before.offsetMs, 0, 'no offset at start')
  const moved = await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceSeconds: 3599 } })
  t.equal(moved.json().offsetMs, 3_599_000, 'moved an hour less a second')
  t.equal((await requestClientToken(app, { token })).json().code, 'ExpiredAccessToken', 'the token has expired')
  t.equal(app.mockDwolla.tokens().accessTokens[0]?.expired, true, 'listed as expired')
  for (const payload of [{ advanceSeconds: -1 }, { advanceMs: 'soon' }, {}]) {
    const refused = await app.inject({ method: 'POST', url: '/__mock/clock', payload })
    t.same([refused.statusCode, refused.json().error], [400, 'InvalidClockChange'], `refused: ${JSON.stringify(payload)}`)
  }
  t.throws(() => app.mockDwolla.clock.advance(-5), RangeError, 'never backwards in-process either')
})

t.test('expiry with dwolla-v2: 401 ExpiredAccessToken surfaces; it keeps its token (it never drops one on a 401)', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  await client.post('client-tokens', { action: 'customer.create' })
  server.clock.advance(3600 * 1000)
  const error = await rejectionOf<Error & { status: number; body: { code: string } }>(client.post('client-tokens', { action: 'customer.create' }))
  t.equal(error.status, 401, 'status 401')
  t.equal(error.body.code, 'ExpiredAccessToken', 'ExpiredAccessToken')
  await rejectionOf(client.post('client-tokens', { action: 'customer.create' }))
  t.equal(server.requests({ path: '/token' }).length, 1, 'dwolla-v2 asked for one token only: its own clock says it is fresh')
})

t.test('expiry with the dwolla SDK: it drops its token on the 401 and fetches a new one on the next call', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const sdk = dwollaSdkFor(server.url)
  const body = { action: 'customer.update', links: { customer: { href: CUSTOMER_HREF } } }
  await sdk.clientTokens.create(body)
  server.clock.advance(3600 * 1000)
  const error = await rejectionOf<{ statusCode: number; body: string }>(sdk.clientTokens.create(body))
  t.equal(error.statusCode, 401, 'the call after expiry fails with 401')
  t.equal(JSON.parse(error.body).code, 'ExpiredAccessToken', 'ExpiredAccessToken')
  t.match((await sdk.clientTokens.create(body)).token, /^[0-9A-Za-z]{50}$/, 'the next call succeeds')
  t.same(
    server.requests().map((r) => `${r.path} ${r.status}`),
    ['/token 200', '/client-tokens 200', '/client-tokens 401', '/token 200', '/client-tokens 200'],
    'with a new token, as the journal shows',
  )
})

t.test('reset: back to the start state; health', async (t) => {
  const server = await start({
    defaultFixtures: false,
    fixtures: { rules: [{ when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' }, times: 1 }] },
  })
  t.teardown(() => server.close())
  const health = await fetch(`${server.url}/__mock/health`)
  t.match(await health.json(), { status: 'ok', version: /^\d+\.\d+\.\d+/ }, 'health')
  const app = server.app
  const token = await accessTokenFor(app)
  await requestClientToken(app, { token })
  server.fixtures.add({ when: { operation: 'createApplicationAccessToken' }, respond: { error: 'invalid_client' } })
  server.clock.advance(1000)
  const kept = server.tokens()
  t.equal((await fetch(`${server.url}/__mock/reset`, { method: 'POST' })).status, 200, 'POST /__mock/reset')
  t.same(server.tokens(), kept, 'tokens kept (issue 26: a backend keeps its SDK client, and its cached token)')
  t.same(server.requests(), [], 'empty journal')
  t.same(
    server.fixtures.list().map((r) => [r.source, r.matched]),
    [['file', 0]],
    'runtime rules gone, counts at zero',
  )
  t.equal(server.clock.offsetMs, 0, 'clock back')
  t.equal((await requestClientToken(app, { token: await accessTokenFor(app) })).statusCode, 403, 'the times-limited file rule answers again')
  t.equal((await apiRequest(app, 'GET', '/', { token })).statusCode, 200, 'the token from before the reset still works')
  server.reset()
  t.same(server.requests(), [], 'reset() in-process does the same')
  const forgot = await fetch(`${server.url}/__mock/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tokens: true }),
  })
  t.equal(forgot.status, 200, 'POST /__mock/reset {"tokens": true}')
  t.same(server.tokens(), { accessTokens: [], clientTokens: [] }, 'no tokens listed')
  t.equal((await apiRequest(app, 'GET', '/', { token })).json().code, 'InvalidAccessToken', 'and the old token is refused')
})

t.test('tokenLimit bounds the listing, not the tokens: the oldest still works', async (t) => {
  const app = await mockFor(t, { tokenLimit: 3 })
  const tokens = [await accessTokenFor(app), await accessTokenFor(app), await accessTokenFor(app), await accessTokenFor(app)]
  t.same(
    app.mockDwolla.tokens().accessTokens.map((listed) => listed.token),
    tokens.slice(1),
    'the three newest listed, oldest first',
  )
  t.equal((await requestClientToken(app, { token: tokens[0]! })).statusCode, 200, 'the first of four still works')
})

t.test('revocations past the bound: a clear admin error, nothing forgotten', async (t) => {
  const app = await mockFor(t, { tokenLimit: 10 })
  const revokeEveryOther = (count: number) => {
    for (let i = 0; i < count; i++) {
      const token = app.mockDwolla.accessTokens.issue({ clientId: 'key' })
      app.mockDwolla.accessTokens.issue({ clientId: 'key' })
      app.mockDwolla.revokeToken(token)
    }
  }
  revokeEveryOther(100_000)
  const kept = await accessTokenFor(app)
  await accessTokenFor(app)
  const refused = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${kept}` })
  t.equal(refused.statusCode, 409, '409')
  t.same(refused.json(), { error: 'TooManyRevocations', message: new RevocationLimitError().message }, 'says why and what to do')
  t.equal((await requestClientToken(app, { token: kept })).statusCode, 200, 'the token it could not revoke still works')
  t.throws(() => app.mockDwolla.revokeToken(kept), RevocationLimitError, 'in-process too')
})

t.test('applications: a client id past 256 characters, and 4,096 applications at once', async (t) => {
  const app = await mockFor(t)
  const long = await app.inject({
    method: 'POST',
    url: '/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `client_id=${'k'.repeat(257)}&client_secret=s&grant_type=client_credentials`,
  })
  t.same([long.statusCode, long.json().error], [401, 'invalid_client'], 'a client id no Dwolla key is that long: invalid_client')
  for (let i = 0; i < 4096; i++) app.mockDwolla.accessTokens.issue({ clientId: `app-${i}` })
  const full = await accessTokenResponse(app, 'app-4096')
  t.equal(full.statusCode, 503, 'every place holds an unexpired token: 503')
  t.match(full.json(), { error: 'server_error', error_description: /at most 4096 applications/ }, 'an OAuth error that says why')
  t.equal((await accessTokenResponse(app, 'app-7')).statusCode, 200, 'known applications still get tokens')
  app.mockDwolla.clock.advance(3599_000)
  t.equal((await accessTokenResponse(app, 'app-4096')).statusCode, 200, 'once tokens have expired, a place is free again')
})

function accessTokenResponse(app: Parameters<typeof requestAccessToken>[0], key: string) {
  return requestAccessToken(app, { form: `client_id=${key}&client_secret=s&grant_type=client_credentials` })
}
