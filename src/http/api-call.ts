import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import type { MockContext } from '../world/mock-context.js'
import { authorize } from './authenticate.js'
import type { RequestCheck } from './openapi-routes.js'
import type { RequestProblems } from './validation-errors.js'

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
  customerId?: string,
): { clientId: string; problems: RequestProblems } {
  const clientId = authorize(request, mock, operationId, customerId)
  const problems = check.problems()
  if (problems.headers.length > 0) throw new DwollaError('InvalidVersion')
  return { clientId, problems }
}
