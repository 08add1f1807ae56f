import { validationError, type EmbeddedError } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { CUSTOMERS, type Customer } from '../customers/index.js'
import { accountBalanceIdFor, FUNDING_SOURCES, type FundingSource } from '../funding-sources/index.js'
import type { Party } from './transfer.js'
import { TRANSFER_MESSAGES as M } from './transfer-messages.js'

/** One side of a payment: its funding source, its party, and the party's balance if it has one. */
export interface PaymentSide {
  fundingSource: FundingSource
  party: Party
  /** Undefined for the Account. */
  customer: Customer | undefined
  /** The party's balance funding source: the Account's, or a Verified Customer's once verified. */
  balanceId: string | undefined
}

export function partyOf(source: FundingSource): Party {
  return source.customerId === undefined ? { kind: 'account' } : { kind: 'customer', customerId: source.customerId }
}

export function sameParty(a: Party, b: Party): boolean {
  return a.kind === 'account' ? b.kind === 'account' : b.kind === 'customer' && a.customerId === b.customerId
}

/** One business-rule refusal: a ValidationError with the one embedded error (initiate.mdx's table). */
export function refusal(code: EmbeddedError['code'], message: string, path: string): never {
  throw validationError([{ code, message, path, _links: {} }])
}

const isVerifiedCustomerType = (customer: Customer) => customer.type === 'personal' || customer.type === 'business'

/** Whether a party is CIP-verified: the Account, or a Verified Customer whose status is `verified` (customer-types.mdx). */
export function isVerifiedParty(side: PaymentSide): boolean {
  return side.customer === undefined || (isVerifiedCustomerType(side.customer) && side.customer.status === 'verified')
}

/** A side as the world has it: its party, customer and balance. */
export function sideOf(world: ApplicationWorld, fundingSource: FundingSource): PaymentSide {
  const customer = fundingSource.customerId === undefined ? undefined : world.get(CUSTOMERS).get(fundingSource.customerId)
  let balanceId: string | undefined
  if (customer === undefined) balanceId = accountBalanceIdFor(world.clientId)
  else if (isVerifiedCustomerType(customer) && customer.status === 'verified') balanceId = world.get(FUNDING_SOURCES).ensureBalance(customer.id).id
  return { fundingSource, party: partyOf(fundingSource), customer, balanceId }
}

/**
 * Who may pay whom (customer-types.mdx, bank-funding-source.mdx, the customer FAQs), checked in
 * mock-dwolla's order (Dwolla's is UNKNOWN): the funding sources, then the sender, the receiver,
 * then the pairing. Throws the first refusal, in initiate.mdx's words and paths.
 */
export function checkPairing(source: PaymentSide, destination: PaymentSide): void {
  const from = source.fundingSource
  const to = destination.fundingSource
  // A VAN moves money by external ACH only (virtual-account-numbers.mdx); a bank must be verified to send.
  if (from.removed || from.type === 'virtual' || (from.type === 'bank' && from.status !== 'verified'))
    refusal('Invalid', M.invalidSource, '/_links/source/href')
  if (to.removed || to.type === 'virtual') refusal('Invalid', M.invalidDestinationSource, '/_links/destination/href')
  if (from.id === to.id) refusal('Invalid', M.sameOwner, '/_links/destination/href')
  const sender = source.customer
  if (sender !== undefined) {
    const cannotSend =
      sender.status === 'suspended' ||
      sender.status === 'deactivated' ||
      sender.type === 'receive-only' ||
      // VCRs in retry, kba or document "cannot send" until verified (personal-verified-customer FAQs).
      (isVerifiedCustomerType(sender) && sender.status !== 'verified')
    if (cannotSend) refusal('Restricted', M.senderRestricted, '/_links/source/href')
  }
  const receiver = destination.customer
  if (receiver !== undefined && (receiver.status === 'suspended' || receiver.status === 'deactivated'))
    refusal('Restricted', M.receiverRestricted, '/_links/destination/href')
  // At least one party is CIP-verified: Unverified Customers and Receive-only users deal only with VCRs and the Account.
  if (!isVerifiedParty(source) && !isVerifiedParty(destination)) refusal('NotAllowed', M.cannotReceive, '/_links/destination/href')
  // A VCR not yet verified receives into its balance only (it has none yet), never its bank.
  if (receiver !== undefined && isVerifiedCustomerType(receiver) && receiver.status !== 'verified')
    refusal('NotAllowed', M.cannotReceive, '/_links/destination/href')
  if (sameParty(source.party, destination.party) && from.type === 'bank' && to.type === 'bank') {
    // Own bank to own bank: Dwolla documents only bank ↔ own balance as me-to-me (inferred).
    refusal('NotAllowed', M.cannotReceive, '/_links/destination/href')
  }
}
