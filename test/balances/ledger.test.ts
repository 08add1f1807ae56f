import fc from 'fast-check'
import t from 'tap'
import { Ledger, LEDGER_LIMIT_CENTS, LedgerRefusal, type LedgerAccount } from '../../src/resources/balances/ledger.js'

const balance = (id: string): LedgerAccount => ({ kind: 'balance', id })
const bank = (id: string): LedgerAccount => ({ kind: 'bank', id })
const transit = (id: string): LedgerAccount => ({ kind: 'transit', id })
const external: LedgerAccount = { kind: 'external', id: 'sandbox' }

t.test('a posting moves cents from one account to another: the accounts add up to zero', async (t) => {
  let changes = 0
  const ledger = new Ledger(() => (changes += 1))
  ledger.move(external, balance('a'), 500000, { at: 10 })
  t.equal(ledger.available(balance('a')), 500000, 'the balance has the money')
  t.equal(ledger.available(external), -500000, 'where it came from is short of it')
  t.equal(ledger.sum(), 0, 'the sum is zero')
  t.equal(ledger.lastUpdated(balance('a')), 10, 'lastUpdated is when the posting was made')
  t.equal(ledger.lastUpdated(balance('never')), undefined, 'an account never posted to has no lastUpdated')
  t.same(ledger.state(balance('never')), { available: 0, held: 0, lastUpdated: 0 }, 'and holds nothing')
  t.equal(changes, 1, 'each posting is announced once')
})

t.test('a balance or money in flight cannot go below zero; a bank or the outside can', async (t) => {
  const ledger = new Ledger()
  ledger.move(external, balance('a'), 100, { at: 1 })
  const refusal = t.throws(() => ledger.move(balance('a'), bank('b'), 101, { at: 2 })) as LedgerRefusal
  t.type(refusal, LedgerRefusal, 'overdrawing a balance is refused')
  t.equal(refusal.reason, 'insufficient-funds', 'for insufficient funds')
  t.same([ledger.available(balance('a')), ledger.available(bank('b'))], [100, 0], 'and changes nothing')
  t.throws(() => ledger.move(transit('t'), balance('a'), 1, { at: 2 }), LedgerRefusal, 'money in flight that is not there cannot move')
  ledger.move(bank('b'), balance('a'), 50, { at: 3 })
  t.equal(ledger.available(bank('b')), -50, 'a bank sends what it is asked to: it is outside Dwolla')
  ledger.move(balance('a'), external, 200, { at: 4, debitReturn: true })
  t.equal(ledger.available(balance('a')), -50, 'a debit return may take a balance below zero')
  t.equal(ledger.sum(), 0, 'still zero')
})

t.test('held money is part of the total, not available; releasing it makes it available again', async (t) => {
  const ledger = new Ledger()
  ledger.move(external, balance('a'), 1000, { at: 1 })
  ledger.hold(balance('a'), 300, 2)
  t.same([ledger.available(balance('a')), ledger.total(balance('a'))], [700, 1000], 'available 7.00, total 10.00')
  t.throws(() => ledger.move(balance('a'), bank('b'), 701, { at: 3 }), LedgerRefusal, 'held money cannot be sent')
  t.throws(() => ledger.hold(balance('a'), 701, 3), LedgerRefusal, 'nor held twice')
  t.throws(() => ledger.release(balance('a'), 301, 3), LedgerRefusal, 'nor more released than held')
  ledger.release(balance('a'), 300, 4)
  t.same(ledger.state(balance('a')), { available: 1000, held: 0, lastUpdated: 4 }, 'released')
  t.equal(ledger.sum(), 0, 'holds move nothing between accounts')
})

t.test('money in flight is let go of once it has all moved on; other accounts are kept for lastUpdated', async (t) => {
  const ledger = new Ledger()
  ledger.move(external, balance('a'), 100, { at: 1 })
  ledger.move(balance('a'), transit('t'), 100, { at: 2 })
  t.equal(ledger.size, 3, 'outside, balance and transit')
  ledger.move(transit('t'), bank('b'), 100, { at: 3 })
  t.equal(ledger.size, 3, 'the transit account at zero is dropped, the bank added')
  t.equal(ledger.lastUpdated(balance('a')), 2, 'the balance at zero is kept, with when it last changed')
})

t.test('refused outright: a posting of no cents, fractions, within one account, or past the limit', async (t) => {
  const ledger = new Ledger()
  for (const cents of [0, -1, 0.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1]) {
    t.throws(() => ledger.move(external, balance('a'), cents, { at: 1 }), RangeError, `${cents} cents`)
  }
  t.throws(() => ledger.move(balance('a'), balance('a'), 1, { at: 1 }), RangeError, 'from an account to itself')
  ledger.move(external, balance('a'), LEDGER_LIMIT_CENTS, { at: 1 })
  const refusal = t.throws(() => ledger.move(external, balance('a'), 1, { at: 2 })) as LedgerRefusal
  t.equal(refusal.reason, 'limit', 'no account passes the limit, so every sum stays an exact integer')
  t.equal(ledger.sum(), 0, 'nothing changed')
})

t.test('snapshot and restore keep every account as it was', async (t) => {
  const ledger = new Ledger()
  ledger.move(external, balance('a'), 1234, { at: 5 })
  ledger.hold(balance('a'), 34, 6)
  const copy = new Ledger()
  copy.restore(ledger.snapshot())
  t.same(copy.snapshot(), ledger.snapshot(), 'the same accounts')
  t.same(copy.state(balance('a')), { available: 1200, held: 34, lastUpdated: 6 }, 'with their money and times')
})

type Operation = { op: 'move'; from: number; to: number; cents: number; debitReturn: boolean } | { op: 'hold' | 'release'; account: number; cents: number }

const ACCOUNTS: LedgerAccount[] = [balance('a'), balance('b'), balance('c'), transit('t1'), transit('t2'), bank('x'), bank('y'), external]
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('move' as const),
    from: fc.nat({ max: ACCOUNTS.length - 1 }),
    to: fc.nat({ max: ACCOUNTS.length - 1 }),
    cents: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: -5, max: 0 }), fc.constant(0.5)),
    debitReturn: fc.boolean(),
  }),
  fc.record({ op: fc.constantFrom('hold' as const, 'release' as const), account: fc.nat({ max: 2 }), cents: fc.integer({ min: 1, max: 5_000 }) }),
)

t.test('property: whatever is asked, in any order, money is conserved and nothing goes below zero but by a debit return', async (t) => {
  fc.assert(
    fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
      const ledger = new Ledger()
      const returned = new Set<string>()
      for (const [index, operation] of operations.entries()) {
        const before = ledger.snapshot()
        try {
          if (operation.op === 'move') {
            const from = ACCOUNTS[operation.from] as LedgerAccount
            ledger.move(from, ACCOUNTS[operation.to] as LedgerAccount, operation.cents, { at: index, debitReturn: operation.debitReturn })
            if (operation.debitReturn && from.kind === 'balance') returned.add(from.id)
          } else if (operation.op === 'hold') ledger.hold(ACCOUNTS[operation.account] as LedgerAccount, operation.cents, index)
          else ledger.release(ACCOUNTS[operation.account] as LedgerAccount, operation.cents, index)
        } catch (error) {
          if (!(error instanceof LedgerRefusal || error instanceof RangeError)) throw error
          // A refusal changes nothing at all.
          if (JSON.stringify(ledger.snapshot()) !== JSON.stringify(before)) return false
        }
        if (ledger.sum() !== 0) return false
        for (const entry of ledger.snapshot()) {
          if (entry.held < 0) return false
          if (entry.kind === 'transit' && entry.available < 0) return false
          if (entry.kind === 'balance' && entry.available < 0 && !returned.has(entry.id)) return false
        }
      }
      return true
    }),
    { numRuns: 300 },
  )
  t.pass('the sum stayed zero after every step')
})
