import type { FastifyRequest } from 'fastify'
import { DwollaError, NOT_FOUND_MESSAGES, validationError } from '../../../errors.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { RequestCheck } from '../../../http/openapi-routes.js'
import type { ApplicationWorld } from '../../../world/application-world.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf, type Customer } from '../../customers/index.js'
import type { LabelStore } from '../label-store.js'
import { LABELS } from '../labels-part.js'

export interface LabelsCall {
  world: ApplicationWorld
  store: LabelStore
}

/**
 * How an operation on /customers/{id}/labels starts: the API call's checks, then the customer
 * among the calling application's own (else 404 "Customer not found.", as GET /customers/{id}).
 */
export function beginCustomerLabelsCall(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: 'createCustomerLabel' | 'listCustomerLabels',
): LabelsCall & { customer: Customer } {
  const { id } = request.params as { id: string }
  const { clientId, problems } = beginApiCall(request, check, mock, operationId, id)
  const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
  if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
  if (problems.query.length > 0) throw validationError(problems.query)
  if (problems.unreadableBody) throw new DwollaError('BadRequest')
  if (problems.fields.length > 0) throw validationError(problems.fields)
  const world = mock.worlds.open(clientId)
  return { world, store: world.get(LABELS), customer }
}

/**
 * How an operation on one label, ledger entry or reallocation starts: the API call's checks, then
 * the record by the path parameter `name` among the calling application's own. An id of the wrong
 * form, an unknown or removed one and another application's all answer the same 404, with the
 * record's own message.
 */
export function beginLabelRecordCall<T>(
  request: FastifyRequest,
  check: RequestCheck,
  mock: MockContext,
  operationId: string,
  name: 'id' | 'ledgerEntryId' | 'reallocationId',
  find: (store: LabelStore, id: string) => T | undefined,
  notFoundMessage: string,
): LabelsCall & { record: T } {
  const id = (request.params as Record<string, string>)[name] as string
  const { clientId, problems } = beginApiCall(request, check, mock, operationId)
  const world = mock.worlds.open(clientId)
  const store = world.get(LABELS)
  const record = problems.path.length > 0 ? undefined : find(store, id)
  if (record === undefined) throw new DwollaError('NotFound', { message: notFoundMessage })
  if (problems.query.length > 0) throw validationError(problems.query)
  if (problems.unreadableBody) throw new DwollaError('BadRequest')
  if (problems.fields.length > 0) throw validationError(problems.fields)
  return { world, store, record }
}
