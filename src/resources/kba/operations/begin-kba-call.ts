import type { FastifyRequest } from 'fastify'
import { DwollaError } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import type { KbaSession } from '../kba-session.js'
import { kbaOf } from '../kba-part.js'

/** Dwolla's words for a session that cannot be used again (kba/*.mdx). */
export const NO_LONGER_VALID = 'The kba session is no longer valid.'

/**
 * How an operation on /kba/{id} starts: the API call's checks, then the session (404 with
 * `notFoundMessage`), which must still be open: answered, or its customer no longer in `kba`, is
 * `403 InvalidResourceState "The kba session is no longer valid."`.
 */
export function beginKbaCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  notFoundMessage: string,
): { clientId: string; problems: RequestProblems; session: KbaSession } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId)
  const session = problems.path.length > 0 ? undefined : kbaOf(mock, clientId).get(id)
  if (session === undefined) throw new DwollaError('NotFound', { message: notFoundMessage })
  if (session.answered === true || customersOf(mock, clientId).get(session.customerId)?.status !== 'kba') {
    throw new DwollaError('InvalidResourceState', { message: NO_LONGER_VALID })
  }
  return { clientId, problems, session }
}
