import t from 'tap'
import { DwollaError as SdkError } from 'dwolla/models/errors'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SESSION_MESSAGES } from '../../src/resources/exchange-sessions/index.js'
import { SEEDED } from '../helpers/customers.js'
import { PARTNERS } from '../helpers/exchanges.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

/** What the dwolla SDK threw: its HTTP status and Dwolla's code, read from the typed error. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  const error = await rejectionOf(promise)
  if (!(error instanceof SdkError)) throw new Error(`expected the SDK's typed error, got ${String(error)}`)
  const body = JSON.parse(error.body) as { code: string; message: string }
  return { status: error.statusCode, code: body.code, message: body.message }
}

const partner = (id: string) => ({ exchangePartner: { href: `https://api-sandbox.dwolla.com/exchange-partners/${id}` } })

t.test('dwolla: exchange partners, exchanges, sessions, re-auth, available connections and a bank from an exchange pass the SDK’s validation', async (t) => {
  const mock = await listeningMock(t, { checkoutComPartner: true })
  const sdk = dwollaSdkFor(mock.url)
  const partners = await sdk.exchangePartners.list()
  t.same(
    partners.embedded?.exchangePartners?.map((found) => found.name),
    ['Finicity', 'MX', 'Flinks', 'Plaid', 'Checkout.com'],
    'exchangePartners.list (checkoutComPartner): the five names its enum accepts',
  )
  const byDefault = await listeningMock(t)
  t.same(
    (await dwollaSdkFor(byDefault.url).exchangePartners.list()).embedded?.exchangePartners?.map((found) => found.name),
    ['Finicity', 'MX', 'Flinks', 'Plaid'],
    'exchangePartners.list by default: four',
  )
  t.type(partners.embedded?.exchangePartners?.[0]?.created, Date, 'created parsed as a Date')
  const plaid = await sdk.exchangePartners.get({ id: PARTNERS.Plaid })
  t.same([plaid.name, plaid.status], ['Plaid', 'active'], 'exchangePartners.get')

  const customer = SEEDED.personalVerified
  const created = await sdk.customers.exchanges.create({ id: customer, requestBody: { links: partner(PARTNERS.Plaid), token: 'processor-sandbox-1' } })
  const exchange = idOf(created?.headers.location?.[0])
  t.match(created?.headers.location?.[0], new RegExp(`^${mock.url}/exchanges/`), 'customers.exchanges.create: headers.location[0], absolute')
  t.equal(
    mock.seen.find((request) => request.method === 'POST' && request.url === `/customers/${customer}/exchanges`)?.headers['content-type'],
    'application/vnd.dwolla.v1.hal+json',
    'sent in Dwolla’s media type',
  )
  const plaidOpenBanking = await sdk.customers.exchanges.create({
    id: customer,
    requestBody: { links: partner(PARTNERS.Plaid), plaid: { publicToken: 'public-sandbox-2' } },
  })
  t.ok(plaidOpenBanking?.headers.location?.[0], 'customers.exchanges.create (Plaid open banking)')
  const got = await sdk.exchanges.get({ id: exchange })
  t.same([got.id, got.status], [exchange, 'active'], 'exchanges.get')
  t.type(got.created, Date, 'created parsed')
  t.ok(got.links['exchange-partner'] && got.links.customer, 'its exchange-partner and customer links')
  const listed = await sdk.customers.exchanges.list({ id: customer })
  t.same([listed.total, listed.embedded.exchanges.length], [2, 2], 'customers.exchanges.list')

  const account = await sdk.accounts.exchanges.create({ links: partner(PARTNERS.MX), token: 'mx-processor-token' })
  t.match(account.headers.location?.[0], new RegExp(`^${mock.url}/exchanges/`), 'accounts.exchanges.create: Location (its 201 body parsed as {})')
  t.same(account.result, {}, 'and the body is the object the SDK expects')
  const accountList = await sdk.accounts.exchanges.list()
  t.same([accountList.total, accountList.embedded.exchanges[0]?.id], [1, idOf(account.headers.location?.[0])], 'accounts.exchanges.list')

  const session = await sdk.customers.exchangeSessions.create({ id: customer, requestBody: { links: partner(PARTNERS.Plaid) } })
  const sessionId = idOf(session?.headers.location?.[0])
  const plaidSession = await sdk.exchangeSessions.get({ id: sessionId })
  t.match(plaidSession.externalProviderSessionToken, /^link-sandbox-/, 'exchangeSessions.get (Plaid): the Link token')
  t.same(
    [plaidSession.links.self.type, plaidSession.links.self.resourceType],
    ['application/vnd.dwolla.v1.hal+json', 'exchange-sessions'],
    'self with its type and resource-type',
  )
  const mobile = await sdk.customers.exchangeSessions.create({
    id: customer,
    requestBody: { links: { ...partner(PARTNERS.Plaid), redirectUrl: { href: 'https://example.com/app123' } } },
  })
  t.ok(mobile?.headers.location?.[0], 'customers.exchangeSessions.create with a redirect URL')
  const mx = idOf((await sdk.customers.exchangeSessions.create({ id: customer, requestBody: { links: partner(PARTNERS.MX) } }))?.headers.location?.[0])
  const mxSession = await sdk.exchangeSessions.get({ id: mx })
  t.match(mxSession.links.externalProviderSession?.href, new RegExp(`/__mock/exchange-sessions/${mx}/connect$`), 'exchangeSessions.get (MX): the page to open')
  const checkout = idOf(
    (await sdk.customers.exchangeSessions.create({ id: customer, requestBody: { links: partner(PARTNERS.CheckoutCom) } }))?.headers.location?.[0],
  )
  t.match((await sdk.exchangeSessions.get({ id: checkout })).externalProviderSessionData, { id: /^ps_/ }, 'exchangeSessions.get (Checkout.com)')

  const none = await sdk.customers.listAvailableConnections({ id: customer })
  t.same(none.embedded.availableExchangeConnections, [], 'customers.listAvailableConnections: none before MX Connect')
  await fetch(`${mock.url}/__mock/exchange-sessions/${mx}/complete`, { method: 'POST' })
  const connections = await sdk.customers.listAvailableConnections({ id: customer })
  const connection = connections.embedded.availableExchangeConnections?.[0]
  t.equal(connection?.name, 'MX Bank Checking', 'customers.listAvailableConnections: the linked accounts')
  const mxExchange = idOf(
    (
      await sdk.customers.exchanges.create({
        id: customer,
        requestBody: { links: partner(PARTNERS.MX), mx: { availableConnectionToken: connection?.availableConnectionToken ?? '' } },
      })
    )?.headers.location?.[0],
  )
  const reauth = await sdk.exchanges.exchangeSessions.createReAuth({ id: exchange })
  t.match(reauth?.headers.location?.[0], new RegExp(`^${mock.url}/exchange-sessions/`), 'exchanges.exchangeSessions.createReAuth with no body')
  const reauthMobile = await sdk.exchanges.exchangeSessions.createReAuth({ id: exchange, requestBody: { links: { redirectUrl: { href: 'com.example.app' } } } })
  t.ok(reauthMobile?.headers.location?.[0], 'and with a redirect URL')

  const bank = await sdk.customers.fundingSources.create({
    id: customer,
    createCustomerFundingSource: { links: { exchange: { href: `${mock.url}/exchanges/${mxExchange}` } }, bankAccountType: 'checking', name: 'MX Checking' },
  })
  const fundingSource = await sdk.fundingSources.get({ id: idOf(bank?.headers.location?.[0]) })
  t.same([fundingSource.status, fundingSource.type], ['verified', 'bank'], 'customers.fundingSources.create from an exchange: a verified bank')
})

t.test('dwolla: the errors of the open-banking calls are the SDK’s typed errors, with Dwolla’s codes', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  t.same(
    await failure(sdk.exchangePartners.get({ id: '2d36c06f-e283-49d8-829f-d4941a73fd6a' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.exchangePartner },
    'exchangePartners.get: Visa’s id is 404',
  )
  t.same(
    await failure(
      sdk.customers.exchanges.create({ id: SEEDED.unverified, requestBody: { links: partner(PARTNERS.Plaid), token: 'processor-sandbox-expired' } }),
    ),
    { status: 400, code: 'InvalidExchangeToken', message: DWOLLA_ERRORS.InvalidExchangeToken.message },
    'customers.exchanges.create: the failure sentinel',
  )
  t.same(
    await failure(sdk.accounts.exchanges.create({ links: partner(PARTNERS.Plaid), token: 'invalid' })),
    { status: 400, code: 'InvalidExchangeToken', message: DWOLLA_ERRORS.InvalidExchangeToken.message },
    'accounts.exchanges.create: the failure sentinel',
  )
  t.same(
    await failure(sdk.exchanges.get({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.exchange },
    'exchanges.get: 404',
  )
  t.same(
    await failure(sdk.customers.exchanges.list({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.exchangeCustomer },
    'customers.exchanges.list: 404',
  )
  t.same(
    await failure(sdk.customers.exchangeSessions.create({ id: SEEDED.unverified, requestBody: { links: partner(PARTNERS.Finicity) } })),
    { status: 403, code: 'forbidden', message: SESSION_MESSAGES.partnerUnsupported },
    'customers.exchangeSessions.create: 403 forbidden for Finicity',
  )
  t.same(
    await failure(sdk.exchangeSessions.get({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'notFound', message: NOT_FOUND_MESSAGES.exchangeSession },
    'exchangeSessions.get: 404 notFound',
  )
  t.same(
    await failure(sdk.exchanges.exchangeSessions.createReAuth({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.exchange },
    'exchanges.exchangeSessions.createReAuth: 404',
  )
  t.same(
    await failure(sdk.customers.listAvailableConnections({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.availableConnectionsCustomer },
    'customers.listAvailableConnections: 404',
  )
})
