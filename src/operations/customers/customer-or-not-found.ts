import type { Customer } from '../../customers/customer.js'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../errors.js'
import type { RequestProblems } from '../../http/validation-errors.js'
import type { MockState } from '../../mock-state.js'

/**
 * The customer a /customers/{id} request names, among the calling application's own. An id of
 * the wrong form, an unknown id and another application's customer all answer the same 404
 * (Dwolla's "Customer not found."): nothing tells one application about another's customers.
 */
export function customerOrNotFound(state: MockState, clientId: string, id: string, problems: RequestProblems): Customer {
  const customer = problems.path.length > 0 ? undefined : state.customers.storeFor(clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
  return customer
}
