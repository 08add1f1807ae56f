import type { FastifyRequest } from 'fastify'
import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { ApplicationWorld } from '../../../world/application-world.js'
import type { MockContext } from '../../../world/mock-context.js'
import type { Transfer } from '../transfer.js'
import { transferOf } from '../transfer-reading.js'

/**
 * How an operation on /transfers/{id} starts: the API call's checks, then the transfer among the
 * calling application's own. A malformed id, an unknown one and another application's all answer
 * 404 "Transfer not found.".
 */
export function beginTransferCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
): { clientId: string; world: ApplicationWorld; problems: RequestProblems; transfer: Readonly<Transfer> } {
  const { clientId, problems, resource } = beginResourceCall(
    request,
    check,
    mock,
    operationId,
    (caller, id) => transferOf(mock.worlds.open(caller), id),
    NOT_FOUND_MESSAGES.transfer,
  )
  return { clientId, world: mock.worlds.open(clientId), problems, transfer: resource }
}
