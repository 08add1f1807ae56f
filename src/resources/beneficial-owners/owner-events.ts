import type { OwnerStatus } from './beneficial-owner.js'

/** The webhook topics an owner's transitions raise (dev-portal balance/webhook-events.mdx). */
export type OwnerTopic =
  | 'customer_beneficial_owner_created'
  | 'customer_beneficial_owner_removed'
  | 'customer_beneficial_owner_verified'
  | 'customer_beneficial_owner_reverification_needed'
  | 'customer_beneficial_owner_verification_document_needed'

/** The topic an owner raises on entering a status (add-beneficial-owners.mdx's table). */
const TOPIC_BY_STATUS: Readonly<Record<OwnerStatus, OwnerTopic>> = {
  verified: 'customer_beneficial_owner_verified',
  incomplete: 'customer_beneficial_owner_reverification_needed',
  document: 'customer_beneficial_owner_verification_document_needed',
}

export function ownerTopicForStatus(status: OwnerStatus): OwnerTopic {
  return TOPIC_BY_STATUS[status]
}
