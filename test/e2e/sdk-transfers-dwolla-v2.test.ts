import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { bankBody } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { transferBody } from '../helpers/transfers.js'

type SdkError = Error & { status: number; body: { code: string; _embedded?: { errors: Array<{ code: string; path: string }> } } }

t.test('dwolla-v2: create, follow the links, simulate, fail with R01, cancel, list with repeated status', async (t) => {
  const mock = await listeningMock(t, { autoVerifyBanks: true })
  const client = dwollaV2For(mock.url)
  const idOf = (location: string | null) => (location as string).split('/').pop() as string
  const r01 = idOf((await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, bankBody('4000001', { name: 'R01' }))).headers.get('location'))
  const payee = idOf((await client.post(`customers/${SEEDED.receiveOnly}/funding-sources`, bankBody('4000002'))).headers.get('location'))
  const created = await client.post('transfers', transferBody(r01, payee, '7.00'), { 'Idempotency-Key': 'v2-1' })
  t.same([created.status, created.body], [201, ''], '201 and no body')
  const location = created.headers.get('location') as string
  const repeat = await client.post('transfers', transferBody(r01, payee, '7.00'), { 'Idempotency-Key': 'v2-1' })
  t.equal(repeat.headers.get('location'), location, 'the same key answers the same Location')
  const main = await client.get(location)
  t.equal(main.body.status, 'pending', 'get(Location): pending')
  const funding = await client.get(main.body._links['funding-transfer'].href)
  t.equal(funding.body.status, 'pending', 'its funding leg, by its link')
  const simulated = await client.post('sandbox-simulations')
  t.same([simulated.status, simulated.body.total], [200, 1], 'post(sandbox-simulations): 200 with the total')
  const failed = await client.get(location)
  t.equal(failed.body.status, 'failed', 'R01 failed the payment')
  const reason = await client.get(failed.body._links.failure.href)
  t.same([reason.body.code, reason.body.description], ['R01', 'Insufficient Funds'], 'its failure, by its link')
  const fees = await client.get(`${location}/fees`)
  t.same([fees.status, fees.body.total, fees.body.transactions], [200, 0, []], 'no fees')
  const account = await client.get('/')
  const accountId = account.body._links.account.href.split('/').pop() as string
  const second = await client.post('transfers', transferBody(accountBalanceIdFor('key'), payee, '3.00'))
  const secondBody = (await client.get(second.headers.get('location') as string)).body
  t.ok(secondBody._links.cancel, 'a balance-funded credit to a bank is pending and cancellable')
  const cancelled = await client.post(second.headers.get('location') as string, { status: 'cancelled' })
  t.same([cancelled.status, cancelled.body.status], [200, 'cancelled'], 'post(location, {status: cancelled}): the transfer')
  const listed = await client.get(`customers/${SEEDED.receiveOnly}/transfers`, { status: ['failed', 'cancelled'] } as unknown as Record<string, string>)
  t.same([listed.body.total, listed.body._embedded.transfers.length], [2, 2], 'status repeated: both')
  const accountTransfers = await client.get(`accounts/${accountId}/transfers`)
  t.equal(accountTransfers.body.total, 1, 'the Account’s transfers')
  const error = await rejectionOf<SdkError>(client.post('transfers', transferBody(payee, r01, '1.00')))
  t.same([error.status, error.body._embedded?.errors[0]?.code], [400, 'Restricted'], 'a receive-only customer never sends: Restricted')
})
