import t from 'tap'
import { DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { MASS_PAYMENT_MESSAGES } from '../../src/resources/mass-payments/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accountIdVia, bankBody, createFundingSourceVia, idOf } from '../helpers/funding-sources.js'
import { balanceIdVia, balanceVia } from '../helpers/labels.js'
import { completedMassPayment, massPaymentBody } from '../helpers/mass-payments.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const BASE = 'http://localhost:80'
const NOW = Date.parse('2024-03-01T12:00:00.000Z')
const UNKNOWN = '99999999-9999-4999-8999-999999999999'
const link = (path: string, resourceType: string) => ({ href: `${BASE}${path}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': resourceType })

t.test('a mass payment from the Account’s balance: each item a transfer, a failed one with its errors, complete at the end', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const account = accountBalanceIdFor('key')
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const business = await balanceIdVia(app, token, SEEDED.businessVerified)
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const body = massPaymentBody(
    account,
    [
      [personal, '10.00'],
      [business, '5.00'],
      [UNKNOWN, '1.00'],
      [bank, '2.00'],
    ],
    { metadata: { batch: 'march' }, correlationId: 'payroll-2024-03' },
  )
  const created = await apiRequest(app, 'POST', '/mass-payments', { token, body })
  t.same([created.statusCode, created.body], [201, ''], 'initiateMassPayment: 201 and no body')
  t.match(created.headers.location, new RegExp(`^${BASE}/mass-payments/[0-9a-f-]{36}$`), 'an absolute Location')
  const id = idOf(created.headers.location)
  const first = (await apiRequest(app, 'GET', `/mass-payments/${id}`, { token })).json()
  t.equal(first.status, 'pending', 'pending when answered: processing comes after the answer')

  const done = await completedMassPayment(app, token, id)
  t.same(
    done,
    {
      _links: {
        self: link(`/mass-payments/${id}`, 'mass-payment'),
        source: link(`/funding-sources/${account}`, 'funding-source'),
        items: link(`/mass-payments/${id}/items`, 'mass-payment-item'),
      },
      id,
      status: 'complete',
      created: new Date(NOW).toISOString(),
      metadata: { batch: 'march' },
      total: { value: '18.00', currency: 'USD' },
      totalFees: { value: '0.00', currency: 'USD' },
      correlationId: 'payroll-2024-03',
    },
    'getMassPayment: complete, its total the items’ sum',
  )
  const items = (await apiRequest(app, 'GET', `/mass-payments/${id}/items`, { token })).json()
  t.same(
    items._embedded.items.map((item: { status: string; amount: { value: string } }) => [item.status, item.amount.value]),
    [
      ['success', '10.00'],
      ['success', '5.00'],
      ['failed', '1.00'],
      ['success', '2.00'],
    ],
    'listMassPaymentItems: in the order given, each paid or failed',
  )
  const failed = items._embedded.items[2]
  t.same(
    failed,
    {
      _links: {
        self: link(`/mass-payment-items/${failed.id}`, 'mass-payment-item'),
        'mass-payment': link(`/mass-payments/${id}`, 'mass-payment'),
        destination: link(`/funding-sources/${UNKNOWN}`, 'funding-source'),
      },
      id: failed.id,
      status: 'failed',
      amount: { value: '1.00', currency: 'USD' },
      _embedded: { errors: [{ code: 'Invalid', message: 'Receiver not found.', path: '/items/destination/href', _links: {} }] },
    },
    'a failed item: its error as the transfer’s, at /items/destination/href',
  )
  const paid = (await apiRequest(app, 'GET', `/mass-payment-items/${items._embedded.items[0].id}`, { token })).json()
  t.match(paid._links.transfer.href, new RegExp(`^${BASE}/transfers/[0-9a-f-]{36}$`), 'getMassPaymentItem: a paid item links its transfer')
  t.same(await balanceVia(app, token, personal), ['10.00', '10.00'], 'balance to balance: paid at once')
  t.same(await balanceVia(app, token, account), ['4983.00', '4983.00'], 'the Account paid 17.00: the failed item moved nothing')

  // The test double's view (oldest first): GET /events answers these too once transfers' topics are in the document.
  const events = app.mockDwolla.events.all()
  const topics = events.map((event) => event.topic).filter((topic) => !topic.includes('funding_source'))
  t.equal(topics[0], 'mass_payment_created', 'mass_payment_created first')
  t.equal(topics.at(-1), 'mass_payment_completed', 'mass_payment_completed last')
  t.ok(
    topics.slice(1, -1).every((topic) => topic.includes('transfer')),
    'the items’ transfer events between them',
  )
  t.equal(events.find((event) => event.topic === 'mass_payment_created')?.resourceId, id, 'about the mass payment')

  const onlyFailed = (await apiRequest(app, 'GET', `/mass-payments/${id}/items?status=failed`, { token })).json()
  t.same([onlyFailed.total, onlyFailed._embedded.items[0].id], [1, failed.id], '?status=failed')
  const two = (await apiRequest(app, 'GET', `/mass-payments/${id}/items?status=failed&status=success&limit=2`, { token })).json()
  t.same(
    [two.total, two._embedded.items.length, two._links.next.href],
    [4, 2, `${BASE}/mass-payments/${id}/items?limit=2&offset=2&status=failed&status=success`],
    'status repeated, paged, the filter kept in the links',
  )
  const bad = await apiRequest(app, 'GET', `/mass-payments/${id}/items?status=done`, { token })
  t.equal(bad.statusCode, 400, 'an unknown status: 400')
})

t.test('a deferred mass payment waits: its items listed at once; released to pending, or cancelled', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const create = async () =>
    idOf(
      (
        await apiRequest(app, 'POST', '/mass-payments', {
          token,
          body: massPaymentBody(accountBalanceIdFor('key'), [[personal, '1.00']], { status: 'deferred' }),
        })
      ).headers.location,
    )
  const id = await create()
  await completedMassPayment(app, token, id, 5).catch(() => undefined)
  t.equal((await apiRequest(app, 'GET', `/mass-payments/${id}`, { token })).json().status, 'deferred', 'deferred: not processed')
  const items = (await apiRequest(app, 'GET', `/mass-payments/${id}/items`, { token })).json()
  t.same([items.total, items._embedded.items[0].status], [1, 'pending'], 'its items exist, pending (Dwolla’s own test lists them at once)')

  const invalid = await apiRequest(app, 'POST', `/mass-payments/${id}`, { token, body: { status: 'processing' } })
  t.same(
    [invalid.statusCode, invalid.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: MASS_PAYMENT_MESSAGES.invalidStatus, path: '/status', _links: {} }]],
    'another status: "Invalid status. Allowed types are pending, cancelled."',
  )
  const released = await apiRequest(app, 'POST', `/mass-payments/${id}`, { token, body: { status: 'pending' } })
  t.same([released.statusCode, released.json().status], [200, 'pending'], 'updateMassPayment to pending: 200 with the mass payment')
  t.equal((await completedMassPayment(app, token, id)).status, 'complete', 'then processed')
  const again = await apiRequest(app, 'POST', `/mass-payments/${id}`, { token, body: { status: 'cancelled' } })
  t.same(
    [again.statusCode, again.json()._embedded.errors],
    [400, [{ code: 'NotAllowed', message: MASS_PAYMENT_MESSAGES.statusNotAllowed, path: '/status', _links: {} }]],
    'no longer deferred: NotAllowed',
  )

  const other = await create()
  const cancelled = await apiRequest(app, 'POST', `/mass-payments/${other}`, { token, body: { status: 'cancelled' } })
  t.same([cancelled.statusCode, cancelled.json().status], [200, 'cancelled'], 'cancelled')
  t.same(await balanceVia(app, token, personal), ['1.00', '1.00'], 'only the released one paid')
  const topics = app.mockDwolla.events.all().map((event) => event.topic)
  t.same(
    topics.filter((topic) => topic.startsWith('mass_payment')),
    ['mass_payment_created', 'mass_payment_completed', 'mass_payment_created', 'mass_payment_cancelled'],
    'created (deferred too), completed, created, cancelled',
  )
  const unknown = await apiRequest(app, 'POST', `/mass-payments/${UNKNOWN}`, { token, body: { status: 'pending' } })
  t.same([unknown.statusCode, unknown.json().message], [404, MASS_PAYMENT_MESSAGES.notFound], 'an unknown one: 404')
})

t.test('a Verified Customer’s mass payment: customer topics, its own list; the Account’s list; correlationId', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const business = await balanceIdVia(app, token, SEEDED.businessVerified)
  app.mockDwolla.balances.set(business, '100.00')
  const fromCustomer = idOf(
    (await apiRequest(app, 'POST', '/mass-payments', { token, body: massPaymentBody(business, [[personal, '3.00']], { correlationId: 'abc' }) })).headers
      .location,
  )
  await completedMassPayment(app, token, fromCustomer)
  const fromAccount = idOf(
    (await apiRequest(app, 'POST', '/mass-payments', { token, body: massPaymentBody(accountBalanceIdFor('key'), [[personal, '4.00']]) })).headers.location,
  )
  await completedMassPayment(app, token, fromAccount)
  const customerList = (await apiRequest(app, 'GET', `/customers/${SEEDED.businessVerified}/mass-payments`, { token })).json()
  t.same([customerList.total, customerList._embedded['mass-payments'][0].id], [1, fromCustomer], 'listCustomerMassPayments: the customer’s own')
  const accountId = await accountIdVia(app, token)
  const accountList = (await apiRequest(app, 'GET', `/accounts/${accountId}/mass-payments?limit=25&offset=0`, { token })).json()
  t.same([accountList.total, accountList._embedded['mass-payments'][0].id], [1, fromAccount], 'listMassPayments: the Account’s own')
  const filtered = (await apiRequest(app, 'GET', `/customers/${SEEDED.businessVerified}/mass-payments?correlationId=nope`, { token })).json()
  t.equal(filtered.total, 0, 'correlationId filters')
  const elsewhere = await apiRequest(app, 'GET', `/accounts/${UNKNOWN}/mass-payments`, { token })
  t.same([elsewhere.statusCode, elsewhere.json().message], [404, NOT_FOUND_MESSAGES.account], 'another account: 404')
  const noCustomer = await apiRequest(app, 'GET', `/customers/${UNKNOWN}/mass-payments`, { token })
  t.same([noCustomer.statusCode, noCustomer.json().message], [404, NOT_FOUND_MESSAGES.customer], 'an unknown customer: 404')
  const topics = app.mockDwolla.events.all().map((event) => event.topic)
  t.ok(topics.includes('customer_mass_payment_created') && topics.includes('customer_mass_payment_completed'), 'the customer’s topics')
  t.same(await balanceVia(app, token, business), ['97.00', '97.00'], 'paid from the customer’s balance')

  const stranger = await accessTokenFor(app, 'other-key', 'other-secret')
  for (const path of [`/mass-payments/${fromCustomer}`, `/mass-payments/${fromCustomer}/items`]) {
    t.equal((await apiRequest(app, 'GET', path, { token: stranger })).statusCode, 404, `${path} from another application: 404`)
  }
})

t.test('bad mass payments: a Dwolla-shaped 400 at each problem’s pointer, nothing created', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const account = accountBalanceIdFor('key')
  const unverifiedBank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('5555'))
  const many = Array.from({ length: 5_001 }, (): [string, string] => [personal, '0.01'])
  const cases: Array<[string, unknown, Array<[string, string]>]> = [
    ['no source', { items: massPaymentBody(account, [[personal, '1.00']]).items }, [['Required', '/_links/source/href']]],
    ['a source that is no funding source', massPaymentBody(UNKNOWN, [[personal, '1.00']]), [['Invalid', '/_links/source/href']]],
    ['an unverified customer’s bank', massPaymentBody(unverifiedBank, [[personal, '1.00']]), [['Invalid', '/_links/source/href']]],
    ['no items', massPaymentBody(account, []), [['Required', '/items']]],
    ['5,001 items', massPaymentBody(account, many), [['Invalid', '/items']]],
    [
      'bad items',
      {
        ...massPaymentBody(account, [
          [personal, '1.001'],
          [personal, ''],
        ]),
        metadata: { nested: { no: 1 } },
        correlationId: 'x'.repeat(256),
      },
      [
        ['Invalid', '/items/0/amount/value'],
        ['Required', '/items/1/amount/value'],
        ['Invalid', '/metadata'],
        ['InvalidFormat', '/correlationId'],
      ],
    ],
    [
      'an item with no destination',
      { ...massPaymentBody(account, []), items: [{ amount: { value: '1.00', currency: 'USD' } }] },
      [['Required', '/items/0/_links/destination/href']],
    ],
    ['a status but deferred', massPaymentBody(account, [[personal, '1.00']], { status: 'pending' }), [['Invalid', '/status']]],
  ]
  for (const [name, body, expected] of cases) {
    const response = await apiRequest(app, 'POST', '/mass-payments', { token, body })
    t.same(
      [response.statusCode, response.json()._embedded?.errors.map((error: { code: string; path: string }) => [error.code, error.path])],
      [400, expected],
      `${name}: 400 at ${expected.map(([, path]) => path).join(', ')}`,
    )
  }
  const accountId = await accountIdVia(app, token)
  t.equal((await apiRequest(app, 'GET', `/accounts/${accountId}/mass-payments`, { token })).json().total, 0, 'nothing created')
  t.equal(
    (await apiRequest(app, 'GET', `/mass-payment-items/${UNKNOWN}`, { token })).json().message,
    MASS_PAYMENT_MESSAGES.itemNotFound,
    'an unknown item: 404',
  )
  t.equal((await apiRequest(app, 'GET', '/mass-payments/nope', { token })).statusCode, 404, 'an id of the wrong form: 404')
})

t.test('an Idempotency-Key: the same key answers the first Location and makes one mass payment', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const body = massPaymentBody(accountBalanceIdFor('key'), [[personal, '2.00']])
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => apiRequest(app, 'POST', '/mass-payments', { token, body, headers: { 'idempotency-key': 'batch-1' } })),
  )
  t.same(
    [new Set(answers.map((answer) => answer.headers.location)).size, answers.every((answer) => answer.statusCode === 201)],
    [1, true],
    'five at once: one Location',
  )
  await completedMassPayment(app, token, idOf(answers[0]?.headers.location))
  t.same(await balanceVia(app, token, personal), ['2.00', '2.00'], 'paid once')
})

t.test('labels lower what a mass payment can pay: an item past the available balance fails InsufficientFunds', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const business = await balanceIdVia(app, token, SEEDED.businessVerified)
  app.mockDwolla.balances.set(business, '10.00')
  const label = await apiRequest(app, 'POST', `/customers/${SEEDED.businessVerified}/labels`, { token, body: { amount: { value: '8.00', currency: 'USD' } } })
  t.equal(label.statusCode, 201, 'a label holds 8.00 of 10.00')
  const body = massPaymentBody(business, [
    [personal, '1.00'],
    [personal, '1.00'],
    [personal, '1.00'],
  ])
  const id = idOf((await apiRequest(app, 'POST', '/mass-payments', { token, body })).headers.location)
  await completedMassPayment(app, token, id)
  const items = (await apiRequest(app, 'GET', `/mass-payments/${id}/items`, { token })).json()._embedded.items
  t.same(
    items.map((item: { status: string; _embedded?: { errors: Array<{ code: string; path: string }> } }) => [item.status, item._embedded?.errors[0]?.code]),
    [
      ['success', undefined],
      ['success', undefined],
      ['failed', 'InsufficientFunds'],
    ],
    'two paid from the 2.00 available, the third refused as the transfer would be',
  )
  t.same(await balanceVia(app, token, business), ['0.00', '8.00'], 'the labelled money untouched')
})
