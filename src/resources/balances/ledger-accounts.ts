import type { LedgerAccount } from './ledger.js'

/** A balance funding source's money (the Account's, a Verified Customer's). */
export function balanceAccount(fundingSourceId: string): LedgerAccount {
  return { kind: 'balance', id: fundingSourceId.toLowerCase() }
}

/** A bank funding source, outside Dwolla: what it sent in is negative, what it was paid positive. */
export function bankAccount(fundingSourceId: string): LedgerAccount {
  return { kind: 'bank', id: fundingSourceId.toLowerCase() }
}

/** Money in flight: a transfer's, between its legs. */
export function transitAccount(transferId: string): LedgerAccount {
  return { kind: 'transit', id: transferId.toLowerCase() }
}

/** Where the sandbox's own money comes from: each Account's opening $5,000. */
export const SANDBOX_FUNDING: LedgerAccount = Object.freeze({ kind: 'external', id: 'sandbox' })

/** Where the test double's money comes from and goes to, when it sets a balance. */
export const TEST_DOUBLE_FUNDING: LedgerAccount = Object.freeze({ kind: 'external', id: 'test-double' })
