/**
 * Labels (dev-portal api-reference/labels/*.mdx): a Verified Customer sets part of its balance
 * aside under a label. A label's amount is the sum of its ledger entries, never negative; what
 * labels hold is part of the balance's `total` but not of what is `available` (held in the
 * ledger, src/resources/balances/). A reallocation moves an amount from one of a customer's
 * labels to another as two ledger entries.
 */

export interface Label {
  /** A lowercase UUID. */
  id: string
  customerId: string
  /** The customer's balance funding source, whose money the label holds. */
  balanceId: string
  /** In milliseconds by the mock's clock. */
  created: number
  /** What it holds, in cents: the sum of its ledger entries, never below zero. */
  cents: number
}

export interface LabelLedgerEntry {
  id: string
  labelId: string
  /** Cents added to the label (negative: taken from it); never zero. */
  cents: number
  created: number
  /** The reallocation that made it, if one did. */
  reallocationId?: string
}

export interface LabelReallocation {
  id: string
  fromEntryId: string
  toEntryId: string
  created: number
}
