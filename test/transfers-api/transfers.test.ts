import t, { type Test } from 'tap'
import { NOT_FOUND_MESSAGES } from '../../src/errors.js'
import { TRANSFER_MESSAGES } from '../../src/resources/transfers/index.js'
import { accountIdVia, idOf, relations } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createTransferVia, partiesVia, simulateVia, transferBody } from '../helpers/transfers.js'

/** A link's href, which the test needs to be there. */
function linkOf(body: { _links: Record<string, { href: string } | undefined> }, relation: string): string {
  const link = body._links[relation]
  if (link === undefined) throw new Error(`no ${relation} link in ${JSON.stringify(body._links)}`)
  return link.href
}

interface TransferBody {
  _links: Record<string, { href: string; 'resource-type'?: string }>
  id: string
  status: string
  amount: { value: string; currency: string }
  created: string
  metadata?: Record<string, string>
  correlationId?: string
  clearing?: Record<string, string>
  individualAchId?: string
}

async function setup(t: Test, names: Parameters<typeof partiesVia>[2] = {}) {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token, names)
  const get = async (id: string) => (await apiRequest(app, 'GET', `/transfers/${id}`, { token })).json<TransferBody>()
  const balanceOf = async (id: string) =>
    (await apiRequest(app, 'GET', `/funding-sources/${id}/balance`, { token })).json<{ balance: { value: string } }>().balance.value
  return { app, token, parties, get, balanceOf }
}

t.test('POST /transfers: 201, the main transfer’s absolute Location, no body; GET answers it with its chain', async (t) => {
  const { app, token, parties, get } = await setup(t)
  const response = await apiRequest(app, 'POST', '/transfers', {
    token,
    body: transferBody(parties.verified.bank, parties.unverified.bank, '5.00', {
      metadata: { paymentId: '12345678', note: 'rent' },
      correlationId: 'order-1_a.b',
    }),
  })
  t.equal(response.statusCode, 201, '201 Created')
  t.match(response.headers.location, /^http:\/\/localhost(:\d+)?\/transfers\/[0-9a-f-]{36}$/, 'an absolute Location')
  t.equal(response.body, '', 'no body')
  const main = await get(idOf(response.headers.location))
  t.equal(main.status, 'pending', 'pending until the bank legs are simulated')
  t.same(main.amount, { value: '5.00', currency: 'USD' }, 'the amount as Dwolla writes it')
  t.same(main.metadata, { paymentId: '12345678', note: 'rent' }, 'the metadata as sent')
  t.equal(main.correlationId, 'order-1_a.b', 'the correlationId as sent')
  t.notOk('clearing' in main, 'a main transfer crediting a bank itself shows no clearing (Dwolla’s own test expects clearing.source on any clearing)')
  t.match(main.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'created: ISO 8601 with its zone')
  t.same(
    relations(main),
    ['self', 'source', 'destination', 'source-funding-source', 'destination-funding-source', 'funding-transfer', 'cancel'],
    'the main transfer’s links',
  )
  t.match(linkOf(main, 'source'), `/customers/${parties.verified.customer}`, 'source: the paying customer')
  t.match(linkOf(main, 'destination'), `/customers/${parties.unverified.customer}`, 'destination: the paid customer')
  t.match(linkOf(main, 'source-funding-source'), `/funding-sources/${parties.verified.bank}`, 'source-funding-source: the bank asked for')
  const funding = await get(idOf(linkOf(main, 'funding-transfer')))
  t.equal(funding.status, 'pending', 'the funding leg is pending')
  t.same(funding.clearing, { source: 'standard' }, 'a bank debit clears standard (sandbox captures)')
  t.match(funding.individualAchId, /^[A-Z0-9]{8}$/, 'an ACH leg has an 8-character individualAchId')
  t.match(linkOf(funding, 'funded-transfer'), `/transfers/${main.id}`, 'funded-transfer: the main transfer')
  t.match(linkOf(funding, 'destination'), `/customers/${parties.verified.customer}`, 'a funding leg goes to its own customer')
})

t.test('a bank-to-bank payment needs two simulations; the balance of a Verified payee is paid out by a withdrawal leg', async (t) => {
  const { app, token, parties, get, balanceOf } = await setup(t)
  const id = await createTransferVia(app, token, transferBody(parties.account.bank, parties.verified.bank, '30.00'))
  t.equal(await simulateVia(app, token), 1, 'the first simulation processes the funding leg')
  const main = await get(id)
  t.equal(main.status, 'processed', 'the main transfer landed in the payee’s balance')
  const withdrawal = await get(idOf(linkOf(main, 'funded-transfer')))
  t.equal(withdrawal.status, 'pending', 'the withdrawal leg waits for the next simulation')
  t.same(withdrawal.clearing, { destination: 'next-day' }, 'a bank credit clears next-day (sandbox captures)')
  t.equal(await balanceOf(parties.verified.balance), '0.00', 'the payee’s balance holds the withdrawal in flight, not in its balance')
  t.equal(await simulateVia(app, token), 1, 'the second simulation processes the withdrawal leg')
  t.equal((await get(withdrawal.id)).status, 'processed', 'the withdrawal processed')
  t.equal(await simulateVia(app, token), 0, 'nothing is left to process')
})

t.test('balance to balance is processed at creation, and moves the money', async (t) => {
  const { app, token, parties, get, balanceOf } = await setup(t)
  const id = await createTransferVia(app, token, transferBody(parties.account.balance, parties.verified.balance, '100.00'))
  t.equal((await get(id)).status, 'processed', 'processed at once')
  t.same(relations(await get(id)), ['self', 'source', 'destination', 'source-funding-source', 'destination-funding-source'], 'no cancel link once processed')
  t.equal(await balanceOf(parties.account.balance), '4900.00', 'the Account’s balance paid $100.00')
  t.equal(await balanceOf(parties.verified.balance), '100.00', 'the customer’s balance has it')
  const cancel = await apiRequest(app, 'POST', `/transfers/${id}`, { token, body: { status: 'cancelled' } })
  t.equal(cancel.statusCode, 400, 'a processed transfer cannot be cancelled')
  t.same(
    cancel.json()._embedded.errors,
    [{ code: 'NotAllowed', message: TRANSFER_MESSAGES.statusNotAllowed, path: '/status', _links: {} }],
    'NotAllowed at /status',
  )
})

t.test('insufficient funds: 400 InsufficientFunds at /_links/source/href, nothing created', async (t) => {
  const { app, token, parties, balanceOf } = await setup(t)
  const response = await apiRequest(app, 'POST', '/transfers', { token, body: transferBody(parties.account.balance, parties.verified.balance, '5000.01') })
  t.equal(response.statusCode, 400, '400')
  t.same(
    response.json(),
    {
      code: 'ValidationError',
      message: 'Validation error(s) present. See embedded errors list for more details.',
      _embedded: { errors: [{ code: 'InsufficientFunds', message: 'Insufficient funds.', path: '/_links/source/href', _links: {} }] },
    },
    'Dwolla’s shape',
  )
  t.equal(await balanceOf(parties.account.balance), '5000.00', 'the balance is untouched')
  const list = await apiRequest(app, 'GET', `/customers/${parties.verified.customer}/transfers`, { token })
  t.equal(list.json().total, 0, 'no transfer was made')
})

t.test('cancel: 200 with the cancelled transfer; its funding leg goes with it; a bad status is Invalid', async (t) => {
  const { app, token, parties, get } = await setup(t)
  const id = await createTransferVia(app, token, transferBody(parties.verified.bank, parties.unverified.bank, '10.00'))
  const wrong = await apiRequest(app, 'POST', `/transfers/${id}`, { token, body: { status: 'processed' } })
  t.equal(wrong.statusCode, 400, 'another status: 400')
  t.same(
    wrong.json()._embedded.errors,
    [{ code: 'Invalid', message: TRANSFER_MESSAGES.statusInvalid, path: '/status', _links: {} }],
    'Invalid "Status invalid." at /status',
  )
  const cancel = await apiRequest(app, 'POST', `/transfers/${id}`, { token, body: { status: 'cancelled' } })
  t.equal(cancel.statusCode, 200, '200')
  const cancelled = cancel.json<TransferBody>()
  t.equal(cancelled.status, 'cancelled', 'cancelled')
  t.notOk('cancel' in cancelled._links, 'no cancel link any more')
  t.equal((await get(idOf(linkOf(cancelled, 'funding-transfer')))).status, 'cancelled', 'its funding leg is cancelled too')
  t.equal(await simulateVia(app, token), 0, 'a simulation has nothing to process')
})

t.test('R03: the credit fails on the second simulation, the failure is readable, the bank removed (Dwolla’s own sandbox test)', async (t) => {
  const { app, token, parties, get, balanceOf } = await setup(t, { unverified: 'R03' })
  const id = await createTransferVia(
    app,
    token,
    transferBody(parties.verified.bank, parties.unverified.bank, '5.00', {
      fees: [
        {
          _links: { 'charge-to': { href: `https://api-sandbox.dwolla.com/customers/${parties.verified.customer}` } },
          amount: { value: '0.50', currency: 'USD' },
        },
      ],
    }),
  )
  const noFailure = await apiRequest(app, 'GET', `/transfers/${id}/failure`, { token })
  t.equal(noFailure.statusCode, 404, 'no failure yet: 404')
  t.equal(noFailure.json().message, NOT_FOUND_MESSAGES.transferFailure, 'its message')
  const fees = await apiRequest(app, 'GET', `/transfers/${id}/fees`, { token })
  t.equal(fees.statusCode, 200, 'fees: 200')
  const feeList = fees.json<{ transactions: TransferBody[]; total: number }>()
  t.equal(feeList.total, 1, 'one fee')
  t.equal(feeList.transactions[0]?.status, 'pending', 'pending until the payment processes')
  t.same(feeList.transactions[0]?.amount, { value: '0.50', currency: 'USD' }, 'its amount')
  t.match(feeList.transactions[0]?._links['created-from-transfer']?.href, `/transfers/${id}`, 'created-from-transfer: the paid transfer')
  t.ok((await get(id))._links.fees, 'the paid transfer links its fees')
  await simulateVia(app, token)
  await simulateVia(app, token)
  const failed = await get(id)
  t.equal(failed.status, 'failed', 'the main transfer failed')
  t.match(failed._links.failure?.href, `/transfers/${id}/failure`, 'a failure link')
  const failure = await apiRequest(app, 'GET', `/transfers/${id}/failure`, { token })
  t.equal(failure.statusCode, 200, 'the failure: 200')
  t.match(failure.json(), { code: 'R03', description: 'No Account/Unable to Locate Account' }, 'R03 and its description')
  t.match(failure.json()._links['failed-funding-source'].href, `/funding-sources/${parties.unverified.bank}`, 'the failed bank')
  const bank = await apiRequest(app, 'GET', `/funding-sources/${parties.unverified.bank}`, { token })
  t.equal(bank.json().removed, true, 'R03 removed the bank')
  t.equal(await balanceOf(parties.verified.balance), '5.50', 'the money returned to the payer’s balance, not its bank, fee included')
  const feesAfter = await apiRequest(app, 'GET', `/transfers/${id}/fees`, { token })
  t.equal(feesAfter.json<{ transactions: TransferBody[] }>().transactions[0]?.status, 'cancelled', 'a failed payment charges no fee')
})

t.test('R01: the debit from the bank fails at the first simulation, and the main transfer with it', async (t) => {
  const { app, token, parties, get } = await setup(t, { verified: 'R01' })
  const id = await createTransferVia(app, token, transferBody(parties.verified.bank, parties.account.balance, '12.00'))
  await simulateVia(app, token)
  const main = await get(id)
  t.equal(main.status, 'failed', 'the main transfer failed')
  t.equal((await get(idOf(linkOf(main, 'funding-transfer')))).status, 'failed', 'the funding leg failed')
  const failure = await apiRequest(app, 'GET', `/transfers/${id}/failure`, { token })
  t.match(failure.json(), { code: 'R01', description: 'Insufficient Funds' }, 'R01 Insufficient Funds')
  const bank = await apiRequest(app, 'GET', `/funding-sources/${parties.verified.bank}`, { token })
  t.equal(bank.json().removed, false, 'R01 takes no action on the bank')
})

t.test('lists: newest first, paged, filtered by status, amount, date, correlationId and search; account and customer', async (t) => {
  const { app, token, parties } = await setup(t)
  const ids: string[] = []
  for (const [value, correlationId] of [
    ['1.00', 'a'],
    ['2.00', 'b'],
    ['3.00', 'a'],
  ] as const) {
    ids.push(await createTransferVia(app, token, transferBody(parties.account.balance, parties.verified.balance, value, { correlationId })))
  }
  ids.push(await createTransferVia(app, token, transferBody(parties.verified.bank, parties.receiveOnly.bank, '4.00')))
  const list = async (path: string) => {
    const response = await apiRequest(app, 'GET', path, { token })
    t.equal(response.statusCode, 200, `${path}: 200`)
    return response.json<{ _links: Record<string, { href: string }>; _embedded: { transfers: TransferBody[] }; total: number }>()
  }
  const customer = `/customers/${parties.verified.customer}/transfers`
  const all = await list(customer)
  t.equal(all.total, 5, 'every transfer of the customer, its funding leg included')
  t.same(
    all._embedded.transfers.map((transfer) => transfer.amount.value),
    ['4.00', '4.00', '3.00', '2.00', '1.00'],
    'newest first',
  )
  const page = await list(`${customer}?limit=2&offset=2`)
  t.same(
    page._embedded.transfers.map((transfer) => transfer.amount.value),
    ['3.00', '2.00'],
    'a page',
  )
  t.ok(page._links.next && page._links.prev, 'next and prev')
  t.equal((await list(`${customer}?status=pending`)).total, 2, 'status=pending')
  t.equal((await list(`${customer}?status=pending&status=processed`)).total, 5, 'status repeated')
  t.equal((await list(`${customer}?startAmount=2.00&endAmount=3.00`)).total, 2, 'an amount range, inclusive')
  t.equal((await list(`${customer}?correlationId=a`)).total, 2, 'correlationId')
  const filtered = await list(`${customer}?correlationId=a&limit=1`)
  t.match(filtered._links.next?.href, /correlationId=a/, 'the filters are kept in the paging links')
  t.equal((await list(`${customer}?startDate=2000-01-01&endDate=2999-12-31`)).total, 5, 'a date range')
  t.equal((await list(`${customer}?endDate=2000-01-01`)).total, 0, 'nothing before 2000')
  const receiveOnlyCustomer = await apiRequest(app, 'GET', `/customers/${parties.receiveOnly.customer}`, { token })
  const email = receiveOnlyCustomer.json<{ email: string }>().email
  t.equal((await list(`${customer}?search=${encodeURIComponent(email.toUpperCase())}`)).total, 1, 'search by a party’s email, in any case')
  const accountId = await accountIdVia(app, token)
  t.equal((await list(`/accounts/${accountId}/transfers`)).total, 3, 'the Account’s transfers')
  const bad = await apiRequest(app, 'GET', `${customer}?status=done`, { token })
  t.equal(bad.statusCode, 400, 'an unknown status: 400')
  const badAmount = await apiRequest(app, 'GET', `${customer}?startAmount=abc`, { token })
  t.equal(badAmount.statusCode, 400, 'a bad amount: 400')
  const badDate = await apiRequest(app, 'GET', `${customer}?startDate=2024-02-30`, { token })
  t.equal(badDate.statusCode, 400, 'an impossible date: 400')
  const otherAccount = await apiRequest(app, 'GET', `/accounts/${parties.verified.customer}/transfers`, { token })
  t.equal(otherAccount.statusCode, 404, 'another account: 404')
  const unknownCustomer = await apiRequest(app, 'GET', `/customers/00000000-0000-4000-8000-000000000000/transfers`, { token })
  t.equal(unknownCustomer.statusCode, 404, 'an unknown customer: 404')
})

t.test('unknown, malformed and other applications’ transfers: 404 "Transfer not found."', async (t) => {
  const { app, token, parties } = await setup(t)
  const id = await createTransferVia(app, token, transferBody(parties.account.balance, parties.verified.balance, '1.00'))
  const other = await accessTokenFor(app, 'other-key', 'secret')
  for (const [path, who] of [
    [`/transfers/${id}`, other],
    ['/transfers/00000000-0000-4000-8000-000000000000', token],
    ['/transfers/not-a-uuid', token],
    [`/transfers/${id}/fees`, other],
    [`/transfers/${id}/failure`, other],
  ] as const) {
    const response = await apiRequest(app, 'GET', path, { token: who })
    t.equal(response.statusCode, 404, `${path}: 404`)
    t.equal(response.json().message, NOT_FOUND_MESSAGES.transfer, `${path}: Transfer not found.`)
  }
  t.equal((await apiRequest(app, 'GET', `/transfers/${id.toUpperCase()}`, { token })).statusCode, 200, 'ids match in any case')
})
