import t from 'tap'
import { DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { PARTNERS } from '../helpers/exchanges.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

t.test('GET /exchange-partners with checkoutComPartner: the five partners dwolla@1.1.1 accepts, oldest first, with Dwolla’s ids; no Visa', async (t) => {
  const app = await mockFor(t, { checkoutComPartner: true })
  const token = await accessTokenFor(app)
  const response = await apiRequest(app, 'GET', '/exchange-partners', { token })
  t.equal(response.statusCode, 200, '200')
  const body = response.json()
  t.same(
    body._embedded['exchange-partners'].map((partner: { name: string; id: string }) => [partner.name, partner.id]),
    [
      ['Finicity', PARTNERS.Finicity],
      ['MX', PARTNERS.MX],
      ['Flinks', PARTNERS.Flinks],
      ['Plaid', PARTNERS.Plaid],
      ['Checkout.com', PARTNERS.CheckoutCom],
    ],
    'names and ids, by creation date',
  )
  t.equal(body.total, 5, 'total')
  t.same(body._links.self, { href: 'http://localhost:80/exchange-partners', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange-partner' }, 'self')
  const createds = body._embedded['exchange-partners'].map((partner: { created: string }) => partner.created)
  t.same([...createds].sort(), createds, 'newest last')
  const plaid = body._embedded['exchange-partners'][3]
  t.same(
    plaid,
    {
      _links: {
        self: { href: `http://localhost:80/exchange-partners/${PARTNERS.Plaid}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange-partner' },
        'funding-source': { href: 'http://localhost:80/funding-sources', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'funding-source' },
      },
      id: PARTNERS.Plaid,
      name: 'Plaid',
      status: 'active',
      created: '2023-11-08T17:22:09.717Z',
    },
    'a partner: self, funding-source, id, name, status active, created (Dwolla’s example)',
  )
})

t.test('by default, four partners: Checkout.com is not listed, and its id is unknown everywhere (the SDK before 1.1.1 rejects it)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const body = (await apiRequest(app, 'GET', '/exchange-partners', { token })).json()
  t.same(
    [body.total, body._embedded['exchange-partners'].map((partner: { name: string }) => partner.name)],
    [4, ['Finicity', 'MX', 'Flinks', 'Plaid']],
    'Finicity, MX, Flinks, Plaid',
  )
  const missing = await apiRequest(app, 'GET', `/exchange-partners/${PARTNERS.CheckoutCom}`, { token })
  t.same([missing.statusCode, missing.json().message], [404, NOT_FOUND_MESSAGES.exchangePartner], 'its id: 404')
  const session = await apiRequest(app, 'POST', '/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4/exchange-sessions', {
    token,
    body: { _links: { 'exchange-partner': { href: `/exchange-partners/${PARTNERS.CheckoutCom}` } } },
  })
  t.same([session.statusCode, session.json()._embedded?.errors?.[0]?.path], [400, '/_links/exchange-partner/href'], 'a session with it: an invalid partner')
})

t.test('GET /exchange-partners/{id}: one partner, in any letter case; any other id is Dwolla’s 404', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const got = await apiRequest(app, 'GET', `/exchange-partners/${PARTNERS.MX.toUpperCase()}`, { token })
  t.same([got.statusCode, got.json().name, got.json().id], [200, 'MX', PARTNERS.MX], 'MX, by an upper-case id')
  for (const id of ['2d36c06f-e283-49d8-829f-d4941a73fd6a', 'not-an-id']) {
    const missing = await apiRequest(app, 'GET', `/exchange-partners/${id}`, { token })
    t.same([missing.statusCode, missing.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.exchangePartner }], `${id}: 404 NotFound`)
  }
  t.equal((await apiRequest(app, 'GET', `/exchange-partners/${PARTNERS.MX}`, { token: 'nope' })).statusCode, 401, 'a bad token: 401')
})
