import t from 'tap'
import { LEDGER, balanceAccount } from '../../../src/resources/balances/index.js'
import { initiatePayment, processPendingTransfers, transferOf, type Transfer } from '../../../src/resources/transfers/index.js'
import { paymentWorld } from '../../helpers/payments.js'

/**
 * Facts §8: the sandbox's captured event order for each flow, at creation, after one simulation
 * and after a second. `x2` rows list both parties' topics, the source's first.
 */
const FLOWS: Array<[string, string, string, string[], string[], string[]]> = [
  ['A-b → A-B', 'A.bank', 'A.balance', ['bank_transfer_created'], ['bank_transfer_completed'], []],
  ['A-B → A-b', 'A.balance', 'A.bank', ['bank_transfer_created'], ['bank_transfer_completed'], []],
  [
    'A-b → R-b',
    'A.bank',
    'R.bank',
    ['bank_transfer_created', 'transfer_created', 'customer_transfer_created'],
    ['bank_transfer_completed'],
    ['transfer_completed', 'customer_transfer_completed'],
  ],
  [
    'A-b → U-b',
    'A.bank',
    'U.bank',
    ['bank_transfer_created', 'transfer_created', 'customer_transfer_created'],
    ['bank_transfer_completed'],
    ['transfer_completed', 'customer_transfer_completed'],
  ],
  [
    'A-b → V-B',
    'A.bank',
    'V1.balance',
    ['bank_transfer_created', 'transfer_created', 'customer_transfer_created'],
    ['bank_transfer_completed', 'transfer_completed', 'customer_transfer_completed'],
    [],
  ],
  [
    'A-b → V-b',
    'A.bank',
    'V1.bank',
    ['bank_transfer_created', 'transfer_created', 'customer_transfer_created'],
    ['bank_transfer_completed', 'customer_transfer_completed', 'transfer_completed', 'customer_bank_transfer_created'],
    ['customer_bank_transfer_completed'],
  ],
  ['A-B → R-b', 'A.balance', 'R.bank', ['transfer_created', 'customer_transfer_created'], ['transfer_completed', 'customer_transfer_completed'], []],
  ['A-B → V-B', 'A.balance', 'V1.balance', ['transfer_created', 'customer_transfer_created', 'transfer_completed', 'customer_transfer_completed'], [], []],
  [
    'A-B → V-b',
    'A.balance',
    'V1.bank',
    ['transfer_created', 'customer_transfer_created', 'transfer_completed', 'customer_transfer_completed', 'customer_bank_transfer_created'],
    ['customer_bank_transfer_completed'],
    [],
  ],
  ['U-b → A-B', 'U.bank', 'A.balance', ['customer_transfer_created', 'transfer_created'], ['customer_transfer_completed', 'transfer_completed'], []],
  [
    'U-b → A-b',
    'U.bank',
    'A.bank',
    ['customer_transfer_created', 'transfer_created'],
    ['customer_transfer_completed', 'transfer_completed', 'bank_transfer_created'],
    ['bank_transfer_completed'],
  ],
  [
    'U-b → V-B',
    'U.bank',
    'V1.balance',
    ['customer_transfer_created', 'customer_transfer_created'],
    ['customer_transfer_completed', 'customer_transfer_completed'],
    [],
  ],
  [
    'U-b → V-b',
    'U.bank',
    'V1.bank',
    ['customer_transfer_created', 'customer_transfer_created'],
    ['customer_transfer_completed', 'customer_transfer_completed', 'customer_bank_transfer_created'],
    ['customer_bank_transfer_completed'],
  ],
  [
    'V-b → A-B',
    'V1.bank',
    'A.balance',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'transfer_created'],
    ['customer_bank_transfer_completed', 'customer_transfer_completed', 'transfer_completed'],
    [],
  ],
  [
    'V-b → A-b',
    'V1.bank',
    'A.bank',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'transfer_created'],
    ['customer_bank_transfer_completed', 'customer_transfer_completed', 'transfer_completed', 'bank_transfer_created'],
    ['bank_transfer_completed'],
  ],
  [
    'V-b → R-b',
    'V1.bank',
    'R.bank',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'customer_transfer_created'],
    ['customer_bank_transfer_completed'],
    ['customer_transfer_completed', 'customer_transfer_completed'],
  ],
  [
    'V-b → U-b',
    'V1.bank',
    'U.bank',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'customer_transfer_created'],
    ['customer_bank_transfer_completed'],
    ['customer_transfer_completed', 'customer_transfer_completed'],
  ],
  ['V-b → own V-B', 'V1.bank', 'V1.balance', ['customer_bank_transfer_created'], ['customer_bank_transfer_completed'], []],
  [
    'V1-b → V2-B',
    'V1.bank',
    'V2.balance',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'customer_transfer_created'],
    ['customer_bank_transfer_completed', 'customer_transfer_completed', 'customer_transfer_completed'],
    [],
  ],
  [
    'V1-b → V2-b',
    'V1.bank',
    'V2.bank',
    ['customer_bank_transfer_created', 'customer_transfer_created', 'customer_transfer_created'],
    ['customer_bank_transfer_completed', 'customer_transfer_completed', 'customer_transfer_completed', 'customer_bank_transfer_created'],
    ['customer_bank_transfer_completed'],
  ],
  ['V-B → A-B', 'V1.balance', 'A.balance', ['customer_transfer_created', 'transfer_created', 'customer_transfer_completed', 'transfer_completed'], [], []],
  ['V-B → own V-b', 'V1.balance', 'V1.bank', ['customer_bank_transfer_created'], ['customer_bank_transfer_completed'], []],
  [
    'V-B → R-b',
    'V1.balance',
    'R.bank',
    ['customer_transfer_created', 'customer_transfer_created'],
    ['customer_transfer_completed', 'customer_transfer_completed'],
    [],
  ],
  [
    'V1-B → V2-B',
    'V1.balance',
    'V2.balance',
    ['customer_transfer_created', 'customer_transfer_created', 'customer_transfer_completed', 'customer_transfer_completed'],
    [],
    [],
  ],
  [
    'V1-B → V2-b',
    'V1.balance',
    'V2.bank',
    ['customer_transfer_created', 'customer_transfer_created', 'customer_transfer_completed', 'customer_transfer_completed', 'customer_bank_transfer_created'],
    ['customer_bank_transfer_completed'],
    [],
  ],
]

export { FLOWS }

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
