import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { documentsOf } from '../documents-part.js'
import { documentList } from '../representation.js'

/** GET /customers/{id}/documents: the customer's documents, oldest first, with `total`. */
export function listCustomerDocuments(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'listCustomerDocuments', id)
      const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, documentList('customer', customer.id, documentsOf(mock, clientId).list('customer', customer.id), links))
    },
  }
}
