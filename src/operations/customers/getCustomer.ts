import { linksFor } from '../../hal/base-url.js'
import { customerRepresentation } from '../../hal/customer-representation.js'
import { halBody } from '../../hal/send-hal.js'
import { beginApiCall } from '../../http/api-call.js'
import type { OperationHandler } from '../../http/openapi-routes.js'
import type { MockState } from '../../mock-state.js'
import { customerOrNotFound } from './customer-or-not-found.js'

/** GET /customers/{id}: the customer in the shape the `dwolla` SDK's schemas accept for its type. */
export function getCustomer(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, state, 'getCustomer', id)
      const customer = customerOrNotFound(state, clientId, id, problems)
      return halBody(reply, customerRepresentation(customer, linksFor(request, state.options.publicUrl)))
    },
  }
}
