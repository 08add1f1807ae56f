/**
 * A Dwolla transfer as mock-dwolla keeps it: plain data, no HTTP. A payment is a chain of
 * transfers (transfer-lifecycle.mdx): an optional funding leg (a payer's bank into its own
 * balance), the main transfer (payer to payee), an optional withdrawal leg (the payee's balance
 * out to its bank), and a fee transfer per facilitator fee. Each is a transfer with its own id,
 * status and events.
 */

export const TRANSFER_STATUSES = ['pending', 'processed', 'failed', 'cancelled'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]

/** Which link of a payment's chain a transfer is. */
export const TRANSFER_ROLES = ['funding', 'main', 'withdrawal', 'fee'] as const
export type TransferRole = (typeof TRANSFER_ROLES)[number]

/** Who a transfer's `source` or `destination` link names: the Account, or a customer. */
export type Party = { kind: 'account' } | { kind: 'customer'; customerId: string }

/**
 * What a bank leg does at its bank: `debit` pulls money from it, `credit` pays money into it.
 * Undefined for a transfer between two balances.
 */
export type BankSide = 'debit' | 'credit'

export interface TransferFailure {
  /** The ACH return code, e.g. `R03`. */
  code: string
  description: string
  explanation: string
  /** The bank that failed it (`_links.failed-funding-source`). */
  fundingSourceId: string
}

export interface AchAddenda {
  /** Each ≤ 80 characters (initiate.mdx). */
  values: string[]
}

/** What the request said beyond the money, kept as given (main transfers only). */
export interface TransferExtras {
  metadata?: Record<string, string>
  correlationId?: string
  clearing?: { source?: string; destination?: string }
  achDetails?: { source?: { addenda: AchAddenda }; destination?: { addenda: AchAddenda } }
  processingChannel?: { destination: string }
}

export interface Transfer extends TransferExtras {
  /** A lowercase UUID. */
  id: string
  role: TransferRole
  status: TransferStatus
  /** Whole cents. */
  amount: number
  /** In milliseconds by the mock's clock. */
  created: number
  /** The `source` and `destination` links: parties, never funding sources. */
  source: Party
  destination: Party
  /** The funding source the money leaves (a bank or a balance). */
  sourceFundingSourceId: string
  /** The funding source the money reaches (a bank or a balance). */
  destinationFundingSourceId: string
  /** The bank leg's side at its bank; undefined between balances. */
  bank?: BankSide
  /** The previous leg (`funding-transfer`). */
  fundingTransferId?: string
  /** The next leg (`funded-transfer`). */
  fundedTransferId?: string
  /** A fee transfer's paid transfer (`created-from-transfer`). */
  createdFromTransferId?: string
  /** A main transfer whose payee is paid at its bank through a withdrawal leg. */
  withdrawsToBank?: boolean
  /** A main transfer's fee transfers. */
  feeIds?: string[]
  /** The payment's main transfer (its own id for the main). */
  paymentId: string
  /** The balance its money goes back to when it fails or is cancelled (main transfers and withdrawal legs that hold money in flight). */
  refundTo?: string
  /** A main transfer whose money lands in a balance: that balance (the payee's). */
  payeeBalanceId?: string
  /** A bank leg that processed and fails on the next simulation (`R01-late`, `R03-late`). */
  failLater?: string
  /** The ACH trace id of a bank leg: 8 characters (sandbox captures). */
  individualAchId?: string
  failure?: TransferFailure
}

/**
 * Whether it can be cancelled (its `cancel` link): a pending transfer that is not a fee. In the
 * sandbox nothing is exported to a bank before a simulation, so a pending bank transfer is
 * "before the 4 pm CT export" until it is processed (cancel.mdx).
 */
export function isCancellable(transfer: Transfer): boolean {
  return transfer.status === 'pending' && transfer.role !== 'fee'
}
