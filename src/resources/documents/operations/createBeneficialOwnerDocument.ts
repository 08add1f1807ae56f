import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownersOf } from '../../beneficial-owners/index.js'
import { uploadDocument } from './upload-document.js'

/**
 * POST /beneficial-owners/{id}/documents (multipart): an owner's ID, images only (a license or
 * idCard, or a passport for a non-US person), for an owner in `document` (and a verified one,
 * by default, as for customers: `documentUploadStatuses`). A client token's customer is the
 * owner's business.
 */
export function createBeneficialOwnerDocument(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    async handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(
        request,
        check,
        mock,
        'createBeneficialOwnerDocument',
        (application) => ownersOf(mock, application).get(id)?.customerId,
      )
      const owner = problems.path.length > 0 ? undefined : ownersOf(mock, clientId).get(id)
      if (owner === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.beneficialOwner })
      const allowed =
        owner.verificationStatus === 'document' || (mock.options.documentUploadStatuses === 'document-or-verified' && owner.verificationStatus === 'verified')
      if (!allowed) throw new DwollaError('invalidResourceState')
      return uploadDocument(mock, request, reply, clientId, {
        holder: 'beneficial-owner',
        holderId: owner.id,
        customerId: owner.customerId,
        pdfAllowedFor: () => false,
      })
    },
  }
}
