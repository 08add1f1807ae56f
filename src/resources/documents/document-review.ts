import type { ApplicationWorld } from '../../world/application-world.js'
import { BENEFICIAL_OWNERS } from '../beneficial-owners/index.js'
import { CUSTOMERS } from '../customers/index.js'
import type { DocumentVerificationStatus, VerificationDocument } from './document.js'
import { DOCUMENTS } from './documents-part.js'

/**
 * A document's review and what it does (handle-verification-statuses.mdx): the document's own
 * topic first (`…_approved` or `…_failed`), then, when approved, its holder's: a customer in
 * `document` becomes `verified` (`customer_verified`), an owner in `document` becomes `verified`
 * (`customer_beneficial_owner_verified`). One approval clears every document the holder owes
 * (inferred). A rejection changes no status: the holder uploads another.
 */
export function reviewDocument(
  world: ApplicationWorld,
  id: string,
  outcome: Exclude<DocumentVerificationStatus, 'pending'>,
  failureReason?: string,
): VerificationDocument {
  const document = world.get(DOCUMENTS).review(id, outcome, failureReason)
  if (outcome !== 'accepted') return document
  if (document.holder === 'customer') {
    const customers = world.get(CUSTOMERS)
    if (customers.get(document.holderId)?.status === 'document') customers.setStatus(document.holderId, 'verified')
  } else {
    const owners = world.get(BENEFICIAL_OWNERS)
    if (owners.get(document.holderId)?.verificationStatus === 'document') owners.setStatus(document.holderId, 'verified')
  }
  return document
}
