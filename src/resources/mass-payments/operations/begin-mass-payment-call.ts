import type { FastifyRequest } from 'fastify'
import { DwollaError, validationError } from '../../../errors.js'
import { beginApiCall, type CallCustomer } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { ApplicationWorld } from '../../../world/application-world.js'
import type { MockContext } from '../../../world/mock-context.js'
import type { MassPaymentStore } from '../mass-payment-store.js'
import { MASS_PAYMENTS } from '../mass-payments-part.js'
import { MASS_PAYMENT_PROCESSOR } from '../processor.js'

export interface MassPaymentsCall {
  clientId: string
  world: ApplicationWorld
  store: MassPaymentStore
}

/** The worlds whose unfinished mass payments were taken up again (once each, after a restart). */
const resumed = new WeakSet<ApplicationWorld>()

/**
 * How every mass-payment operation starts: the API call's checks (the query's and the body's
 * problems answered in Dwolla's shape), then the application's store. A world restored from the
 * state file with mass payments still being processed goes on processing them from here.
 */
export function beginMassPaymentsCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  customer?: CallCustomer,
): MassPaymentsCall & { pathProblem: boolean } {
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, customer)
  const world = mock.worlds.open(clientId)
  if (!resumed.has(world)) {
    resumed.add(world)
    mock.service(MASS_PAYMENT_PROCESSOR).resume(mock, world)
  }
  const pathProblem = problems.path.length > 0
  if (!pathProblem) {
    if (problems.query.length > 0) throw validationError(problems.query)
    if (problems.unreadableBody) throw new DwollaError('BadRequest')
    if (problems.fields.length > 0) throw validationError(problems.fields)
  }
  return { clientId, world, store: world.get(MASS_PAYMENTS), pathProblem }
}

/** The `status` filter as both SDKs send it: once, or repeated (`?status=pending&status=failed`). */
export function statusesOf(query: unknown): string[] {
  const status = (query as { status?: string | string[] }).status
  return status === undefined ? [] : Array.isArray(status) ? status : [status]
}
