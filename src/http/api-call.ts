import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import type { MockContext } from '../world/mock-context.js'
import { authorize } from './authenticate.js'
import type { RequestCheck } from './openapi-routes.js'
import type { RequestProblems } from './validation-errors.js'

/**
 * The customer a call acts on, for a client token's "own customer" grants: its id (the `{id}` of
 * /customers/{id}), or how to find it once the application is known (the customer owning
 * /funding-sources/{id}, say). Undefined when the call is on no customer.
 */
export type CallCustomer = string | ((clientId: string) => string | undefined) | undefined

/**
 * How every API operation starts, in the order Dwolla's gateway would meet the checks: the
 * Bearer token and what it may do (401, 403), then the API version in Accept (406). Returns the
 * application the call acts for and the document's verdict on the rest of the request.
 */
export function beginApiCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  customer?: CallCustomer,
): { clientId: string; problems: RequestProblems } {
  const clientId = authorize(request, mock, operationId, customer)
  const problems = check.problems()
  if (problems.headers.length > 0) throw new DwollaError('InvalidVersion')
  return { clientId, problems }
}
