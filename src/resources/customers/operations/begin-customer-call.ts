import type { FastifyRequest } from 'fastify'
import type { Customer } from '../customer.js'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import { customersOf } from '../customers-part.js'
import type { MockContext } from '../../../world/mock-context.js'

/**
 * How an operation on /customers/{id} starts: the API call's checks (a client token must be for
 * this customer), then the customer among the calling application's own. An id of the wrong
 * form, an unknown id and another application's customer all answer the same 404 (Dwolla's
 * "Customer not found."): nothing tells one application about another's customers.
 */
export function beginCustomerCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'getCustomer' | 'update',
): { clientId: string; problems: RequestProblems; customer: Customer } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, id)
  const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
  return { clientId, problems, customer }
}
