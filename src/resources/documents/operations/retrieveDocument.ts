import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { documentsOf } from '../documents-part.js'
import { documentRepresentation } from '../representation.js'

/**
 * GET /documents/{id}: the document and its review. A client token's customer is the document's
 * customer (the owner's business for an owner's); another application's document is 404 as an
 * unknown one.
 */
export function retrieveDocument(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'retrieveDocument', (application) => documentsOf(mock, application).get(id)?.customerId)
      const document = problems.path.length > 0 ? undefined : documentsOf(mock, clientId).get(id)
      if (document === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.document })
      return halBody(reply, documentRepresentation(document, linksFor(request, mock.options.publicUrl)))
    },
  }
}
