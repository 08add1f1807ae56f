import type { FastifyRequest } from 'fastify'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf, type Customer } from '../../customers/index.js'
import type { BeneficialOwner } from '../beneficial-owner.js'
import { ownersOf } from '../owners-part.js'

/**
 * How an operation on /customers/{id}/beneficial-owners or /beneficial-ownership starts: the API
 * call's checks (a client token must be for this customer), then the customer among the calling
 * application's own; anything else is 404 with `message`.
 */
export function beginBusinessCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  message: string = NOT_FOUND_MESSAGES.customer,
): { clientId: string; problems: RequestProblems; customer: Customer } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, id)
  const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message })
  return { clientId, problems, customer }
}

/**
 * How an operation on /beneficial-owners/{id} starts: a client token's customer is the owner's
 * business; an unknown id, one of the wrong form and another application's owner are all 404
 * "Beneficial owner not found." (inferred from the docs' three wordings).
 */
export function beginOwnerCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
): { clientId: string; problems: RequestProblems; owner: BeneficialOwner } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, (application) => ownersOf(mock, application).get(id)?.customerId)
  const owner = problems.path.length > 0 ? undefined : ownersOf(mock, clientId).get(id)
  if (owner === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.beneficialOwner })
  return { clientId, problems, owner }
}
