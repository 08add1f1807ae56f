import type { Resource } from '../../world/resource.js'
import { documentsRoutes } from './admin-routes.js'
import { DOCUMENTS_SECTION } from './dashboard-section.js'
import { createBeneficialOwnerDocument } from './operations/createBeneficialOwnerDocument.js'
import { createCustomerDocument } from './operations/createCustomerDocument.js'
import { listBeneficialOwnerDocuments } from './operations/listBeneficialOwnerDocuments.js'
import { listCustomerDocuments } from './operations/listCustomerDocuments.js'
import { retrieveDocument } from './operations/retrieveDocument.js'
import { PERSISTED_DOCUMENTS } from './persisted-documents.js'

/** Verification documents of customers and beneficial owners: multipart uploads, kept as digests, and their review. */
export const documents: Resource = {
  name: 'documents',
  operations: { listCustomerDocuments, createCustomerDocument, listBeneficialOwnerDocuments, createBeneficialOwnerDocument, retrieveDocument },
  // dwolla-document-upload and the business VCR flow's document steps, on the token's own customer.
  clientTokenGrants: [
    { action: 'customer.documents.create', operationId: 'createCustomerDocument', customer: 'own' },
    { action: 'customer.documents.read', operationId: 'listCustomerDocuments', customer: 'own' },
    { action: 'customer.documents.read', operationId: 'retrieveDocument', customer: 'own' },
    { action: 'beneficialowner.documents.create', operationId: 'createBeneficialOwnerDocument', customer: 'own' },
  ],
  adminRoutes: documentsRoutes,
  dashboard: DOCUMENTS_SECTION,
  persisted: PERSISTED_DOCUMENTS,
}
