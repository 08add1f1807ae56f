import type { Party, Transfer } from './transfer.js'

/** The phase of a transfer a topic announces (api-reference/events/index.mdx). */
export type TransferPhase = 'created' | 'completed' | 'failed' | 'cancelled' | 'creation_failed'

/** Every money topic transfers raise, the Account's and the customers' (events/index.mdx §11). */
export const TRANSFER_TOPICS: readonly string[] = [
  ...['created', 'creation_failed', 'cancelled', 'failed', 'completed'].flatMap((phase) => [`bank_transfer_${phase}`, `customer_bank_transfer_${phase}`]),
  ...['created', 'cancelled', 'failed', 'completed'].flatMap((phase) => [`transfer_${phase}`, `customer_transfer_${phase}`]),
]

/**
 * The topics a transfer's status change raises for mass payments (or anything else) to react to:
 * a transfer's end is announced by one of these for each of its parties.
 */
export const TRANSFER_END_TOPICS: readonly string[] = ['completed', 'failed', 'cancelled'].flatMap((phase) => [
  `transfer_${phase}`,
  `customer_transfer_${phase}`,
])

/** One event a transfer raises: its topic and, for a customer's, the customer. */
export interface TransferEvent {
  topic: string
  customerId?: string
}

function samePartyOf(transfer: Transfer): Party | undefined {
  const { source, destination } = transfer
  if (source.kind === 'account' && destination.kind === 'account') return source
  if (source.kind === 'customer' && destination.kind === 'customer' && source.customerId === destination.customerId) return source
  return undefined
}

/**
 * The events of a transfer's phase, by the topic rule of the sandbox captures (facts §8): a leg
 * between a party's own bank and its own balance (a funding or withdrawal leg, or a me-to-me
 * transfer) raises `bank_transfer_*` for the Account, `customer_bank_transfer_*` for a customer;
 * any other transfer raises `transfer_*` for the Account side and `customer_transfer_*` for each
 * customer side, the source's first.
 */
export function transferEvents(transfer: Transfer, phase: TransferPhase): TransferEvent[] {
  const sides = [transfer.source, transfer.destination]
  const own = samePartyOf(transfer)
  if (own !== undefined) {
    return [own.kind === 'account' ? { topic: `bank_transfer_${phase}` } : { topic: `customer_bank_transfer_${phase}`, customerId: own.customerId }]
  }
  // One capture lists the receiver first: the Account's bank-funded payment to a Verified
  // Customer's bank completes with `customer_transfer_completed` then `transfer_completed`
  // (workflow data, "A-b → V-b"); every other capture lists the source first.
  if (phase === 'completed' && transfer.source.kind === 'account' && transfer.fundingTransferId !== undefined && transfer.withdrawsToBank === true)
    sides.reverse()
  return sides.map((party) =>
    party.kind === 'account' ? { topic: `transfer_${phase}` } : { topic: `customer_transfer_${phase}`, customerId: party.customerId },
  )
}
