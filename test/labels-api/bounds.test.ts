import t, { type Test } from 'tap'
import type { MockDwollaOptions } from '../../src/index.js'
import { LABEL_MESSAGES } from '../../src/resources/labels/index.js'
import { SEEDED } from '../helpers/customers.js'
import { addLedgerEntryVia, amountBody, balanceIdVia, balanceVia, createLabelVia, deleteRequest } from '../helpers/labels.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const customer = SEEDED.personalVerified

/** A mock with `options`, its token, and the Verified Customer's balance given $10.00. */
async function fundedMock(t: Test, options: MockDwollaOptions) {
  const app = await mockFor(t, options)
  const token = await accessTokenFor(app)
  const balance = await balanceIdVia(app, token, customer)
  app.mockDwolla.balances.set(balance, '10.00')
  return { app, token, balance }
}

t.test('labelLimit bounds the labels an application holds; past it MaxNumberOfResources, and a removed label frees its room', async (t) => {
  const { app, token, balance } = await fundedMock(t, { labelLimit: 2 })
  const first = await createLabelVia(app, token, customer, '1.00')
  await createLabelVia(app, token, customer, '1.00')
  const refused = await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token, body: amountBody('1.00') })
  t.same(
    [refused.statusCode, refused.json()],
    [400, { code: 'MaxNumberOfResources', message: LABEL_MESSAGES.tooManyLabels }],
    'the third label is refused: 400 MaxNumberOfResources',
  )
  t.same(await balanceVia(app, token, balance), ['8.00', '10.00'], 'the refused label set nothing aside')

  await addLedgerEntryVia(app, token, first, '-1.00')
  t.equal((await deleteRequest(app, `/labels/${first}`, token)).statusCode, 200, 'a label at zero is removed')
  t.equal((await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token, body: amountBody('1.00') })).statusCode, 201, 'its room is free again')

  const other = await accessTokenFor(app, 'other')
  const otherBalance = await balanceIdVia(app, other, customer)
  app.mockDwolla.balances.set(otherBalance, '10.00', { application: 'other' })
  for (const count of [1, 2]) {
    const created = await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token: other, body: amountBody('1.00') })
    t.equal(created.statusCode, 201, `another application has its own bound: its label ${count}`)
  }
})

t.test('labelLedgerEntryLimit bounds the ledger entries an application holds, a label’s first one counting', async (t) => {
  const { app, token, balance } = await fundedMock(t, { labelLedgerEntryLimit: 2 })
  const label = await createLabelVia(app, token, customer, '1.00')
  await addLedgerEntryVia(app, token, label, '1.00')
  const refused = await apiRequest(app, 'POST', `/labels/${label}/ledger-entries`, { token, body: amountBody('1.00') })
  const expected = { code: 'MaxNumberOfResources', message: LABEL_MESSAGES.tooManyLedgerEntries }
  t.same([refused.statusCode, refused.json()], [400, expected], 'the third ledger entry is refused: 400 MaxNumberOfResources')
  const newLabel = await apiRequest(app, 'POST', `/customers/${customer}/labels`, { token, body: amountBody('1.00') })
  t.same([newLabel.statusCode, newLabel.json()], [400, expected], 'so is a new label, whose first entry would be the third')
  t.same(await balanceVia(app, token, balance), ['8.00', '10.00'], 'neither set anything aside')
  t.equal((await apiRequest(app, 'GET', `/labels/${label}/ledger-entries`, { token })).json().total, 2, 'the label keeps its two entries')
})
