/**
 * An exchange as mock-dwolla keeps it: plain data, no HTTP. An exchange is the link Dwolla keeps
 * to a bank account a partner (Plaid, MX, Finicity, Flinks, Checkout.com) vouched for; a funding
 * source is made from it (dev-portal api-reference/exchanges). The partner's credential is
 * checked and dropped: only which kind it was is kept.
 */

/** The `dwolla` SDK's closed enum (src/models/components/exchange.ts). */
export const EXCHANGE_STATUSES = ['active', 'deactivated', 'removed'] as const
export type ExchangeStatus = (typeof EXCHANGE_STATUSES)[number]

/**
 * What vouched for the account: a partner's processor `token` (MX, Flinks, Plaid secure
 * exchange; a Checkout.com payment id), a Plaid `publicToken`, an MX `availableConnectionToken`,
 * or Finicity's consent receipt (create-an-exchange.mdx).
 */
export const CREDENTIAL_KINDS = ['token', 'plaid', 'mx', 'finicity'] as const
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number]

/** Who an exchange belongs to: the application's Account, or one of its customers. */
export type ExchangeOwner = { kind: 'account' } | { kind: 'customer'; customerId: string }

export interface Exchange {
  /** A lowercase UUID. */
  id: string
  /** The customer it belongs to; undefined for the application's Account. */
  customerId?: string
  /** The exchange partner's id (exchange-partners catalogue). */
  partnerId: string
  status: ExchangeStatus
  /** In milliseconds by the mock's clock. */
  created: number
  credential: CredentialKind
  /** The funding source made from it: one per exchange (create-funding-source-for-customer.mdx). */
  fundingSourceId?: string
}

/** Why an exchange cannot make a funding source: not this owner's (or unknown), not active, or used already. */
export type ExchangeProblem = 'unknown' | 'inactive' | 'used'

/** Whether an exchange belongs to an owner. */
export function isOwnedBy(exchange: Exchange, owner: ExchangeOwner): boolean {
  return owner.kind === 'account' ? exchange.customerId === undefined : exchange.customerId === owner.customerId.toLowerCase()
}
