import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { massPaymentBody } from '../helpers/mass-payments.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

type SdkError = Error & { status: number; body: { code: string; message: string; _embedded?: { errors: Array<{ path: string }> } } }

t.test("dwolla-v2: a mass payment as Dwolla's examples make one: post, follow Location and links, update, items", async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const sources = await client.get(`customers/${SEEDED.personalVerified}/funding-sources`)
  const personal = (sources.body._embedded['funding-sources'][0]._links.self.href as string).split('/').pop() as string
  const body = massPaymentBody(accountBalanceIdFor('key'), [[personal, '5.00']], { status: 'deferred' })
  const created = await client.post('mass-payments', body, { 'Idempotency-Key': 'v2-batch' })
  t.same([created.status, created.body], [201, ''], 'post: 201 and no body')
  const replay = await client.post('mass-payments', body, { 'Idempotency-Key': 'v2-batch' })
  t.equal(replay.headers.get('location'), created.headers.get('location'), 'the same Idempotency-Key: the same Location')
  const location = created.headers.get('location') as string
  const massPayment = await client.get(location)
  t.same([massPayment.body.status, massPayment.body.total.value], ['deferred', '5.00'], 'get(location)')
  const items = await client.get(massPayment.body._links.items.href, { status: 'pending' })
  t.same([items.body.total, items.body._embedded.items[0].status], [1, 'pending'], 'get(the items link, {status})')
  const released = await client.post(location, { status: 'pending' })
  t.same([released.status, released.body.status], [200, 'pending'], 'post(location, {status: pending}): 200 and the mass payment')
  let status = released.body.status as string
  for (let turn = 0; turn < 1_000 && status !== 'complete'; turn++) status = (await client.get(location)).body.status
  t.equal(status, 'complete', 'processed')
  const item = await client.get(items.body._embedded.items[0]._links.self.href)
  t.same([item.body.status, typeof item.body._links.transfer.href], ['success', 'string'], 'the item: success, with its transfer')
  const list = await client.get(`customers/${SEEDED.personalVerified}/mass-payments`)
  t.same([list.status, list.body.total], [200, 0], 'customers/{id}/mass-payments: the customer made none')
})

t.test('dwolla-v2: the mass payments’ errors as dwolla-v2 rejects with them', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const refused = await rejectionOf<SdkError>(client.post('mass-payments', massPaymentBody(accountBalanceIdFor('key'), [])))
  t.same([refused.status, refused.body._embedded?.errors[0]?.path], [400, '/items'], 'no items: 400')
  const created = await client.post('mass-payments', massPaymentBody(accountBalanceIdFor('key'), [[accountBalanceIdFor('key'), '1.00']]))
  const notDeferred = await rejectionOf<SdkError>(client.post(created.headers.get('location') as string, { status: 'cancelled' }))
  t.same([notDeferred.status, notDeferred.body._embedded?.errors[0]?.path], [400, '/status'], 'cancelling one that is not deferred: 400')
})
