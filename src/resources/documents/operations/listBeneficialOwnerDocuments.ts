import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownersOf } from '../../beneficial-owners/index.js'
import { documentsOf } from '../documents-part.js'
import { documentList } from '../representation.js'

/** GET /beneficial-owners/{id}/documents: the owner's documents, oldest first, with `total`. */
export function listBeneficialOwnerDocuments(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(
        request,
        check,
        mock,
        'listBeneficialOwnerDocuments',
        (application) => ownersOf(mock, application).get(id)?.customerId,
      )
      const owner = problems.path.length > 0 ? undefined : ownersOf(mock, clientId).get(id)
      if (owner === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.beneficialOwner })
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, documentList('beneficial-owner', owner.id, documentsOf(mock, clientId).list('beneficial-owner', owner.id), links))
    },
  }
}
