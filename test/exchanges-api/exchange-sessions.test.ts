import t from 'tap'
import { DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SESSION_MESSAGES } from '../../src/resources/exchange-sessions/index.js'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia, createSessionVia, PARTNERS, partnerLinks } from '../helpers/exchanges.js'
import { idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const typed = (href: string, resourceType: string) => ({ href, type: DWOLLA_MEDIA_TYPE, 'resource-type': resourceType })

t.test('a Plaid session: 201 and Location; GET answers created, typed self and exchange-partner, and a link-sandbox token', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchange-sessions`, {
    token,
    body: { _links: partnerLinks(PARTNERS.Plaid) },
    headers: { 'content-type': DWOLLA_MEDIA_TYPE },
  })
  t.same([created.statusCode, created.body], [201, ''], '201, no body')
  t.match(created.headers.location, /^http:\/\/localhost:80\/exchange-sessions\/[0-9a-f-]{36}$/, 'absolute Location')
  const id = idOf(created.headers.location)
  const got = await apiRequest(app, 'GET', `/exchange-sessions/${id}`, { token })
  const body = got.json()
  t.same(
    body._links,
    {
      self: typed(`http://localhost:80/exchange-sessions/${id}`, 'exchange-sessions'),
      'exchange-partner': typed(`http://localhost:80/exchange-partners/${PARTNERS.Plaid}`, 'exchange-partner'),
    },
    'self (resource-type exchange-sessions, as Dwolla writes it) and exchange-partner, each with href, type and resource-type',
  )
  t.match(body.externalProviderSessionToken, /^link-sandbox-[0-9a-f-]{36}$/, 'Plaid’s Link token')
  t.match(body.created, /Z$/, 'created')
  t.notOk(body.externalProviderSessionData, 'no Checkout.com data')
})

t.test('MX and Checkout.com sessions carry their own; Finicity and Flinks have no session flow (403 forbidden)', async (t) => {
  const app = await mockFor(t, { checkoutComPartner: true })
  const token = await accessTokenFor(app)
  const mx = await createSessionVia(app, token, SEEDED.unverified, PARTNERS.MX)
  const mxBody = (await apiRequest(app, 'GET', `/exchange-sessions/${mx}`, { token })).json()
  t.same(
    mxBody._links['external-provider-session'],
    { href: `http://localhost:80/__mock/exchange-sessions/${mx}/connect`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'text/html' },
    'MX: the page to open (the simulated MX Connect), resource-type text/html',
  )
  t.notOk(mxBody.externalProviderSessionToken, 'MX: no token')
  const page = await app.inject({ method: 'GET', url: `/__mock/exchange-sessions/${mx}/connect` })
  t.same([page.statusCode, page.headers['content-type']], [200, 'text/html; charset=utf-8'], 'the page answers, in HTML')
  t.match(page.body, `/__mock/exchange-sessions/${mx}/complete`, 'and says how to complete it')
  const checkout = await createSessionVia(app, token, SEEDED.unverified, PARTNERS.CheckoutCom)
  t.match(
    (await apiRequest(app, 'GET', `/exchange-sessions/${checkout}`, { token })).json().externalProviderSessionData,
    { id: /^ps_/, payment_session_secret: /^pss_/, payment_session_token: String },
    'Checkout.com: its payment-session data',
  )
  for (const partner of [PARTNERS.Finicity, PARTNERS.Flinks]) {
    const refused = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/exchange-sessions`, { token, body: { _links: partnerLinks(partner) } })
    t.same([refused.statusCode, refused.json()], [403, { code: 'forbidden', message: SESSION_MESSAGES.partnerUnsupported }], `${partner}: 403 forbidden`)
  }
})

t.test('session errors: partner and redirect-url at their pointers, unknown customer, unknown session', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const path = `/customers/${SEEDED.unverified}/exchange-sessions`
  for (const [name, body, pointer, message] of [
    ['no partner', { _links: {} }, '/_links/exchange-partner/href', SESSION_MESSAGES.partnerInvalid],
    ['an unknown partner', { _links: partnerLinks('2d36c06f-e283-49d8-829f-d4941a73fd6a') }, '/_links/exchange-partner/href', SESSION_MESSAGES.partnerInvalid],
    [
      'an empty redirect-url',
      { _links: { ...partnerLinks(PARTNERS.Plaid), 'redirect-url': { href: '' } } },
      '/_links/redirect-url/href',
      SESSION_MESSAGES.redirectInvalid,
    ],
    [
      'a redirect-url that is no string',
      { _links: { ...partnerLinks(PARTNERS.Plaid), 'redirect-url': { href: 7 } } },
      '/_links/redirect-url/href',
      SESSION_MESSAGES.redirectInvalid,
    ],
  ] as const) {
    const response = await apiRequest(app, 'POST', path, { token, body })
    t.same(
      [response.statusCode, response.json()._embedded?.errors],
      [400, [{ code: 'Invalid', message, path: pointer, _links: {} }]],
      `${name}: 400 at ${pointer}`,
    )
  }
  const mobile = await apiRequest(app, 'POST', path, {
    token,
    body: { _links: { ...partnerLinks(PARTNERS.Plaid), 'redirect-url': { href: 'com.example.app123' } } },
  })
  t.equal(mobile.statusCode, 201, 'an Android package name as redirect-url: 201 (Plaid mobile)')
  const unknown = await apiRequest(app, 'POST', '/customers/99999999-9999-4999-8999-999999999999/exchange-sessions', {
    token,
    body: { _links: partnerLinks(PARTNERS.Plaid) },
  })
  t.same([unknown.statusCode, unknown.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.customer }], 'unknown customer: 404')
  const other = await accessTokenFor(app, 'other')
  const id = idOf(mobile.headers.location)
  for (const [name, url, caller] of [
    ['another application’s', `/exchange-sessions/${id}`, other],
    ['an unknown one', '/exchange-sessions/99999999-9999-4999-8999-999999999999', token],
  ] as const) {
    const response = await apiRequest(app, 'GET', url, { token: caller })
    t.same([response.statusCode, response.json()], [404, { code: 'notFound', message: NOT_FOUND_MESSAGES.exchangeSession }], `${name}: 404 notFound`)
  }
})

t.test('MX: completing a session (the test double) makes two available connections, which make an exchange and a verified bank', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = SEEDED.personalVerified
  const empty = (await apiRequest(app, 'GET', `/customers/${customer}/available-exchange-connections`, { token })).json()
  t.same(
    empty,
    {
      _links: {
        self: typed(`http://localhost:80/customers/${customer}/available-exchange-connections`, 'customer'),
        customers: typed(`http://localhost:80/customers/${customer}`, 'customer'),
      },
      _embedded: { 'available-exchange-connections': [] },
    },
    'none before: self and customers links, no total',
  )
  const session = await createSessionVia(app, token, customer, PARTNERS.MX)
  const completed = await app.inject({ method: 'POST', url: `/__mock/exchange-sessions/${session}/complete` })
  t.equal(completed.statusCode, 200, 'completed')
  const connections = completed.json().completion.availableConnections
  t.same(
    connections.map((connection: { name: string }) => connection.name),
    ['MX Bank Checking', 'MX Bank Savings'],
    'a checking and a savings account',
  )
  const decoded = JSON.parse(Buffer.from(connections[0].availableConnectionToken, 'base64').toString())
  t.match(decoded, { accountId: String, memberId: String }, 'MX’s token shape: base64 JSON {accountId, memberId}')
  t.same(completed.json().exchangeSession.completed, true, 'the session is completed')
  const again = await app.inject({ method: 'POST', url: `/__mock/exchange-sessions/${session}/complete` })
  t.same(again.json().completion.availableConnections, connections, 'completing again answers the same')
  const listed = (await apiRequest(app, 'GET', `/customers/${customer}/available-exchange-connections`, { token })).json()
  t.same(listed._embedded['available-exchange-connections'], connections, 'listed for the customer')
  const exchange = await createExchangeVia(app, token, customer, {
    _links: partnerLinks(PARTNERS.MX),
    mx: { availableConnectionToken: connections[0].availableConnectionToken },
  })
  const bank = await apiRequest(app, 'POST', `/customers/${customer}/funding-sources`, {
    token,
    body: { _links: { exchange: { href: `http://localhost:80/exchanges/${exchange}` } }, bankAccountType: 'checking', name: 'MX Checking' },
  })
  t.equal(bank.statusCode, 201, 'a funding source from the exchange')
  t.match(
    (await apiRequest(app, 'GET', new URL(bank.headers.location as string).pathname, { token })).json(),
    { status: 'verified', type: 'bank' },
    'a verified bank',
  )
  const unknown = await apiRequest(app, 'GET', '/customers/99999999-9999-4999-8999-999999999999/available-exchange-connections', { token })
  t.same([unknown.statusCode, unknown.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.availableConnectionsCustomer }], 'unknown customer: 404')
  t.equal(
    (await app.inject({ method: 'POST', url: '/__mock/exchange-sessions/99999999-9999-4999-8999-999999999999/complete' })).statusCode,
    404,
    'completing an unknown session: 404',
  )
})

t.test('Plaid and Checkout.com completions hand back what the exchange create takes', async (t) => {
  const app = await mockFor(t, { checkoutComPartner: true })
  const token = await accessTokenFor(app)
  const plaid = await createSessionVia(app, token, SEEDED.unverified, PARTNERS.Plaid)
  const publicToken = (await app.inject({ method: 'POST', url: `/__mock/exchange-sessions/${plaid}/complete` })).json().completion.publicToken
  t.match(publicToken, /^public-sandbox-/, 'Plaid: a public token')
  await createExchangeVia(app, token, SEEDED.unverified, { _links: partnerLinks(PARTNERS.Plaid), plaid: { publicToken } })
  const checkout = await createSessionVia(app, token, SEEDED.unverified, PARTNERS.CheckoutCom)
  const payment = (await app.inject({ method: 'POST', url: `/__mock/exchange-sessions/${checkout}/complete` })).json().completion.token
  t.match(payment, /^pay_/, 'Checkout.com: a payment id')
  await createExchangeVia(app, token, SEEDED.unverified, { _links: partnerLinks(PARTNERS.CheckoutCom), token: payment })
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/exchanges`, { token })).json().total, 2, 'both exchanges made')
  const listed = await app.inject({ method: 'GET', url: '/__mock/exchange-sessions?application=key' })
  t.same(
    listed.json().exchangeSessions.map((session: { id: string; completed: boolean }) => [session.id, session.completed]),
    [
      [plaid, true],
      [checkout, true],
    ],
    '/__mock/exchange-sessions lists them',
  )
})

t.test('re-auth: POST /exchanges/{id}/exchange-sessions with no body or a redirect-url; completing it reactivates the exchange', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const exchange = await createExchangeVia(app, token, SEEDED.unverified)
  const deactivated = await app.inject({ method: 'POST', url: `/__mock/exchanges/${exchange}/status`, payload: { status: 'deactivated' } })
  t.equal(deactivated.json().exchange.status, 'deactivated', 'the test double deactivates it')
  const bodiless = await apiRequest(app, 'POST', `/exchanges/${exchange}/exchange-sessions`, { token, headers: { 'content-type': DWOLLA_MEDIA_TYPE } })
  t.same([bodiless.statusCode, bodiless.body], [201, ''], 'no body (dwolla@1.1.1 for web): 201')
  const session = idOf(bodiless.headers.location)
  const withRedirect = await apiRequest(app, 'POST', `/exchanges/${exchange}/exchange-sessions`, {
    token,
    body: { _links: { 'redirect-url': { href: 'https://example.com/app123' } } },
  })
  t.equal(withRedirect.statusCode, 201, 'with a redirect-url: 201')
  t.match(
    (await apiRequest(app, 'GET', `/exchange-sessions/${session}`, { token })).json(),
    { externalProviderSessionToken: /^link-sandbox-/ },
    'a Plaid session',
  )
  const done = (await app.inject({ method: 'POST', url: `/__mock/exchange-sessions/${session}/complete` })).json()
  t.equal(done.completion.exchangeId, exchange, 'the completion names the exchange')
  t.equal((await apiRequest(app, 'GET', `/exchanges/${exchange}`, { token })).json().status, 'active', 'active again')

  const account = idOf((await apiRequest(app, 'POST', '/exchanges', { token, body: { _links: partnerLinks(PARTNERS.Plaid), token: 't' } })).headers.location)
  const finicity = await createExchangeVia(app, token, SEEDED.unverified, { _links: partnerLinks(PARTNERS.Finicity), finicity: { receiptId: 'r' } })
  for (const [name, id] of [
    ['the Account’s exchange', account],
    ['a Finicity exchange', finicity],
  ] as const) {
    const refused = await apiRequest(app, 'POST', `/exchanges/${id}/exchange-sessions`, { token })
    t.same([refused.statusCode, refused.json()], [403, { code: 'forbidden', message: SESSION_MESSAGES.reauthNotAuthorized }], `${name}: 403 forbidden`)
  }
  const missing = await apiRequest(app, 'POST', '/exchanges/99999999-9999-4999-8999-999999999999/exchange-sessions', { token })
  t.same([missing.statusCode, missing.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.exchange }], 'an unknown exchange: 404')
})

t.test('a fixture rule answers for a session operation before its handler', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await app.inject({
    method: 'POST',
    url: '/__mock/fixtures',
    payload: { when: { operation: 'listAvailableExchangeConnections' }, respond: { error: 'Forbidden' } },
  })
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/available-exchange-connections`, { token })).statusCode, 403, 'the rule’s 403')
  await app.inject({
    method: 'POST',
    url: '/__mock/fixtures',
    payload: { when: { operation: 'createReAuthExchangeSession' }, respond: { error: 'forbidden' } },
  })
  const exchange = await createExchangeVia(app, token, SEEDED.unverified)
  const refused = await apiRequest(app, 'POST', `/exchanges/${exchange}/exchange-sessions`, { token })
  t.same([refused.statusCode, refused.json().code], [403, 'forbidden'], 'the lowercase code of Dwolla’s session errors, by rule')
})
