import type { HalLink } from '../../errors.js'
import { HalLinks } from '../../hal/hal-links.js'
import { microDepositsMaxedOut, type FundingSource } from './funding-source.js'
import { VAN_ROUTING_NUMBER, vanAccountNumber } from './virtual-account-number.js'

/**
 * Who owns a funding source, as far as its links go: the Account (by its id), or a customer by
 * its type. A Verified Customer (personal or business) has a balance for its banks to fund and be
 * funded by; an unverified customer only sends and receives; a receive-only one only receives.
 */
export type OwnerView = { kind: 'account'; accountId: string } | { kind: 'customer'; customerType: 'unverified' | 'receive-only' | 'personal' | 'business' }

const MICRO_DEPOSITS = 'micro-deposits'

/** Where each link relation points, for a funding source. */
const RELATIONS: Readonly<Record<string, (links: HalLinks, source: FundingSource) => HalLink>> = {
  self: (links, source) => links.to('funding-source', source.id),
  remove: (links, source) => links.to('funding-source', source.id),
  balance: (links, source) => links.link(HalLinks.pathOf('funding-source', source.id, 'balance'), 'balance'),
  'with-available-balance': (links, source) => links.to('funding-source', source.id),
  'ach-routing': (links, source) => links.link(HalLinks.pathOf('funding-source', source.id, 'ach-routing'), 'ach-routing'),
  'initiate-micro-deposits': (links, source) => microDepositsLink(links, source),
  'verify-micro-deposits': (links, source) => microDepositsLink(links, source),
  'failed-verification-micro-deposits': (links, source) => microDepositsLink(links, source),
  'transfer-from-balance': (links) => links.to('transfer'),
  'transfer-to-balance': (links) => links.to('transfer'),
  'transfer-send': (links) => links.to('transfer'),
  'transfer-receive': (links) => links.to('transfer'),
}

function microDepositsLink(links: HalLinks, source: FundingSource): HalLink {
  return links.link(HalLinks.pathOf('funding-source', source.id, MICRO_DEPOSITS), MICRO_DEPOSITS)
}

/**
 * The micro-deposit link an unverified bank shows: `initiate-micro-deposits` before they are
 * sent, `verify-micro-deposits` once processed, `failed-verification-micro-deposits` after the
 * last wrong attempt (retrieve.mdx examples, discuss.dwolla.com 5518); none while they are pending.
 */
function microDepositRelation(source: FundingSource): string[] {
  if (source.microDeposits === undefined) return ['initiate-micro-deposits']
  if (microDepositsMaxedOut(source)) return ['failed-verification-micro-deposits']
  return source.microDeposits.status === 'processed' ? ['verify-micro-deposits'] : []
}

/**
 * The relations a funding source has in its state. Dwolla's examples show an unverified bank, a
 * verified bank of a Verified Customer and of the Account, a balance and a removed funding
 * source; an unverified customer's and a receive-only user's verified banks follow from what
 * they may do (inferred), and an unverified bank can always receive (inferred).
 */
function relationsOf(source: FundingSource, owner: OwnerView): string[] {
  if (source.removed) return ['self']
  const ownerRelation = owner.kind
  switch (source.type) {
    case 'balance':
      return ['self', ownerRelation, 'balance', 'with-available-balance', 'transfer-send', 'transfer-receive']
    case 'virtual':
      return ['self', ownerRelation, 'ach-routing', 'remove']
    case 'bank':
      break
  }
  if (source.status === 'unverified') return ['self', ownerRelation, 'remove', ...microDepositRelation(source), 'transfer-receive']
  if (owner.kind === 'account') return ['self', 'account', 'remove', 'transfer-from-balance', 'transfer-send', 'transfer-receive']
  switch (owner.customerType) {
    case 'personal':
    case 'business':
      return ['self', 'customer', 'remove', 'transfer-from-balance', 'transfer-to-balance', 'transfer-send', 'transfer-receive']
    case 'unverified':
      return ['self', 'customer', 'remove', 'transfer-send', 'transfer-receive']
    case 'receive-only':
      return ['self', 'customer', 'remove', 'transfer-receive']
  }
}

function linksOf(source: FundingSource, owner: OwnerView, links: HalLinks): Record<string, HalLink> {
  const ownerLink = owner.kind === 'account' ? links.to('account', owner.accountId) : links.to('customer', source.customerId)
  return Object.fromEntries(
    relationsOf(source, owner).map((relation) => [
      relation,
      relation === 'account' || relation === 'customer' ? ownerLink : (RELATIONS[relation] as (l: HalLinks, s: FundingSource) => HalLink)(links, source),
    ]),
  )
}

/**
 * A funding source as GET /funding-sources/{id}, the lists and POST /funding-sources/{id} answer
 * it: one shape everywhere, in the order of Dwolla's examples. `created` is ISO 8601 with
 * milliseconds and Z (the `dwolla` SDK requires a zone); `channels` keeps to the SDK's closed
 * enum; a balance has no `bankAccountType`, `bankName` or `fingerprint`.
 */
export function fundingSourceRepresentation(source: FundingSource, owner: OwnerView, links: HalLinks): Record<string, unknown> {
  return {
    _links: linksOf(source, owner, links),
    id: source.id,
    status: source.status,
    type: source.type,
    ...(source.bankAccountType === undefined ? {} : { bankAccountType: source.bankAccountType }),
    name: source.name,
    created: new Date(source.created).toISOString(),
    removed: source.removed,
    channels: source.channels,
    ...(source.bankName === undefined ? {} : { bankName: source.bankName }),
    ...(source.fingerprint === undefined ? {} : { fingerprint: source.fingerprint }),
  }
}

/**
 * A bank's micro-deposits (retrieve-micro-deposits.mdx): `created`, `status`, the `failure` when
 * they failed, `self`, and `verify-micro-deposits` when the bank shows it. Only for a bank whose
 * micro-deposits were initiated.
 */
export function microDepositsRepresentation(source: FundingSource, links: HalLinks): Record<string, unknown> {
  const deposits = source.microDeposits as NonNullable<FundingSource['microDeposits']>
  const verifiable = !source.removed && source.status === 'unverified' && microDepositRelation(source).includes('verify-micro-deposits')
  return {
    _links: { self: microDepositsLink(links, source), ...(verifiable ? { 'verify-micro-deposits': microDepositsLink(links, source) } : {}) },
    created: new Date(deposits.created).toISOString(),
    status: deposits.status,
    ...(deposits.failure === undefined ? {} : { failure: { ...deposits.failure } }),
  }
}

/** What a verification answers: 200 and a JSON body (an empty 200 makes `dwolla@1.1.1` throw), its `self` (Dwolla's spec). */
export function microDepositsVerifiedRepresentation(source: FundingSource, links: HalLinks): Record<string, unknown> {
  return { _links: { self: microDepositsLink(links, source) } }
}

/** A VAN's numbers (GET /funding-sources/{id}/ach-routing, virtual-account-numbers.mdx). */
export function achRoutingRepresentation(source: FundingSource, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.link(HalLinks.pathOf('funding-source', source.id, 'ach-routing'), 'ach-routing'),
      'funding-source': links.to('funding-source', source.id),
    },
    accountNumber: vanAccountNumber(source.id),
    routingNumber: VAN_ROUTING_NUMBER,
  }
}
