import t from 'tap'
import { NOT_FOUND_MESSAGES } from '../../src/index.js'
import { LABEL_MESSAGES } from '../../src/resources/labels/index.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

type SdkError = Error & { status: number; body: { code: string; message: string; _embedded?: { errors: Array<{ path: string }> } } }

const usd = (value: string) => ({ amount: { value, currency: 'USD' } })

t.test("dwolla-v2: labels as Dwolla's examples use them: post, follow Location and links, delete", async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const sources = await client.get(`customers/${SEEDED.personalVerified}/funding-sources`)
  const balanceHref = sources.body._embedded['funding-sources'][0]._links.self.href as string
  mock.app.mockDwolla.balances.set(balanceHref.split('/').pop() as string, '30.00')

  const created = await client.post(`customers/${SEEDED.personalVerified}/labels`, usd('12.34'))
  t.same([created.status, created.body], [201, ''], 'post: 201 and no body')
  const labelUrl = created.headers.get('location') as string
  const label = await client.get(labelUrl)
  t.same([label.status, label.body.amount], [200, { value: '12.34', currency: 'USD' }], 'get(location): the label')
  const other = (await client.post(`customers/${SEEDED.personalVerified}/labels`, usd('1.00'))).headers.get('location') as string

  const entry = await client.post(label.body._links['ledger-entries'].href, usd('-2.34'))
  t.equal(entry.status, 201, 'post(the ledger-entries link)')
  const entryBody = (await client.get(entry.headers.get('location') as string)).body
  t.same([entryBody.amount.value, entryBody._links.label.href], ['-2.34', labelUrl], 'get(the entry’s Location): its amount and label')
  const entries = await client.get(`${labelUrl}/ledger-entries`, { limit: '1' })
  t.same([entries.body.total, entries.body._embedded['ledger-entries'].length], [2, 1], "_embedded['ledger-entries'], paged")

  const reallocation = await client.post('label-reallocations', { _links: { from: { href: labelUrl }, to: { href: other } }, ...usd('10.00') })
  t.equal(reallocation.status, 201, 'post(label-reallocations)')
  const read = await client.get(reallocation.headers.get('location') as string)
  const toEntry = await client.get(read.body._links['to-ledger-entry'].href)
  t.same(toEntry.body.amount.value, '10.00', 'follow to-ledger-entry')
  const list = await client.get(`customers/${SEEDED.personalVerified}/labels`)
  t.same(
    list.body._embedded.labels.map((each: { amount: { value: string } }) => each.amount.value),
    ['11.00', '0.00'],
    'customers/{id}/labels: newest first, with what each holds',
  )
  const balance = await client.get(`${balanceHref}/balance`)
  t.same([balance.body.balance.value, balance.body.total.value], ['19.00', '30.00'], 'the balance: available and total')

  const removed = await client.delete(labelUrl)
  t.same([removed.status, removed.body.id, removed.body.amount.value], [200, label.body.id, '0.00'], "delete('labels/{id}'): 200 and the label")
  const gone = await rejectionOf<SdkError>(client.get(labelUrl))
  t.same([gone.status, gone.body.message], [404, NOT_FOUND_MESSAGES.label], 'then 404')
})

t.test('dwolla-v2: the labels’ errors as dwolla-v2 rejects with them', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const refused = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.personalVerified}/labels`, usd('1.00')))
  t.same([refused.status, refused.body.code, refused.body._embedded?.errors[0]?.path], [400, 'ValidationError', '/amount/value'], 'nothing available: 400')
  const unverified = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.unverified}/labels`, usd('1.00')))
  t.same([unverified.status, unverified.body.code], [403, 'InvalidResourceState'], 'an unverified customer: 403')
  mock.app.mockDwolla.balances.set(
    ((await client.get(`customers/${SEEDED.personalVerified}/funding-sources`)).body._embedded['funding-sources'][0]._links.self.href as string)
      .split('/')
      .pop() as string,
    '1.00',
  )
  const label = (await client.post(`customers/${SEEDED.personalVerified}/labels`, usd('1.00'))).headers.get('location') as string
  const notZero = await rejectionOf<SdkError>(client.delete(label))
  t.same([notZero.status, notZero.body.message], [403, LABEL_MESSAGES.notZero], 'delete at 1.00: 403')
  const negative = await rejectionOf<SdkError>(client.post(`${label}/ledger-entries`, usd('-1.01')))
  t.same([negative.status, negative.body._embedded?.errors[0]?.path], [400, '/amount/value'], 'below zero: 400')
})
