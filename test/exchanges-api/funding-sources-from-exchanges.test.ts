import t from 'tap'
import { DWOLLA_ERRORS, FUNDING_SOURCE_MESSAGES } from '../../src/index.js'
import { EXCHANGE_TOPICS } from '../../src/resources/exchanges/index.js'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia } from '../helpers/exchanges.js'
import { idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const fromExchange = (exchange: string, extra: Record<string, unknown> = {}) => ({
  _links: { exchange: { href: `https://api-sandbox.dwolla.com/exchanges/${exchange}` } },
  bankAccountType: 'checking',
  name: 'Jane Doe - Checking',
  ...extra,
})

t.test('POST /customers/{id}/funding-sources with _links.exchange: a verified bank, added then verified, once per exchange', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = SEEDED.unverified
  const exchange = await createExchangeVia(app, token, customer)
  const created = await apiRequest(app, 'POST', `/customers/${customer}/funding-sources`, { token, body: fromExchange(exchange) })
  t.same([created.statusCode, created.body], [201, ''], '201, no body')
  const id = idOf(created.headers.location)
  t.match(
    (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json(),
    { id, status: 'verified', type: 'bank', bankAccountType: 'checking', name: 'Jane Doe - Checking', channels: ['ach'], fingerprint: /^[0-9a-f]{64}$/ },
    'a verified bank',
  )
  const events = (await app.inject({ method: 'GET', url: `/__mock/events?application=key` })).json().events
  t.same(
    events.filter((event: { resourceId: string }) => event.resourceId === id).map((event: { topic: string }) => event.topic),
    ['customer_funding_source_added', 'customer_funding_source_verified'],
    'added, then verified (create-funding-source-for-customer.mdx)',
  )
  t.equal(
    (await app.inject({ method: 'GET', url: `/__mock/exchanges/${exchange}` })).json().exchange.fundingSourceId,
    id,
    'the exchange knows its funding source',
  )
  const again = await apiRequest(app, 'POST', `/customers/${customer}/funding-sources`, { token, body: fromExchange(exchange, { name: 'Again' }) })
  t.same(
    [again.statusCode, again.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: FUNDING_SOURCE_MESSAGES.authorizationUsed, path: '/_links/exchange/href', _links: {} }]],
    'a second from the same exchange: Dwolla’s duplicate message',
  )
})

t.test('an exchange that is not the owner’s, not one at all, inactive, or a body missing its fields', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const theirs = await createExchangeVia(app, token, SEEDED.receiveOnly)
  const unknown = '99999999-9999-4999-8999-999999999999'
  for (const [name, body] of [
    ['another customer’s exchange', fromExchange(theirs)],
    ['an unknown exchange', fromExchange(unknown)],
    ['an href that names no exchange', { ...fromExchange(unknown), _links: { exchange: { href: 'https://api-sandbox.dwolla.com/customers/1' } } }],
  ] as const) {
    const response = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body })
    t.same(
      [response.statusCode, response.json()._embedded.errors],
      [400, [{ code: 'Invalid', message: FUNDING_SOURCE_MESSAGES.exchangeUnknown, path: '/_links/exchange/href', _links: {} }]],
      `${name}: Invalid at /_links/exchange/href`,
    )
  }
  const mine = await createExchangeVia(app, token, SEEDED.unverified)
  const incomplete = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, {
    token,
    body: { _links: { exchange: { href: '' } }, bankAccountType: 'loan' },
  })
  t.same(
    incomplete.json()._embedded.errors.map((error: { path: string; code: string }) => [error.path, error.code]),
    [
      ['/_links/exchange/href', 'Required'],
      ['/bankAccountType', 'NotAllowed'],
      ['/name', 'Required'],
    ],
    'each field at its pointer (exchange banks are checking or savings)',
  )
  for (const status of ['deactivated', 'removed']) {
    await app.inject({ method: 'POST', url: `/__mock/exchanges/${mine}/status`, payload: { status } })
    const inactive = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body: fromExchange(mine) })
    t.same(
      [inactive.statusCode, inactive.json()],
      [400, { code: 'InactiveExchange', message: DWOLLA_ERRORS.InactiveExchange.message }],
      `${status}: 400 InactiveExchange`,
    )
  }
  const status = await app.inject({ method: 'POST', url: `/__mock/exchanges/${mine}/status`, payload: { status: 'paused' } })
  t.same([status.statusCode, status.json().error], [400, 'InvalidStatus'], 'the test double refuses a status Dwolla has not')
  t.equal(
    (await app.inject({ method: 'POST', url: `/__mock/exchanges/${unknown}/status`, payload: { status: 'active' } })).statusCode,
    404,
    'nor an unknown exchange',
  )
  const suspended = await apiRequest(app, 'POST', `/customers/${SEEDED.personalSuspended}/funding-sources`, { token, body: fromExchange(mine) })
  t.equal(suspended.json().code, 'InvalidResourceState', 'a suspended customer adds none (as for any bank)')
})

t.test('the re-auth-required event on demand: customer_exchange_reauth_required about the exchange', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const exchange = await createExchangeVia(app, token, SEEDED.unverified)
  const raised = await app.inject({ method: 'POST', url: `/__mock/exchanges/${exchange}/reauth-required` })
  t.equal(raised.statusCode, 200, 'raised')
  const events = (await apiRequest(app, 'GET', '/events', { token })).json()._embedded.events
  const event = events.find((candidate: { topic: string }) => candidate.topic === EXCHANGE_TOPICS[0])
  t.match(
    event,
    {
      topic: 'customer_exchange_reauth_required',
      resourceId: exchange,
      _links: { resource: { href: `http://localhost:80/exchanges/${exchange}` }, customer: { href: `http://localhost:80/customers/${SEEDED.unverified}` } },
    },
    'recorded: resource the exchange (inferred), customer the exchange’s',
  )
  const account = idOf(
    (
      await apiRequest(app, 'POST', '/exchanges', {
        token,
        body: { _links: { 'exchange-partner': { href: '/exchange-partners/f53ffb32-c84f-496a-9d9d-acd100d396ef' } }, token: 't' },
      })
    ).headers.location,
  )
  const refused = await app.inject({ method: 'POST', url: `/__mock/exchanges/${account}/reauth-required` })
  t.same([refused.statusCode, refused.json().error], [400, 'AccountExchange'], 'not for the Account’s (the topic is a customer’s)')
  const listed = await app.inject({ method: 'GET', url: '/__mock/exchanges?application=key' })
  t.same(
    listed.json().exchanges.map((view: { id: string }) => view.id),
    [exchange, account],
    '/__mock/exchanges lists them',
  )
})
