// Issue 12 item 5: a token stays valid for its whole lifetime however many tokens are issued
// after it (dwolla-v2 never fetches a new one after a 401, so a long suite used to break at
// random). Forged and tampered tokens are still refused; expiry and revocation still hold.
import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { accessTokenFor, mockFor, requestClientToken, TOKEN_PATTERN } from '../helpers/mock.js'

const INVALID = { code: 'InvalidAccessToken', message: DWOLLA_ERRORS.InvalidAccessToken.message }
const EXPIRED = { code: 'ExpiredAccessToken', message: DWOLLA_ERRORS.ExpiredAccessToken.message }

t.test('the first token still works after many times tokenLimit newer ones', async (t) => {
  const app = await mockFor(t, { tokenLimit: 10 })
  const first = await accessTokenFor(app)
  for (let i = 0; i < 200; i++) await accessTokenFor(app)
  const response = await requestClientToken(app, { token: first })
  t.equal(response.statusCode, 200, 'the first of 201 tokens is still accepted')
  t.match(response.json().token, TOKEN_PATTERN, 'and issues a client token')
  t.equal(app.mockDwolla.tokens().accessTokens.length, 10, 'the listing stays at tokenLimit')
})

t.test('at the default limit too: 1,100 tokens, the first still works', async (t) => {
  const app = await mockFor(t)
  const first = await accessTokenFor(app, 'first-app')
  for (let i = 0; i < 1100; i++) await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token: first })).statusCode, 200, 'accepted')
  t.match(app.mockDwolla.journal.list().at(-1), { clientId: 'first-app', status: 200 }, 'and still known to belong to its application')
})

t.test('forged and tampered tokens are refused', async (t) => {
  const app = await mockFor(t, { tokenLimit: 2 })
  const real = await accessTokenFor(app)
  await accessTokenFor(app)
  await accessTokenFor(app)
  const flip = (token: string, at: number) => token.slice(0, at) + (token[at] === 'a' ? 'b' : 'a') + token.slice(at + 1)
  const forgeries: Array<[string, string]> = [
    ...[0, 7, 25, 42, 49].map((at): [string, string] => [`one character changed at ${at}`, flip(real, at)]),
    ['two tokens spliced', real.slice(0, 25) + (await accessTokenFor(app)).slice(25)],
    ['the same characters in another order', [...real].reverse().join('')],
    ['50 random characters', 'Zk3q9'.repeat(10)],
    ['all zeros', '0'.repeat(50)],
    ['one character short', real.slice(0, 49)],
    ['one character long', `${real}a`],
  ]
  for (const [label, token] of forgeries) {
    const response = await requestClientToken(app, { token })
    t.same([response.statusCode, response.json()], [401, INVALID], `${label}: InvalidAccessToken`)
  }
  const { token: clientToken } = (await requestClientToken(app, { token: real })).json()
  const asked = await requestClientToken(app, { token: clientToken })
  t.same([asked.statusCode, asked.json().code], [403, 'Forbidden'], 'a client token is not an access token: it may not ask for another')
  t.equal((await requestClientToken(app, { token: real })).statusCode, 200, 'the real one, out of the recent list, still works')
})

t.test('a token of another server, or from before a reset that forgot tokens, is refused', async (t) => {
  const app = await mockFor(t)
  const other = await mockFor(t)
  const foreign = await accessTokenFor(other)
  t.same((await requestClientToken(app, { token: foreign })).json(), INVALID, "another server's token")
  const before = await accessTokenFor(app)
  app.mockDwolla.reset()
  t.equal((await requestClientToken(app, { token: before })).statusCode, 200, 'reset() keeps it valid')
  app.mockDwolla.reset({ tokens: true })
  t.same((await requestClientToken(app, { token: before })).json(), INVALID, 'a token from before reset({ tokens: true })')
})

t.test('expiry holds for a token long out of the recent list', async (t) => {
  const app = await mockFor(t, { tokenLimit: 3, now: () => Date.parse('2026-03-01T00:00:00Z') })
  const old = await accessTokenFor(app)
  for (let i = 0; i < 10; i++) await accessTokenFor(app)
  app.mockDwolla.clock.advance(3598_999)
  t.equal((await requestClientToken(app, { token: old })).statusCode, 200, 'valid a millisecond before expiry')
  app.mockDwolla.clock.advance(1)
  t.same((await requestClientToken(app, { token: old })).json(), EXPIRED, 'ExpiredAccessToken at expiry')
  app.mockDwolla.clock.advance(365 * 24 * 3600_000)
  t.same((await requestClientToken(app, { token: old })).json(), EXPIRED, 'and still ExpiredAccessToken a year later')
})

t.test('a fixture reload that changes the lifetime leaves issued tokens their own', async (t) => {
  const app = await mockFor(t, { tokenLimit: 1 })
  const long = await accessTokenFor(app)
  app.mockDwolla.accessTokens.lifetimeSeconds = 60
  const short = await accessTokenFor(app)
  await accessTokenFor(app)
  app.mockDwolla.clock.advance(61_000)
  t.same((await requestClientToken(app, { token: short })).json(), EXPIRED, 'the 60-second token expired')
  t.equal((await requestClientToken(app, { token: long })).statusCode, 200, 'the one issued for 3599 s did not')
})

t.test('revoking a token long out of the recent list', async (t) => {
  const app = await mockFor(t, { tokenLimit: 2 })
  const old = await accessTokenFor(app)
  const kept = await accessTokenFor(app)
  for (let i = 0; i < 5; i++) await accessTokenFor(app)
  const revoked = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${old}` })
  t.same([revoked.statusCode, revoked.json()], [200, { revoked: 'access' }], 'revoked')
  t.same((await requestClientToken(app, { token: old })).json(), INVALID, 'then refused')
  t.equal((await requestClientToken(app, { token: kept })).statusCode, 200, 'its neighbour still works')
  const again = await app.inject({ method: 'DELETE', url: `/__mock/tokens/${old}` })
  t.same([again.statusCode, again.json().error], [404, 'UnknownToken'], 'a second revocation finds nothing')
})
