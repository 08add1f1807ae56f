import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { MASS_PAYMENTS, MAX_ITEMS } from '../../src/resources/mass-payments/index.js'
import { MASS_PAYMENT_ITEM_BYTES } from '../../src/resources/mass-payments/mass-payments-part.js'
import { SEEDED } from '../helpers/customers.js'
import { idOf } from '../helpers/funding-sources.js'
import { balanceIdVia, balanceVia } from '../helpers/labels.js'
import { completedMassPayment, massPaymentBody } from '../helpers/mass-payments.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

t.test('a 5,000-item mass payment: accepted, processed a slice at a time without a long stall, every cent accounted for', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = await balanceIdVia(app, token, SEEDED.personalVerified)
  const account = accountBalanceIdFor('key')
  const body = massPaymentBody(
    account,
    Array.from({ length: MAX_ITEMS }, (): [string, string] => [personal, '0.01']),
    { correlationId: 'load' },
  )
  t.ok(JSON.stringify(body).length > 64 * 1024, `a body of ${JSON.stringify(body).length} bytes, past the default bodyLimit: mass payments take up to 4 MiB`)

  const delay = monitorEventLoopDelay({ resolution: 1 })
  const started = performance.now()
  const created = await apiRequest(app, 'POST', '/mass-payments', { token, body })
  const answeredIn = performance.now() - started
  t.equal(created.statusCode, 201, `created, answered in ${Math.round(answeredIn)} ms`)
  delay.enable()
  // Turns of the event loop while processing runs: processing in one go would leave one or two.
  let turns = 0
  let counting = true
  const count = () => {
    turns += 1
    if (counting) setImmediate(count)
  }
  setImmediate(count)
  const processing = performance.now()
  const done = await completedMassPayment(app, token, idOf(created.headers.location), 100_000)
  const processedIn = performance.now() - processing
  counting = false
  delay.disable()
  const longest = delay.max / 1e6
  t.equal(done.status, 'complete', `complete after ${Math.round(processedIn)} ms of processing`)
  // Each slice holds the loop for about SLICE_MS (10 ms), plus what garbage collection and a
  // loaded machine add (measured: about 100 ms at worst on a shared 2-core machine). The count of
  // turns says the work was sliced whatever the load; the stall's bound is only a ceiling.
  t.ok(turns >= 10, `the loop turned ${turns} times while processing: the work is sliced`)
  t.ok(longest < 500, `the longest event-loop stall while processing: ${longest.toFixed(1)} ms, of ${Math.round(processedIn)} ms in all`)
  t.same(await balanceVia(app, token, personal), ['50.00', '50.00'], 'every item paid: 5,000 × 0.01')
  t.same(await balanceVia(app, token, account), ['4950.00', '4950.00'], 'from the Account’s balance')
  const failed = (await apiRequest(app, 'GET', `/mass-payments/${idOf(created.headers.location)}/items?status=failed`, { token })).json()
  t.equal(failed.total, 0, 'none failed')
  const store = app.mockDwolla.worlds.open('key').get(MASS_PAYMENTS)
  t.same(store.counts, { massPayments: 1, items: MAX_ITEMS }, 'held: one mass payment, 5,000 items')
  t.ok(app.mockDwolla.worlds.open('key').weight() >= MAX_ITEMS * MASS_PAYMENT_ITEM_BYTES, 'and counted by the bound on all applications')

  const tooBig = await apiRequest(app, 'POST', '/mass-payments', {
    token,
    payload: JSON.stringify({ ...body, metadata: { pad: 'x'.repeat(4 * 1024 * 1024) } }),
  })
  t.equal(tooBig.statusCode, 413, 'a body past 4 MiB: 413')
})
