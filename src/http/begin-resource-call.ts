import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../errors.js'
import { beginApiCall } from './api-call.js'
import type { RequestCheck } from './openapi-routes.js'
import type { RequestProblems } from './validation-errors.js'
import type { MockContext } from '../world/mock-context.js'

/**
 * How an operation on one of the calling application's resources by `{id}` starts (an event, a
 * webhook subscription, a webhook): the API call's checks, then the resource. An id of the wrong
 * form, an unknown id and another application's resource all answer the same 404 with the
 * resource's own message: nothing tells one application about another's.
 */
export function beginResourceCall<T>(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  find: (clientId: string, id: string) => T | undefined,
  notFoundMessage: string,
): { clientId: string; problems: RequestProblems; resource: T } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId)
  const resource = problems.path.length > 0 ? undefined : find(clientId, id)
  if (resource === undefined) throw new DwollaError('NotFound', { message: notFoundMessage })
  return { clientId, problems, resource }
}
