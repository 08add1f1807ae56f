import t from 'tap'
import { LEDGER, balanceAccount } from '../../../src/resources/balances/index.js'
import { initiatePayment, processPendingTransfers, transferOf, type Transfer } from '../../../src/resources/transfers/index.js'
import { paymentWorld } from '../../helpers/payments.js'
import { FLOWS } from '../../helpers/transfer-flows.js'

for (const [name, from, to, atCreation, afterFirst, afterSecond] of FLOWS) {
  t.test(`${name}: the events in the order the sandbox captured them, and the books balance`, async (t) => {
    const { world, parties, topics, sum } = await paymentWorld(t)
    const idOf = (path: string) => {
      const [party, kind] = path.split('.') as ['A' | 'V1' | 'V2' | 'U' | 'R', 'bank' | 'balance']
      return parties[party][kind] as string
    }
    const ledger = world.get(LEDGER)
    // Give the Verified Customers' balances money to send: posted from the Account through the mock's own payment.
    if (from.endsWith('balance') && !from.startsWith('A')) initiatePayment(world, { sourceId: parties.A.balance, destinationId: idOf(from), amount: 10_000 })
    topics()
    const main = initiatePayment(world, { sourceId: idOf(from), destinationId: idOf(to), amount: 2_500 })
    t.same(topics(), atCreation, `${name}: at creation`)
    const before = ledger.sum()
    t.equal(processPendingTransfers(world) >= 0, true, 'a simulation runs')
    t.same(topics(), afterFirst, `${name}: after the first simulation`)
    processPendingTransfers(world)
    t.same(topics(), afterSecond, `${name}: after the second simulation`)
    t.equal(sum(), 0, 'the ledger adds up to zero')
    t.equal(ledger.sum(), before, 'and nothing was made or lost')
    const settled = transferOf(world, main.id) as Transfer
    t.equal(settled.status, 'processed', 'the main transfer processed')
    t.equal(ledger.available(balanceAccount(idOf(from))) >= 0, true, 'no balance below zero')
  })
}
