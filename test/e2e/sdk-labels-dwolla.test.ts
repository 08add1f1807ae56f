import t from 'tap'
import { DwollaError as SdkError } from 'dwolla/models/errors'
import { NOT_FOUND_MESSAGES } from '../../src/index.js'
import { LABEL_MESSAGES } from '../../src/resources/labels/index.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

/** What the dwolla SDK threw: its HTTP status and Dwolla's body, read from the typed error. */
async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string; paths: string[] }> {
  const error = await rejectionOf(promise)
  if (!(error instanceof SdkError)) throw new Error(`expected the SDK's typed error, got ${String(error)}`)
  const body = JSON.parse(error.body) as { code: string; message: string; _embedded?: { errors: Array<{ path: string }> } }
  return { status: error.statusCode, code: body.code, message: body.message, paths: body._embedded?.errors.map((entry) => entry.path) ?? [] }
}

const personal = {
  firstName: 'Label',
  lastName: 'Tester',
  email: 'label+tester@example.com',
  type: 'personal' as const,
  address1: '9876 Million Dollar St',
  city: 'Des Moines',
  state: 'IA',
  postalCode: '50265',
  ssn: '123456789',
  dateOfBirth: '1980-01-01',
}

const usd = (value: string) => ({ value, currency: 'USD' })

t.test('dwolla: every label operation’s answer passes the SDK’s own validation, as Dwolla’s labels test runs them', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const customer = idOf((await sdk.customers.create(personal))?.headers.location?.[0])
  const balanceId = (await sdk.customers.fundingSources.list({ id: customer })).embedded?.fundingSources?.[0]?.id as string
  mock.app.mockDwolla.balances.set(balanceId, '20.00')

  const created = await sdk.customers.labels.create({ id: customer, requestBody: { amount: usd('10.00') } })
  t.match(created?.headers.location?.[0], new RegExp(`^${mock.url}/labels/`), 'customers.labels.create: headers.location[0], absolute')
  const first = idOf(created?.headers.location?.[0])
  const second = idOf((await sdk.customers.labels.create({ id: customer, requestBody: { amount: usd('5.00') } }))?.headers.location?.[0])

  const listed = await sdk.customers.labels.list({ id: customer })
  t.same(
    listed.embedded?.labels?.map((label) => [label.id, label.amount?.value, label.created instanceof Date, Boolean(label.links?.['self'])]),
    [
      [second, '5.00', true, true],
      [first, '10.00', true, true],
    ],
    'customers.labels.list: newest first, created a Date, links.self',
  )
  t.equal(listed.total, 2, 'total a number')
  const label = await sdk.labels.get({ id: first })
  t.match(label, { id: first, amount: { value: '10.00', currency: 'USD' } }, 'labels.get')
  t.ok(label.links?.['ledger-entries']?.href, 'with its ledger-entries link')

  const entries = await sdk.labels.ledgerEntries.list({ id: first })
  const firstEntry = entries.embedded?.ledgerEntries?.[0]
  t.same([entries.total, firstEntry?.amount?.value, firstEntry?.created instanceof Date], [1, '10.00', true], 'labels.ledgerEntries.list: the first entry')
  const entry = await sdk.labels.ledgerEntries.get({ ledgerEntryId: firstEntry?.id as string })
  t.same([entry.id, entry.amount, Boolean(entry.links?.['label'])], [firstEntry?.id, usd('10.00'), true], 'labels.ledgerEntries.get')

  const reallocated = await sdk.labels.reallocations.create({
    links: { from: { href: `https://api-sandbox.dwolla.com/labels/${first}` }, to: { href: `https://api-sandbox.dwolla.com/labels/${second}` } },
    amount: usd('1.00'),
  })
  t.match(
    reallocated?.headers.location?.[0],
    new RegExp(`^${mock.url}/label-reallocations/`),
    'labels.reallocations.create: 201, hrefs of Dwolla’s host read by id',
  )
  const reallocation = await sdk.labels.reallocations.get({ reallocationId: idOf(reallocated?.headers.location?.[0]) })
  t.ok(
    reallocation.created instanceof Date && reallocation.links?.self && reallocation.links.toLedgerEntry && reallocation.links.fromLedgerEntry,
    'labels.reallocations.get: created, self, to-ledger-entry and from-ledger-entry',
  )

  const ledgered = await sdk.labels.ledgerEntries.create({ id: first, requestBody: { amount: usd('-9.00') } })
  t.match(ledgered?.headers.location?.[0], new RegExp(`^${mock.url}/ledger-entries/`), 'labels.ledgerEntries.create: a negative entry, 201')
  const balance = await sdk.fundingSources.balance.get({ id: balanceId })
  t.match(balance, { balance: usd('14.00'), total: usd('20.00') }, 'fundingSources.balance.get: labels lower the balance, not the total')

  const removed = await sdk.labels.remove({ id: first })
  t.match(removed, { id: first, amount: usd('0.00') }, 'labels.remove: the label, as the SDK parses it')
  t.ok(removed.created instanceof Date && removed.links?.['self'], 'with created and links.self (Dwolla’s test reads them)')
})

t.test('dwolla: the labels’ errors reach the SDK as its typed errors', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const customer = idOf((await sdk.customers.create(personal))?.headers.location?.[0])
  t.match(
    await failure(sdk.customers.labels.create({ id: customer, requestBody: { amount: usd('1.00') } })),
    { status: 400, code: 'ValidationError', paths: ['/amount/value'] },
    'an empty balance: 400 InsufficientFunds',
  )
  const balanceId = (await sdk.customers.fundingSources.list({ id: customer })).embedded?.fundingSources?.[0]?.id as string
  mock.app.mockDwolla.balances.set(balanceId, '3.00')
  const label = idOf((await sdk.customers.labels.create({ id: customer, requestBody: { amount: usd('3.00') } }))?.headers.location?.[0])
  t.match(
    await failure(sdk.labels.ledgerEntries.create({ id: label, requestBody: { amount: usd('-3.01') } })),
    { status: 400, code: 'ValidationError', paths: ['/amount/value'] },
    'below zero: 400',
  )
  t.match(
    await failure(sdk.labels.remove({ id: label })),
    { status: 403, code: 'InvalidResourceState', message: LABEL_MESSAGES.notZero },
    'remove at 3.00: 403',
  )
  t.match(
    await failure(sdk.labels.get({ id: '99999999-9999-4999-8999-999999999999' })),
    { status: 404, code: 'NotFound', message: NOT_FOUND_MESSAGES.label },
    'labels.get of an unknown id: 404',
  )
  t.match(
    await failure(
      sdk.labels.reallocations.create({
        links: { from: { href: `${mock.url}/labels/${label}` }, to: { href: `${mock.url}/labels/${label}` } },
        amount: usd('1.00'),
      }),
    ),
    { status: 400, code: 'ValidationError', paths: ['/_links/to/href'] },
    'a reallocation to itself: 400',
  )
})
