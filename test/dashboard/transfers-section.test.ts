import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { openDashboard, rowKeys } from '../helpers/dashboard.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

/** The text a person reads on a page: markup dropped, entities back to characters. */
const textOf = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

const idOf = (location: unknown) => String(location).split('/').pop() as string

t.test('transfers: each leg a row, newest first, with its status, amount and parties; a failed leg with its return', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const accountBalance = app.mockDwolla.fundingSources
    .list({ application: 'key' })
    .find((source) => source.type === 'balance' && source.customerId === undefined)
  // A receive-only payee: the payment is one transfer, straight to its bank.
  const created = await apiRequest(app, 'POST', '/customers', {
    token,
    body: { firstName: 'Rita', lastName: 'Payee', email: 'rita@example.com', type: 'receive-only' },
  })
  const payee = idOf(created.headers.location)
  const bank = await createFundingSourceVia(app, token, payee, bankBody('1111', { name: 'R01' }))
  const pay = async (value: string) => {
    const body = {
      _links: { source: { href: `http://localhost/funding-sources/${accountBalance?.id}` }, destination: { href: `http://localhost/funding-sources/${bank}` } },
      amount: { currency: 'USD', value },
    }
    const response = await apiRequest(app, 'POST', '/transfers', { token, body })
    if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
    return idOf(response.headers.location)
  }
  const first = await pay('1.25')
  const second = await pay('2.50')
  const keys = rowKeys((await openDashboard(app, '?section=transfers')).body, 'transfers')
  t.ok(keys.indexOf(second) < keys.indexOf(first) && keys.indexOf(first) >= 0, 'both listed, the newest first')

  const before = textOf((await openDashboard(app, '?section=transfers')).body)
  t.match(before, /\$2\.50/, 'an amount as dollars')
  t.match(before, new RegExp(`main\\s+pending\\s+\\$1\\.25\\s+Account\\s+${payee}`), 'the main transfer, pending, from the Account to the customer')

  await app.inject({ method: 'POST', url: '/__mock/sandbox-simulations', payload: { application: 'key' } })
  const failure = (await apiRequest(app, 'GET', `/transfers/${first}/failure`, { token })).json()
  const after = textOf((await openDashboard(app, '?section=transfers')).body)
  t.match(after, /failed: R01/, 'a failed leg shows its return code')
  t.ok(after.includes(`R01: ${failure.description}`), 'and the failure as GET /transfers/{id}/failure explains it')
  t.match(after, new RegExp(`"id": "${first}"`), 'with the JSON GET /transfers/{id} answers')
})

t.test('transfers page: 120 of them, never more than a page rendered', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balances = app.mockDwolla.fundingSources
  const accountBalance = balances.list({ application: 'key' }).find((source) => source.type === 'balance' && source.customerId === undefined)
  const customerBalance = balances.list({ application: 'key', customer: SEEDED.personalVerified }).find((source) => source.type === 'balance')
  const body = {
    _links: {
      source: { href: `http://localhost/funding-sources/${accountBalance?.id}` },
      destination: { href: `http://localhost/funding-sources/${customerBalance?.id}` },
    },
    amount: { currency: 'USD', value: '0.01' },
  }
  const made: string[] = []
  for (let i = 0; i < 120; i++) made.push(idOf((await apiRequest(app, 'POST', '/transfers', { token, body })).headers.location))
  const firstPage = (await openDashboard(app, '?section=transfers')).body
  t.equal(rowKeys(firstPage, 'transfers').length, 50, 'a page: 50 rows')
  t.equal(rowKeys(firstPage, 'transfers')[0], made.at(-1), 'the newest first')
  t.match(firstPage, /1–50 of 120/, 'says which of how many')
  const lastPage = (await openDashboard(app, '?section=transfers&page=3')).body
  t.same(rowKeys(lastPage, 'transfers'), made.slice(0, 20).reverse(), 'the last page: the oldest 20')
  t.same(rowKeys((await openDashboard(app, '?section=transfers&page=4')).body, 'transfers'), [], 'past the end: none')
})
