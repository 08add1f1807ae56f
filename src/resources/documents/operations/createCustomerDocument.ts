import type { DocumentUploadStatuses } from '../../../config.js'
import { DwollaError } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf, type Customer } from '../../customers/index.js'
import { uploadDocument } from './upload-document.js'

/**
 * POST /customers/{id}/documents (multipart): an ID for a personal customer or a controller, or a
 * business document (`other`, a PDF allowed). Dwolla allows uploads only to a personal or business
 * customer in `document` ("403 invalidResourceState … not allowed for already verified Customers
 * or non-verified Customer types"); by default the mock also takes them from verified ones, as
 * Dwolla's own SDK suite uploads for a verified customer against its sandbox
 * (`documentUploadStatuses`). An unknown customer is the table's `404 notFound`.
 */
export function createCustomerDocument(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    async handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'createCustomerDocument', id)
      const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('notFound')
      if (!mayUpload(customer, mock.options.documentUploadStatuses)) throw new DwollaError('invalidResourceState')
      return uploadDocument(mock, request, reply, clientId, {
        holder: 'customer',
        holderId: customer.id,
        customerId: customer.id,
        pdfAllowedFor: (type) => customer.type === 'business' && type === 'other',
      })
    },
  }
}

function mayUpload(customer: Customer, statuses: DocumentUploadStatuses): boolean {
  if (customer.type !== 'personal' && customer.type !== 'business') return false
  return customer.status === 'document' || (statuses === 'document-or-verified' && customer.status === 'verified')
}
