import type { FastifyRequest } from 'fastify'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { ApplicationWorld } from '../../../world/application-world.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf, type Customer } from '../../customers/index.js'
import type { FundingSource } from '../funding-source.js'
import type { FundingSourceStore } from '../funding-source-store.js'
import { FUNDING_SOURCES } from '../funding-sources-part.js'

export interface FundingSourceCall {
  clientId: string
  world: ApplicationWorld
  problems: RequestProblems
  store: FundingSourceStore
  source: FundingSource
  /** Its customer; undefined for the Account's. */
  customer: Customer | undefined
}

/**
 * How an operation on /funding-sources/{id} starts: the API call's checks (a client token's
 * "own customer" is the funding source's customer, looked up only for client tokens), then the
 * funding source among the calling application's own. An id of the wrong form, an unknown id and
 * another application's funding source all answer the same 404 "Funding source not found.".
 * `operationId` is what client-token grants know the call as: initiate and verify share one
 * operation, but not one action, so each passes its own name (initiateMicroDeposits.ts).
 */
export function beginFundingSourceCall(request: FastifyRequest, check: RequestCheck, mock: MockContext, operationId: string): FundingSourceCall {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, (caller) => mock.worlds.open(caller).get(FUNDING_SOURCES).get(id)?.customerId)
  const world = mock.worlds.open(clientId)
  const store = world.get(FUNDING_SOURCES)
  const source = problems.path.length > 0 ? undefined : store.get(id)
  if (source === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.fundingSource })
  const customer = source.customerId === undefined ? undefined : customersOf(mock, clientId).get(source.customerId)
  return { clientId, world, problems, store, source, customer }
}

/**
 * How an operation on /customers/{id}/funding-sources starts: the API call's checks (a client
 * token must be for this customer), then the customer among the calling application's own: else
 * 404 "Customer not found.", as for GET /customers/{id}.
 */
export function beginCustomerFundingSourcesCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'createCustomerFundingSource' | 'listCustomerFundingSources',
): { clientId: string; world: ApplicationWorld; problems: RequestProblems; customer: Customer } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, id)
  const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
  return { clientId, world: mock.worlds.open(clientId), problems, customer }
}
