import type { FastifyRequest } from 'fastify'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf, type Customer } from '../../customers/index.js'
import type { ExchangeStore } from '../exchange-store.js'
import { EXCHANGES } from '../exchanges-part.js'

/**
 * How an operation on /customers/{id}/exchanges starts: the API call's checks, then the customer
 * among the calling application's own, else 404 "Customer ID not found. Check Customer ID."
 * (Dwolla's spec, listCustomerExchanges).
 */
export function beginCustomerExchangesCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'createCustomerExchange' | 'listCustomerExchanges',
): { clientId: string; problems: RequestProblems; store: ExchangeStore; customer: Customer } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, id)
  const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.exchangeCustomer })
  return { clientId, problems, store: mock.worlds.open(clientId).get(EXCHANGES), customer }
}
