import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { openDashboard, rowKeys } from '../helpers/dashboard.js'
import { balanceIdVia, createLabelVia } from '../helpers/labels.js'
import { completedMassPayment, massPaymentBody } from '../helpers/mass-payments.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

/** The text a person reads on a page: markup dropped, entities back to characters. */
const textOf = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

t.test('mass payments: newest first, how their items fared, the total and the JSON GET /mass-payments/{id} answers', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const unknown = '00000000-0000-4000-8000-000000000000'
  const created = await apiRequest(app, 'POST', '/mass-payments', {
    token,
    body: massPaymentBody(accountBalanceIdFor('key'), [
      [personal, '10.00'],
      [unknown, '1.50'],
    ]),
  })
  const id = String(created.headers.location).split('/').pop() as string
  await completedMassPayment(app, token, id)
  const page = (await openDashboard(app, '?section=mass-payments')).body
  t.same(rowKeys(page, 'mass-payments'), [id], 'the mass payment listed')
  const text = textOf(page)
  t.match(text, /complete\s+2 items: 1 success, 1 failed\s+\$11\.50\s+Account/, 'complete: one item paid, one failed, $11.50 from the Account')
  t.match(text, new RegExp(`"id": "${id}"`), 'with its JSON')
  t.match(textOf((await openDashboard(app)).body), /Mass payments/, 'a section of the overview')
})

t.test('labels: what each holds, its ledger entries and its customer; the balance shows what they hold', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balance = await balanceIdVia(app, token, SEEDED.personalVerified)
  app.mockDwolla.balances.set(balance, '100.00', { application: 'key' })
  const first = await createLabelVia(app, token, SEEDED.personalVerified, '12.00')
  const second = await createLabelVia(app, token, SEEDED.personalVerified, '30.25')
  const page = (await openDashboard(app, '?section=labels')).body
  t.same(rowKeys(page, 'labels'), [second, first], 'newest first')
  t.match(textOf(page), new RegExp(`\\$30\\.25\\s+1\\s+${SEEDED.personalVerified}`), 'its amount, one ledger entry, its customer')
  const balances = textOf((await openDashboard(app, '?section=balances')).body)
  t.match(balances, /\$57\.75\s+\$100\.00/, 'the balance: $57.75 available of $100.00, labels hold the rest')
})
