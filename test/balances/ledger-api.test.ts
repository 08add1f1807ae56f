import t from 'tap'
import {
  balanceAccount,
  bankAccount,
  LEDGER,
  LEDGER_LIMIT_CENTS,
  Ledger,
  LedgerRefusal,
  SANDBOX_FUNDING,
  TEST_DOUBLE_FUNDING,
  transitAccount,
  type AccountState,
  type LedgerAccount,
  type LedgerAccountKind,
  type MoveOptions,
} from '../../src/resources/balances/index.js'
import { accountBalanceIdFor, accountBankIdFor, OPENING_BALANCE_CENTS } from '../../src/resources/funding-sources/index.js'
import { stateFor } from '../helpers/state.js'

t.test('what the resources that move money get from balances/index.ts: a transfer’s legs, as issue 21 will post them', async (t) => {
  const state = await stateFor(t, { now: () => 1_000 })
  const ledger = state.worlds.open('key').get(LEDGER)
  t.type(ledger, Ledger, 'one ledger per application, a world part')
  const accountBalance = balanceAccount(accountBalanceIdFor('key').toUpperCase())
  t.equal(ledger.available(accountBalance), OPENING_BALANCE_CENTS, 'the Account opens with $5,000 (ids matched in any case)')
  t.equal(ledger.available(SANDBOX_FUNDING), -OPENING_BALANCE_CENTS, 'posted from the sandbox’s own account')

  // A bank-funded payment of $25.00 to a customer's balance: funding leg, money in flight, main transfer.
  const bank: LedgerAccount = bankAccount(accountBankIdFor('key'))
  const payee = balanceAccount('0b9d4c3e-1a2f-4e5d-8c7b-6a5f4e3d2c1b')
  const inFlight = transitAccount('8f14e45f-ceea-467a-9575-2f6f0a1c9b3d')
  const at: MoveOptions = { at: 2_000 }
  ledger.move(bank, accountBalance, 2500, at)
  ledger.move(accountBalance, inFlight, 2500, at)
  ledger.move(inFlight, payee, 2500, { at: 3_000 })
  const payeeState: AccountState = ledger.state(payee)
  t.same(payeeState, { available: 2500, held: 0, lastUpdated: 3_000 }, 'the payee has $25.00, as of when the main transfer processed')
  t.equal(ledger.available(accountBalance), OPENING_BALANCE_CENTS, 'the Account’s balance passed the money on')
  const kinds: LedgerAccountKind[] = ledger.snapshot().map((entry) => entry.kind)
  t.notOk(kinds.includes('transit'), 'nothing left in flight')

  // A label's hold, and a refusal that changes nothing.
  ledger.hold(payee, 1000, 4_000)
  t.same([ledger.available(payee), ledger.total(payee)], [1500, 2500], 'a label holds $10.00: available 15.00, total 25.00')
  const refusal = t.throws(() => ledger.move(payee, bank, 1501, { at: 5_000 })) as LedgerRefusal
  t.type(refusal, LedgerRefusal, 'more than is available: refused')
  t.equal(refusal.reason, 'insufficient-funds', 'for insufficient funds (Dwolla: InsufficientFunds at /_links/source/href)')

  // A debit return after the money was spent: the balance may go negative.
  ledger.move(payee, bank, 2000, { at: 6_000, debitReturn: true })
  t.equal(ledger.available(payee), -500, 'negative: customer_funding_source_negative for transfers to raise')
  t.ok(LEDGER_LIMIT_CENTS > Number.MAX_SAFE_INTEGER / 1000, 'a limit far past any real amount, yet every sum exact')
  t.equal(ledger.sum(), 0, 'every cent accounted for')
  t.equal(ledger.available(TEST_DOUBLE_FUNDING), 0, 'the test double’s account untouched')
})
