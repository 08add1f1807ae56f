import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { availableConnectionsRepresentation } from '../representation.js'
import { EXCHANGE_SESSIONS } from '../sessions-part.js'

/**
 * GET /customers/{id}/available-exchange-connections: the accounts the customer linked through
 * MX Connect (its completed MX sessions'), for `mx.availableConnectionToken`; empty before. An
 * unknown customer is 404 "The requested resource was not found. Check Customer ID." (Dwolla's spec).
 */
export function listAvailableExchangeConnections(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'listAvailableExchangeConnections', id)
      const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.availableConnectionsCustomer })
      const connections = mock.worlds.open(clientId).get(EXCHANGE_SESSIONS).availableConnections(customer.id)
      return halBody(reply, availableConnectionsRepresentation(customer.id, connections, linksFor(request, mock.options.publicUrl)))
    },
  }
}
