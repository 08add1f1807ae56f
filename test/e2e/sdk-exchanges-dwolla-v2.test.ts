import t from 'tap'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SESSION_MESSAGES } from '../../src/resources/exchange-sessions/index.js'
import { SEEDED } from '../helpers/customers.js'
import { PARTNERS, partnerLinks } from '../helpers/exchanges.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

type SdkError = Error & { status: number; body: { code: string; message: string } }

t.test('dwolla-v2: partners, exchanges, sessions, available connections and a bank from an exchange, following Location and links', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const partners = await client.get('exchange-partners')
  t.same([partners.status, partners.body.total], [200, 4], 'get(exchange-partners): four by default')
  const plaid = partners.body._embedded['exchange-partners'].find((partner: { name: string }) => partner.name === 'Plaid')
  t.equal((await client.get(plaid._links.self.href)).body.id, PARTNERS.Plaid, 'get(a partner’s self), as Dwolla’s samples find partners by name')

  const customer = SEEDED.unverified
  const created = await client.post(`customers/${customer}/exchanges`, {
    _links: { 'exchange-partner': { href: plaid._links.self.href } },
    token: 'processor-sandbox-1',
  })
  t.same([created.status, created.body], [201, ''], 'post(customers/{id}/exchanges): 201, no body')
  const exchange = await client.get(created.headers.get('location') as string)
  t.match(exchange.body, { status: 'active', _links: { customer: { href: `${mock.url}/customers/${customer}` } } }, 'get(Location): the exchange')
  const listed = await client.get(`customers/${customer}/exchanges`)
  t.equal(listed.body._embedded.exchanges[0]._links['funding-sources'].href, `${mock.url}/funding-sources`, 'the customer’s list, with funding-sources')
  const account = await client.post('exchanges', { _links: partnerLinks(PARTNERS.MX), token: 'mx-token' })
  t.same([account.status, account.body], [201, {}], 'post(exchanges): 201 and {}')
  t.equal((await client.get('exchanges')).body.total, 1, 'get(exchanges)')

  const session = await client.post(`customers/${customer}/exchange-sessions`, { _links: partnerLinks(PARTNERS.MX) })
  t.equal(session.status, 201, 'post(customers/{id}/exchange-sessions): 201')
  const mx = await client.get(session.headers.get('location') as string)
  const page = await fetch(mx.body._links['external-provider-session'].href)
  t.equal(page.status, 200, 'the MX page the session links answers')
  await fetch(`${session.headers.get('location')?.replace('/exchange-sessions/', '/__mock/exchange-sessions/')}/complete`, { method: 'POST' })
  const connections = await client.get(`customers/${customer}/available-exchange-connections`)
  t.equal(connections.body._embedded['available-exchange-connections'].length, 2, 'get(available-exchange-connections): two accounts')
  const mxExchange = await client.post(`customers/${customer}/exchanges`, {
    _links: partnerLinks(PARTNERS.MX),
    mx: { availableConnectionToken: connections.body._embedded['available-exchange-connections'][1].availableConnectionToken },
  })
  const reauth = await client.post(`${exchange.body._links.self.href}/exchange-sessions`)
  t.equal(reauth.status, 201, 'post(exchanges/{id}/exchange-sessions) with no body')
  t.match((await client.get(reauth.headers.get('location') as string)).body, { externalProviderSessionToken: /^link-sandbox-/ }, 'a re-auth session of Plaid’s')
  const bank = await client.post(`customers/${customer}/funding-sources`, {
    _links: { exchange: { href: mxExchange.headers.get('location') } },
    bankAccountType: 'savings',
    name: 'MX Savings',
  })
  t.match(
    (await client.get(bank.headers.get('location') as string)).body,
    { status: 'verified', bankAccountType: 'savings' },
    'a verified bank from the exchange',
  )
})

t.test('dwolla-v2: the open-banking errors reject with Dwolla’s status and body', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const expired = await rejectionOf<SdkError>(
    client.post(`customers/${SEEDED.unverified}/exchanges`, { _links: partnerLinks(PARTNERS.Plaid), token: 'expired' }),
  )
  t.same([expired.status, expired.body], [400, { code: 'InvalidExchangeToken', message: DWOLLA_ERRORS.InvalidExchangeToken.message }], 'the failure sentinel')
  const flinks = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.unverified}/exchange-sessions`, { _links: partnerLinks(PARTNERS.Flinks) }))
  t.same([flinks.status, flinks.body], [403, { code: 'forbidden', message: SESSION_MESSAGES.partnerUnsupported }], 'a Flinks session: 403 forbidden')
  const session = await rejectionOf<SdkError>(client.get('exchange-sessions/99999999-9999-4999-8999-999999999999'))
  t.same([session.status, session.body], [404, { code: 'notFound', message: NOT_FOUND_MESSAGES.exchangeSession }], 'an unknown session: 404 notFound')
  const partner = await rejectionOf<SdkError>(client.get('exchange-partners/2d36c06f-e283-49d8-829f-d4941a73fd6a'))
  t.same([partner.status, partner.body.code], [404, 'NotFound'], 'Visa: 404')
})
