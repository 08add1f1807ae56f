import t from 'tap'
import { DwollaError as SdkError } from 'dwolla/models/errors'
import { NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

const API = 'https://api-sandbox.dwolla.com'
const href = (kind: string, id: string) => ({ href: `${API}/${kind}/${id}` })

/** What the dwolla SDK threw: its status and Dwolla's body. */
async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; body: { code: string; message: string; _embedded?: { errors: Array<{ code: string; path: string }> } } }> {
  const error = await rejectionOf(promise)
  if (!(error instanceof SdkError)) throw new Error(`expected the SDK's typed error, got ${String(error)}`)
  return { status: error.statusCode, body: JSON.parse(error.body) }
}

t.test('dwolla: every transfers operation and the simulation pass the SDK’s own validation (Dwolla’s own sandbox test, R03)', async (t) => {
  const mock = await listeningMock(t, { autoVerifyBanks: true })
  const sdk = dwollaSdkFor(mock.url)
  const bank = async (customer: string, name: string, accountNumber: string) =>
    idOf(
      (
        await sdk.customers.fundingSources.create({
          id: customer,
          createCustomerFundingSource: { routingNumber: '222222226', accountNumber, bankAccountType: 'checking', name },
        })
      )?.headers.location?.[0],
    )
  const verifiedBank = await bank(SEEDED.personalVerified, 'Checking', '3000001')
  const r03 = await bank(SEEDED.unverified, 'R03', '3000002')
  const created = await sdk.transfers.create({
    idempotencyKey: 'sdk-transfer-1',
    requestBody: {
      links: { source: href('funding-sources', verifiedBank), destination: href('funding-sources', r03) },
      amount: { currency: 'USD', value: '5.00' },
      fees: [{ links: { chargeTo: href('customers', SEEDED.personalVerified) }, amount: { currency: 'USD', value: '0.50' } }],
      metadata: {},
      correlationId: 'sdk-1',
      achDetails: { source: { addenda: { values: ['ABC123_AddendaValue'] } } },
      clearing: { source: 'next-available' },
    },
  })
  const first = idOf(created?.headers.location?.[0])
  t.match(created?.headers.location?.[0], new RegExp(`^${mock.url}/transfers/`), 'transfers.create: headers.location[0], absolute')
  const again = await sdk.transfers.create({
    idempotencyKey: 'sdk-transfer-1',
    requestBody: {
      links: { source: href('funding-sources', verifiedBank), destination: href('funding-sources', r03) },
      amount: { currency: 'USD', value: '5.00' },
    },
  })
  t.equal(idOf(again?.headers.location?.[0]), first, 'the same Idempotency-Key answers the first Location')
  const simulated = await sdk.sandboxSimulations.simulate()
  t.ok(simulated, 'sandboxSimulations.simulate: 200, a JSON body')
  const second = idOf(
    (
      await sdk.transfers.create({
        requestBody: {
          links: { source: href('funding-sources', verifiedBank), destination: href('funding-sources', r03) },
          amount: { currency: 'USD', value: '1.00' },
        },
      })
    )?.headers.location?.[0],
  )
  const got = await sdk.transfers.get({ id: first })
  t.match(got, { id: first, status: 'pending', amount: { value: '5.00', currency: 'USD' }, correlationId: 'sdk-1' }, 'transfers.get')
  t.type(got.created, Date, 'created parsed as a Date')
  t.same(got.achDetails?.source?.addenda?.values, ['ABC123_AddendaValue'], 'the addenda as sent')
  t.ok(got.links?.cancel?.href, 'a cancel link while pending')
  const cancelled = await sdk.transfers.cancel({ id: second, requestBody: { status: 'cancelled' } })
  t.same(cancelled, {}, 'transfers.cancel: 200 (the SDK answers {})')
  t.equal((await sdk.transfers.get({ id: second })).status, 'cancelled', 'the second transfer is cancelled')
  const fees = await sdk.transfers.fees.list({ id: first })
  t.equal(fees.total, 1, 'transfers.fees.list: one fee')
  t.match(fees.transactions?.[0], { status: 'pending', amount: { value: '0.50', currency: 'USD' } }, 'the fee, pending')
  await sdk.sandboxSimulations.simulate()
  const failed = await sdk.transfers.failure.get({ id: first })
  t.match(failed, { code: 'R03', description: 'No Account/Unable to Locate Account' }, 'transfers.failure.get: R03 after two simulations')
  t.ok(failed.links?.self?.href, 'with its links')
  const customerList = await sdk.customers.transfers.list({ id: SEEDED.personalVerified, status: 'failed', limit: '10', offset: '0' })
  t.equal(customerList.total, 1, 'customers.transfers.list: status as one string')
  t.equal(customerList.embedded?.transfers?.[0]?.id, first, 'the failed transfer')
  const root = await sdk.root.get()
  const account = idOf(root.links?.account?.href)
  const accountList = await sdk.accounts.transfers.list({ id: account })
  t.equal(typeof accountList.total, 'number', 'accounts.transfers.list: a numeric total')
  const refused = await failure(
    sdk.transfers.create({
      requestBody: {
        links: { source: href('funding-sources', r03), destination: href('funding-sources', verifiedBank) },
        amount: { currency: 'USD', value: '1.00' },
      },
    }),
  )
  t.equal(refused.status, 400, 'a refused transfer: 400, as a typed error')
  t.same(
    refused.body._embedded?.errors.map((error) => [error.code, error.path]),
    [['Invalid', '/_links/source/href']],
    'a removed bank cannot send',
  )
  const notFound = await failure(sdk.transfers.get({ id: '00000000-0000-4000-8000-000000000000' }))
  t.same(
    [notFound.status, notFound.body.code, notFound.body.message],
    [404, 'NotFound', NOT_FOUND_MESSAGES.transfer],
    'transfers.get: 404 "Transfer not found."',
  )
})
