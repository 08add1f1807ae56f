import { DwollaError } from '../../errors.js'
import type { BeneficialOwner, OwnerFields, OwnershipStatus, OwnerStatus } from './beneficial-owner.js'
import { ownerTopicForStatus, type OwnerTopic } from './owner-events.js'

/**
 * An owner's life as plain functions: each returns the owner it becomes with the topics that
 * change raises, or throws; the store applies the result.
 */
export interface OwnerTransition {
  owner: BeneficialOwner
  topics: OwnerTopic[]
}

/**
 * The sandbox's test values (balance/testing/customers.mdx): an owner whose firstName is
 * `incomplete` or `document` starts in that status; anyone else is verified. Compared
 * case-insensitively, as the customers' values are.
 */
function statusFromFirstName(firstName: string): OwnerStatus {
  const magic = firstName.trim().toLowerCase()
  return magic === 'incomplete' || magic === 'document' ? magic : 'verified'
}

/** A new owner: `customer_beneficial_owner_created`, then its status's topic (the action first, inferred). */
export function createOwner(id: string, customerId: string, fields: OwnerFields, now: number): OwnerTransition {
  const verificationStatus = statusFromFirstName(fields.firstName)
  return {
    owner: { id, customerId, ...fields, verificationStatus, created: now },
    topics: ['customer_beneficial_owner_created', ownerTopicForStatus(verificationStatus)],
  }
}

/**
 * The one retry of an `incomplete` owner, with all fields again (add-beneficial-owners.mdx: "only
 * when incomplete … one more attempt"). It ends `verified`, or `document` when the new firstName
 * asks for a document or another retry (a failed retry needs a document: inferred, as for
 * customers). A verified or document owner, or a second retry, cannot be updated.
 */
export function updateOwner(owner: BeneficialOwner, fields: OwnerFields): OwnerTransition {
  requireUpdatable(owner)
  const verificationStatus: OwnerStatus = statusFromFirstName(fields.firstName) === 'verified' ? 'verified' : 'document'
  return { owner: { ...owner, ...fields, verificationStatus, retried: true }, topics: [ownerTopicForStatus(verificationStatus)] }
}

/** Throws Dwolla's refusal unless the owner may be updated: the docs' 403 "Owner cannot be updated." (code inferred). */
export function requireUpdatable(owner: BeneficialOwner): void {
  if (owner.verificationStatus !== 'incomplete' || owner.retried === true) {
    throw new DwollaError('InvalidResourceState', { message: 'Owner cannot be updated.' })
  }
}

/** The test double's and the document review's move to a status, with that status's topic. */
export function setOwnerStatus(owner: BeneficialOwner, status: OwnerStatus): OwnerTransition {
  if (owner.verificationStatus === status) return { owner, topics: [] }
  return { owner: { ...owner, verificationStatus: status }, topics: [ownerTopicForStatus(status)] }
}

/**
 * What a change of owners does to the certification: a certified business that adds, removes or
 * updates an owner must certify again (`recertify`, certify-beneficial-ownership.mdx).
 */
export function ownershipAfterOwnerChange(status: OwnershipStatus): OwnershipStatus {
  return status === 'certified' ? 'recertify' : status
}

/**
 * What the certification becomes when asked: `certified` is the only value a client may send
 * (certify-beneficial-ownership.mdx); the owners' statuses do not matter (Dwolla's SDK suite
 * certified a business whose owners were incomplete and document).
 */
export function certify(requested: unknown): OwnershipStatus | undefined {
  return requested === 'certified' ? 'certified' : undefined
}

/** 30 days in `recertify` without certifying → `uncertified` (the test double ages it at once). */
export function ageRecertification(status: OwnershipStatus): OwnershipStatus {
  return status === 'recertify' ? 'uncertified' : status
}
