import type { DocumentHolder } from './document.js'

/** What happens to a document, by Dwolla's topics (balance/webhook-events.mdx), for each kind of holder. */
export type DocumentAction = 'uploaded' | 'approved' | 'failed'

const PREFIX: Readonly<Record<DocumentHolder, string>> = {
  customer: 'customer_verification_document_',
  'beneficial-owner': 'customer_beneficial_owner_verification_document_',
}

/** `customer_verification_document_uploaded`, `customer_beneficial_owner_verification_document_failed`, ... */
export function documentTopic(holder: DocumentHolder, action: DocumentAction): string {
  return `${PREFIX[holder]}${action}`
}
