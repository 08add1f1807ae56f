import { CustomerProblems } from '../customer-problems.js'
import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { decoratedCustomerRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import { customerValidationError } from '../validation-error.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { customersOf } from '../customers-part.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginCustomerCall } from './begin-customer-call.js'

/**
 * POST /customers/{id} (Dwolla's operationId is `update`): deactivate, reactivate, suspend,
 * upgrade, retry or change information, decided by the body (src/customers/transitions.ts).
 * `200` with the customer as it now is; a state conflict is `403 InvalidResourceState`.
 */
export function update(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, customer } = beginCustomerCall(request, check, mock, 'update')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const links = linksFor(request, mock.options.publicUrl)
      try {
        const updated = customersOf(mock, clientId).update(customer.id, request.body)
        return halBody(reply, decoratedCustomerRepresentation(mock, mock.worlds.open(clientId), updated, links))
      } catch (error) {
        throw error instanceof CustomerProblems ? customerValidationError(error, links) : error
      }
    },
  }
}
