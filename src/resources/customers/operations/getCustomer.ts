import { linksFor } from '../../../hal/base-url.js'
import { decoratedCustomerRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginCustomerCall } from './begin-customer-call.js'

/** GET /customers/{id}: the customer in the shape the `dwolla` SDK's schemas accept for its type. */
export function getCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, customer } = beginCustomerCall(request, check, mock, 'getCustomer')
      return halBody(reply, decoratedCustomerRepresentation(mock, mock.worlds.open(clientId), customer, linksFor(request, mock.options.publicUrl)))
    },
  }
}
