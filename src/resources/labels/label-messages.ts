/**
 * What labels answer besides the catalogue's defaults (src/errors.ts), in Dwolla's words where
 * its documents give them; the tests reuse these. *Inferred* ones are mock-dwolla's.
 */
export const LABEL_MESSAGES = {
  /** ValidationError Invalid: a ledger entry (or a reallocation) taking a label below zero (Dwolla's spec, createLabelLedgerEntry). */
  negative: 'Amount can not cause label balance to be negative.',
  /** InvalidResourceState, removing a label that still holds money (Dwolla's spec, removeLabel). */
  notZero: 'Amount must be zero to remove label.',
  /** ValidationError InsufficientFunds: more than the balance has available (inferred; the transfers' word for it). */
  insufficientFunds: 'Insufficient funds.',
  /** ValidationError Invalid: a reallocation between two customers' labels (inferred). */
  otherCustomer: 'Labels must belong to the same customer.',
  /** ValidationError Invalid: a reallocation from a label to itself (inferred). */
  sameLabel: 'A reallocation needs two different labels.',
  /** ValidationError Invalid: an amount that is not one (Dwolla's "Invalid amount." of transfers). */
  invalidAmount: 'Invalid amount.',
  /** MaxNumberOfResources past `labelLimit` (inferred: mock-dwolla's own bound). */
  tooManyLabels: 'The maximum number of labels has been reached.',
  /** MaxNumberOfResources past `labelLedgerEntryLimit` (inferred: mock-dwolla's own bound). */
  tooManyLedgerEntries: 'The maximum number of label ledger entries has been reached.',
} as const
