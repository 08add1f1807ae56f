/**
 * A Dwolla funding source as mock-dwolla keeps it: plain data, no HTTP. The kinds, statuses and
 * fields follow Dwolla's funding-source docs (dev-portal api-reference/funding-sources) and the
 * `dwolla` SDK's FundingSource schema (src/models/fundingsource.ts), whose closed `channels` enum
 * every response must keep to.
 */

/** `bank`: an account at a bank; `balance`: a Dwolla balance; `virtual`: a VAN (Dwolla's type name). Cards are not served. */
export const FUNDING_SOURCE_TYPES = ['bank', 'balance', 'virtual'] as const
export type FundingSourceType = (typeof FUNDING_SOURCE_TYPES)[number]

export const FUNDING_SOURCE_STATUSES = ['unverified', 'verified'] as const
export type FundingSourceStatus = (typeof FUNDING_SOURCE_STATUSES)[number]

/** What a customer's bank may be (create-funding-source-for-customer.mdx); the Account's only the first two. */
export const BANK_ACCOUNT_TYPES = ['checking', 'savings', 'general-ledger', 'loan'] as const
export type BankAccountType = (typeof BANK_ACCOUNT_TYPES)[number]

/** The `dwolla` SDK's closed enum (FundingSourceChannel): a response with any other value fails its validation. */
export const CHANNELS = ['ach', 'real-time-payments', 'wire', 'external'] as const
export type Channel = (typeof CHANNELS)[number]

/** How a bank was added: by its numbers (which are never kept, only their fingerprint), by a Plaid token, or from an exchange. */
export type BankOrigin = 'numbers' | 'plaid' | 'exchange'

/** The micro-deposits' own status (retrieve-micro-deposits.mdx). */
export type MicroDepositStatus = 'pending' | 'processed' | 'failed'

/** "Three attempts" to enter the amounts (micro-deposit-verification docs). */
export const MICRO_DEPOSIT_ATTEMPTS = 3

export interface MicroDepositFailure {
  /** An ACH return code, e.g. `R03`. */
  code: string
  description: string
}

/** A bank's two micro-deposits: sent once, then verified against (or failed). */
export interface MicroDeposits {
  status: MicroDepositStatus
  /** When they were initiated, in milliseconds by the mock's clock. */
  created: number
  /** Wrong amounts entered so far; at {@link MICRO_DEPOSIT_ATTEMPTS} no more are taken. */
  failedAttempts: number
  failure?: MicroDepositFailure
}

export interface FundingSource {
  /** A lowercase UUID. */
  id: string
  /** The customer it belongs to; undefined for the application's Account. */
  customerId?: string
  type: FundingSourceType
  status: FundingSourceStatus
  name: string
  /** In milliseconds by the mock's clock. */
  created: number
  /** Removed funding sources stay readable (a soft remove), with `removed: true`. */
  removed: boolean
  channels: Channel[]
  /** Banks and VANs. */
  bankAccountType?: BankAccountType
  bankName?: string
  /** SHA-256 hex of the routing and account numbers (banks, VANs); of the token for a Plaid bank. */
  fingerprint?: string
  /** Banks only. */
  origin?: BankOrigin
  /** Banks: their micro-deposits, once initiated. */
  microDeposits?: MicroDeposits
  /** Banks added with one: the on-demand authorization it used. */
  onDemandAuthorizationId?: string
}

/** Who holds funding sources: the Account, or a customer by id. */
export type Owner = { kind: 'account' } | { kind: 'customer'; customerId: string }

/** A customer's funding sources count against the bank limit, except its balance. */
export function countsAgainstBankLimit(source: FundingSource): boolean {
  return !source.removed && (source.type === 'bank' || source.type === 'virtual')
}

/** Whether its micro-deposits took the last wrong attempt. */
export function microDepositsMaxedOut(source: FundingSource): boolean {
  return (source.microDeposits?.failedAttempts ?? 0) >= MICRO_DEPOSIT_ATTEMPTS
}
