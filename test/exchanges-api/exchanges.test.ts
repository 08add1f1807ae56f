import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accountIdFor } from '../../src/resources/accounts/index.js'
import { EXCHANGE_MESSAGES } from '../../src/resources/exchanges/index.js'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia, PARTNERS, partnerLinks, tokenExchangeBody } from '../helpers/exchanges.js'
import { idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'

t.test('POST /customers/{id}/exchanges: 201, an absolute Location and no body; GET /exchanges/{id} and the customer’s list', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchanges`, {
    token,
    body: tokenExchangeBody(),
    headers: { 'content-type': DWOLLA_MEDIA_TYPE },
  })
  t.equal(created.statusCode, 201, '201 Created, for an unverified customer (as Dwolla’s samples do)')
  t.match(created.headers.location, /^http:\/\/localhost:80\/exchanges\/[0-9a-f-]{36}$/, 'absolute Location')
  t.equal(created.body, '', 'no body')
  const id = idOf(created.headers.location)
  const got = await apiRequest(app, 'GET', `/exchanges/${id.toUpperCase()}`, { token })
  t.equal(got.headers['content-type'], HAL, 'HAL')
  t.same(
    got.json(),
    {
      _links: {
        self: { href: `http://localhost:80/exchanges/${id}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange' },
        'exchange-partner': { href: `http://localhost:80/exchange-partners/${PARTNERS.Plaid}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange-partner' },
        customer: { href: `http://localhost:80/customers/${SEEDED.unverified}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'customer' },
      },
      id,
      status: 'active',
      created: got.json().created,
    },
    'the exchange: self, exchange-partner, customer; active',
  )
  t.match(got.json().created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'created with milliseconds and Z')
  const second = await createExchangeVia(app, token, SEEDED.unverified, { _links: partnerLinks(PARTNERS.Plaid), plaid: { publicToken: 'public-sandbox-1' } })
  const listed = await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/exchanges`, { token })
  const body = listed.json()
  t.same(
    body._embedded.exchanges.map((exchange: { id: string }) => exchange.id),
    [id, second],
    'oldest first',
  )
  t.equal(body.total, 2, 'total')
  t.same(
    body._links.self,
    { href: `http://localhost:80/customers/${SEEDED.unverified}/exchanges`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange' },
    'self',
  )
  t.same(
    body._embedded.exchanges[0]._links['funding-sources'],
    { href: 'http://localhost:80/funding-sources', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'funding-source' },
    'list items add funding-sources',
  )
  const none = await apiRequest(app, 'GET', `/customers/${SEEDED.receiveOnly}/exchanges`, { token })
  t.same([none.json().total, none.json()._embedded.exchanges], [0, []], 'another customer has none')
})

t.test('every credential kind its partner issues is accepted; a mismatch, two kinds or none is a ValidationError at its pointer', async (t) => {
  const app = await mockFor(t, { checkoutComPartner: true })
  const token = await accessTokenFor(app)
  const accepted: Array<[string, Record<string, unknown>]> = [
    ['Plaid processor token', tokenExchangeBody()],
    ['MX token', tokenExchangeBody('mx-token', PARTNERS.MX)],
    ['Flinks token', tokenExchangeBody(Buffer.from('secret:access').toString('base64'), PARTNERS.Flinks)],
    ['Checkout.com payment id', tokenExchangeBody('pay_abc', PARTNERS.CheckoutCom)],
    ['Plaid publicToken', { _links: partnerLinks(PARTNERS.Plaid), plaid: { publicToken: 'public-sandbox-x' } }],
    ['MX availableConnectionToken', { _links: partnerLinks(PARTNERS.MX), mx: { availableConnectionToken: 'eyJhY2NvdW50SWQiOiIxIn0=' } }],
    ['Finicity receipt', { _links: partnerLinks(PARTNERS.Finicity), finicity: { receiptId: 'r-1', profile: 3, products: [] } }],
  ]
  for (const [name, body] of accepted) {
    t.equal((await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/exchanges`, { token, body })).statusCode, 201, `${name}: 201`)
  }
  const refused: Array<[string, unknown, Array<{ code: string; message: string; path: string }>]> = [
    ['no partner', { token: 'x' }, [{ code: 'Required', message: EXCHANGE_MESSAGES.partnerRequired, path: '/_links/exchange-partner/href' }]],
    [
      'Visa’s id (not served)',
      { _links: { 'exchange-partner': { href: 'https://api.dwolla.com/exchange-partners/2d36c06f-e283-49d8-829f-d4941a73fd6a' } }, token: 'x' },
      [{ code: 'Invalid', message: EXCHANGE_MESSAGES.partnerInvalid, path: '/_links/exchange-partner/href' }],
    ],
    ['no credential', { _links: partnerLinks(PARTNERS.Plaid) }, [{ code: 'Required', message: EXCHANGE_MESSAGES.credentialRequired, path: '/token' }]],
    ['an empty token', tokenExchangeBody(''), [{ code: 'Required', message: 'token required.', path: '/token' }]],
    ['a Finicity token', tokenExchangeBody('x', PARTNERS.Finicity), [{ code: 'Invalid', message: EXCHANGE_MESSAGES.credentialInvalid, path: '/token' }]],
    [
      'a Plaid publicToken for MX',
      { _links: partnerLinks(PARTNERS.MX), plaid: { publicToken: 'p' } },
      [{ code: 'Invalid', message: EXCHANGE_MESSAGES.credentialInvalid, path: '/plaid/publicToken' }],
    ],
    [
      'two kinds at once',
      { ...tokenExchangeBody(), plaid: { publicToken: 'p' } },
      [{ code: 'Invalid', message: EXCHANGE_MESSAGES.credentialInvalid, path: '/token' }],
    ],
    ['a token of 4097 characters', tokenExchangeBody('x'.repeat(4097)), [{ code: 'Invalid', message: EXCHANGE_MESSAGES.credentialInvalid, path: '/token' }]],
  ]
  for (const [name, body, errors] of refused) {
    const response = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/exchanges`, { token, body })
    t.same(
      [response.statusCode, response.json().code, response.json()._embedded.errors],
      [400, 'ValidationError', errors.map((error) => ({ ...error, _links: {} }))],
      `${name}: 400 ValidationError`,
    )
  }
  for (const payload of ['[]', '"token"', '{']) {
    const response = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/exchanges`, { token, payload })
    t.same([response.statusCode, response.json().code], [400, 'BadRequest'], `${payload}: 400 BadRequest`)
  }
  t.equal(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/exchanges`, { token })).json().total,
    accepted.length,
    'only the accepted were kept',
  )
})

t.test('the failure sentinel: a credential naming "expired" or "invalid" is Dwolla’s 400 InvalidExchangeToken', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const [name, body] of [
    ['an expired processor token', tokenExchangeBody('processor-sandbox-EXPIRED')],
    ['an invalid public token', { _links: partnerLinks(PARTNERS.Plaid), plaid: { publicToken: 'public-invalid' } }],
    ['an expired MX connection', { _links: partnerLinks(PARTNERS.MX), mx: { availableConnectionToken: 'expired' } }],
  ] as const) {
    const customer = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchanges`, { token, body })
    t.same(
      [customer.statusCode, customer.json()],
      [400, { code: 'InvalidExchangeToken', message: DWOLLA_ERRORS.InvalidExchangeToken.message }],
      `${name}: customer`,
    )
    const account = await apiRequest(app, 'POST', '/exchanges', { token, body })
    t.same([account.statusCode, account.json().code], [400, 'InvalidExchangeToken'], `${name}: Account`)
  }
  t.equal((await apiRequest(app, 'GET', '/exchanges', { token })).json().total, 0, 'none made')
})

t.test('the Account’s exchanges: POST /exchanges answers 201 with Location and {} in HAL; GET /exchanges lists them with `account`', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app, 'Acme')
  const created = await apiRequest(app, 'POST', '/exchanges', { token, body: tokenExchangeBody('processor-sandbox-1', PARTNERS.MX) })
  t.same([created.statusCode, created.headers['content-type'], created.body], [201, HAL, '{}'], '201, HAL, {} (dwolla@1.1.1 parses it)')
  const id = idOf(created.headers.location)
  const listed = (await apiRequest(app, 'GET', '/exchanges', { token })).json()
  t.same(listed._links.self, { href: 'http://localhost:80/exchanges', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'exchange' }, 'self')
  t.same(
    [listed.total, listed._embedded.exchanges[0].id, listed._embedded.exchanges[0]._links.account.href],
    [1, id, `http://localhost:80/accounts/${accountIdFor('Acme')}`],
    'the exchange, linked to the Account',
  )
  t.notOk(listed._embedded.exchanges[0]._links.customer, 'no customer')
  await createExchangeVia(app, token, SEEDED.unverified)
  t.equal((await apiRequest(app, 'GET', '/exchanges', { token })).json().total, 1, 'a customer’s exchange is not the Account’s')
})

t.test('404s: an unknown customer, another application’s exchange, an id of another form', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const other = await accessTokenFor(app, 'other')
  const unknownCustomer = '99999999-9999-4999-8999-999999999999'
  for (const method of ['GET', 'POST'] as const) {
    const response = await apiRequest(app, method, `/customers/${unknownCustomer}/exchanges`, {
      token,
      ...(method === 'POST' ? { body: tokenExchangeBody() } : {}),
    })
    t.same([response.statusCode, response.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.exchangeCustomer }], `${method}: unknown customer`)
  }
  const id = await createExchangeVia(app, token, SEEDED.unverified)
  for (const [name, path, caller] of [
    ['another application’s', `/exchanges/${id}`, other],
    ['an unknown id', `/exchanges/${unknownCustomer}`, token],
    ['another form', '/exchanges/abc', token],
  ] as const) {
    const response = await apiRequest(app, 'GET', path, { token: caller })
    t.same([response.statusCode, response.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.exchange }], `${name}: 404`)
  }
})

t.test('a fixture rule answers for an exchange operation before its handler', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const added = await app.inject({
    method: 'POST',
    url: '/__mock/fixtures',
    payload: { when: { operation: 'createCustomerExchange' }, respond: { error: 'InvalidExchangeToken' }, times: 1 },
  })
  t.equal(added.statusCode, 201, 'the rule is taken (its operation and error are in the fixture schema)')
  const refused = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchanges`, { token, body: tokenExchangeBody() })
  t.same([refused.statusCode, refused.json().code], [400, 'InvalidExchangeToken'], 'the rule’s error')
  t.equal((await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchanges`, { token, body: tokenExchangeBody() })).statusCode, 201, 'once')
  const partners = await app.inject({
    method: 'POST',
    url: '/__mock/fixtures',
    payload: { when: { operation: 'getExchangePartner' }, respond: { error: 'NotFound' } },
  })
  t.equal(partners.statusCode, 201, 'a rule on getExchangePartner')
  t.equal((await apiRequest(app, 'GET', `/exchange-partners/${PARTNERS.Plaid}`, { token })).statusCode, 404, 'answers 404 for a partner that exists')
})
