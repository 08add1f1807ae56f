import t from 'tap'
import { DwollaError as SdkError } from 'dwolla/models/errors'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { MASS_PAYMENT_MESSAGES } from '../../src/resources/mass-payments/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { completedMassPayment } from '../helpers/mass-payments.js'
import { accessTokenFor } from '../helpers/mock.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

const href = (id: string) => `https://api-sandbox.dwolla.com/funding-sources/${id}`
const usd = (value: string) => ({ value, currency: 'USD' })

t.test('dwolla: every mass-payment operation’s answer passes the SDK’s own validation, as Dwolla’s test runs them', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const personal = (await sdk.customers.fundingSources.list({ id: SEEDED.personalVerified })).embedded?.fundingSources?.[0]?.id as string
  const account = accountBalanceIdFor('key')
  const created = await sdk.massPayments.create({
    idempotencyKey: 'sdk-batch-1',
    requestBody: {
      links: { source: { href: href(account) } },
      items: [
        { links: { destination: { href: href(personal) } }, amount: usd('1.00'), metadata: {}, correlationId: 'item-1' },
        { links: { destination: { href: href('99999999-9999-4999-8999-999999999999') } }, amount: usd('2.00') },
      ],
      status: 'deferred',
      metadata: {},
      correlationId: 'sdk-batch',
    },
  })
  const location = created?.headers.location?.[0]
  t.match(location, new RegExp(`^${mock.url}/mass-payments/`), 'massPayments.create: headers.location[0], absolute')
  t.equal(mock.seen.at(-1)?.headers['idempotency-key'], 'sdk-batch-1', 'its idempotencyKey sent as Idempotency-Key')
  const id = idOf(location)
  const items = await sdk.massPayments.items.list({ id })
  const first = items.embedded?.items?.[0]
  t.same(
    [items.total, first?.status, Boolean(first?.links?.self && first.links.massPayment && first.links.destination)],
    [2, 'pending', true],
    'massPayments.items.list at once: pending items with their links',
  )
  const got = await sdk.massPayments.get({ id })
  t.match(got, { id, status: 'deferred', correlationId: 'sdk-batch' }, 'massPayments.get')
  t.ok(got.created instanceof Date, 'created a Date')
  t.same([(got as { total?: unknown }).total, (got as { totalFees?: unknown }).totalFees], [usd('3.00'), usd('0.00')], 'with total and totalFees')
  const updated = await sdk.massPayments.update({ id, requestBody: { status: 'pending' } })
  t.match(updated, { id, status: 'pending' }, 'massPayments.update: the mass payment')

  const token = await accessTokenFor(mock.app)
  await completedMassPayment(mock.app, token, id)
  const failed = await sdk.massPayments.items.list({ id, status: 'failed' })
  t.same(
    failed.embedded?.items?.map((item) => item.status),
    ['failed'],
    'items.list with a status: the failed one',
  )
  const item = await sdk.massPayments.items.get({ itemId: first?.id as string })
  t.match(item, { id: first?.id, status: 'success', amount: usd('1.00') }, 'massPayments.items.get')
  t.ok(item.links?.transfer?.href, 'its transfer')

  const root = await sdk.root.get()
  const accountId = idOf(root.links?.['account']?.href)
  const accountList = await sdk.accounts.massPayments.list({ id: accountId })
  t.same([accountList.total, accountList.embedded?.massPayments?.[0]?.id], [1, id], 'accounts.massPayments.list (the SDK sends limit and offset)')
  const customerList = await sdk.customers.massPayments.list({ id: SEEDED.personalVerified })
  t.same([customerList.total, customerList.embedded?.massPayments], [0, []], 'customers.massPayments.list: an empty list still has _embedded and total')
})

t.test('dwolla: the mass payments’ errors reach the SDK as its typed errors', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const refused = await rejectionOf(sdk.massPayments.create({ requestBody: { links: { source: { href: href(accountBalanceIdFor('key')) } }, items: [] } }))
  t.ok(refused instanceof SdkError && refused.statusCode === 400 && JSON.parse(refused.body)._embedded.errors[0].path === '/items', 'no items: 400 at /items')
  const unknown = await rejectionOf(sdk.massPayments.get({ id: '99999999-9999-4999-8999-999999999999' }))
  t.ok(
    unknown instanceof SdkError && unknown.statusCode === 404 && JSON.parse(unknown.body).message === MASS_PAYMENT_MESSAGES.notFound,
    'get of an unknown id: 404',
  )
})
