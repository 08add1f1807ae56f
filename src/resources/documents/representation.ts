import { HalLinks } from '../../hal/hal-links.js'
import { FAILURE_REASONS, type DocumentHolder, type VerificationDocument } from './document.js'

/**
 * A document as GET /documents/{id} and the lists answer it (documents/retrieve.mdx): only a
 * `self` link; `status` pending until reviewed; `failureReason` and `allFailureReasons` once
 * rejected; `created` with milliseconds and Z.
 */
export function documentRepresentation(document: VerificationDocument, links: HalLinks): Record<string, unknown> {
  const body: Record<string, unknown> = {
    _links: { self: links.to('document', document.id) },
    id: document.id,
    status: document.verification === 'pending' ? 'pending' : 'reviewed',
    type: document.type,
    created: new Date(document.created).toISOString(),
    documentVerificationStatus: document.verification,
  }
  if (document.failureReason !== undefined) {
    body.failureReason = document.failureReason
    body.allFailureReasons = [{ reason: document.failureReason, description: FAILURE_REASONS[document.failureReason] ?? document.failureReason }]
  }
  return body
}

/** A customer's or owner's documents, all of them, with `total` (documents/list-documents-for-customer.mdx). */
export function documentList(holder: DocumentHolder, holderId: string, documents: readonly VerificationDocument[], links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.link(HalLinks.pathOf(holder, holderId, 'documents'), 'document') },
    _embedded: { documents: documents.map((document) => documentRepresentation(document, links)) },
    total: documents.length,
  }
}
