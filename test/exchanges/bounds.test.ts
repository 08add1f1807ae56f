import t from 'tap'
import { EXCHANGE_MESSAGES, EXCHANGES } from '../../src/resources/exchanges/index.js'
import { EXCHANGE_SESSIONS, SESSION_LIMIT } from '../../src/resources/exchange-sessions/sessions-part.js'
import { EXCHANGE_LIMIT } from '../../src/resources/exchanges/exchanges-part.js'
import { SEEDED } from '../helpers/customers.js'
import { PARTNERS, tokenExchangeBody } from '../helpers/exchanges.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

t.test('past the exchange limit a create is 400 MaxNumberOfResources, never a crash; the weight counts every exchange', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const world = app.mockDwolla.worlds.open('key')
  const store = world.get(EXCHANGES)
  const partner = { id: PARTNERS.Plaid, name: 'Plaid' as const, created: '' }
  for (let i = store.size; i < EXCHANGE_LIMIT; i++) store.create({ kind: 'account' }, { partner, credential: 'token' })
  const refused = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchanges`, { token, body: tokenExchangeBody() })
  t.same([refused.statusCode, refused.json()], [400, { code: 'MaxNumberOfResources', message: EXCHANGE_MESSAGES.tooManyExchanges }], 'the next: 400')
  t.equal(store.size, EXCHANGE_LIMIT, 'none past the limit')
  t.ok(world.weight() >= EXCHANGES.weigh(store), 'the world’s weight includes every exchange')
  t.equal(EXCHANGES.weigh(store), EXCHANGE_LIMIT * 2048, 'each weighed at its worst case')
})

t.test('past the session limit the oldest session is forgotten (it answers 404), with its available connections', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const store = app.mockDwolla.worlds.open('key').get(EXCHANGE_SESSIONS)
  const first = store.create({ customerId: SEEDED.personalVerified, partnerId: PARTNERS.MX, flow: 'mx' })
  store.complete(first.id)
  const listed = async () =>
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/available-exchange-connections`, { token })).json()._embedded[
      'available-exchange-connections'
    ]
  t.equal((await listed()).length, 2, 'its connections are listed')
  for (let i = 1; i < SESSION_LIMIT; i++) store.create({ customerId: SEEDED.unverified, partnerId: PARTNERS.Plaid, flow: 'plaid' })
  t.equal((await apiRequest(app, 'GET', `/exchange-sessions/${first.id}`, { token })).statusCode, 200, 'at the limit: still there')
  store.create({ customerId: SEEDED.unverified, partnerId: PARTNERS.Plaid, flow: 'plaid' })
  t.equal(store.size, SESSION_LIMIT, 'never more than the limit')
  t.equal((await apiRequest(app, 'GET', `/exchange-sessions/${first.id}`, { token })).statusCode, 404, 'one past: the oldest is forgotten')
  t.same(await listed(), [], 'with its connections')
})
