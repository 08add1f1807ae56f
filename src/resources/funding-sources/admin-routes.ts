import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import { DwollaError } from '../../errors.js'
import type { MockContext } from '../../world/mock-context.js'
import { fundingSourceControls, MICRO_DEPOSIT_ACTIONS, type MicroDepositAction } from './funding-source-controls.js'
import { DuplicateBank } from './funding-source-store.js'

/**
 * The funding sources of the test double, for one application (`?application=`, or `application`
 * in the body) or every one, and one customer's (`?customer=`):
 *   GET  /__mock/funding-sources?application=&customer=   { fundingSources: [...] }
 *   GET  /__mock/funding-sources/:id?application=         { fundingSource }
 *   POST /__mock/funding-sources   { application, customer?, ...a create body } → 201 { fundingSource }
 *   POST /__mock/funding-sources/:id/name   { name, application? }   { fundingSource }
 *   POST /__mock/funding-sources/:id/micro-deposits   { action: initiate | verify | fail, application? }   { fundingSource }
 * The last two are what the dashboard's buttons call: a rename to R01 or R03 fails a bank in the
 * sandbox, and micro-deposits move as the customer's own calls would move them.
 */
export function fundingSourcesRoutes(admin: FastifyInstance, mock: MockContext): void {
  const controls = fundingSourceControls(mock)
  admin.get<{ Querystring: Record<string, string | string[]> }>('/funding-sources', async (request) => {
    const { application, customer } = filterFrom(request.query, ['application', 'customer'] as const)
    return { fundingSources: attempt(() => controls.list({ application: nonEmpty('application', application), customer: nonEmpty('customer', customer) })) }
  })

  admin.get<{ Params: { id: string }; Querystring: Record<string, string | string[]> }>('/funding-sources/:id', async (request) => {
    const { application } = filterFrom(request.query, ['application'] as const)
    const fundingSource = controls.get(request.params.id, { application: nonEmpty('application', application) })
    if (fundingSource === undefined) throw new AdminError(404, 'UnknownFundingSource', `no application has funding source ${request.params.id}`)
    return { fundingSource }
  })

  admin.post<{ Body: unknown }>('/funding-sources', async (request, reply) => {
    const body = request.body
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'InvalidFundingSource', 'send a JSON object')
    const { application, customer, ...fields } = body as Record<string, unknown>
    const fundingSource = attempt(() =>
      controls.create(fields, { application: required('application', application), customer: nonEmpty('customer', customer) }),
    )
    reply.code(201)
    return { fundingSource }
  })

  admin.post<{ Params: { id: string }; Body: unknown }>('/funding-sources/:id/name', async (request) => {
    const { name, application } = objectBody(request.body, '{"name": "R01"}')
    if (typeof name !== 'string') throw new AdminError(400, 'InvalidName', 'name: expected a string')
    return { fundingSource: attempt(() => controls.rename(request.params.id, name, { application: nonEmpty('application', application) })) }
  })

  admin.post<{ Params: { id: string }; Body: unknown }>('/funding-sources/:id/micro-deposits', async (request) => {
    const { action, application } = objectBody(request.body, '{"action": "verify"}')
    if (!MICRO_DEPOSIT_ACTIONS.includes(action as MicroDepositAction)) {
      throw new AdminError(400, 'InvalidAction', `action: expected one of ${MICRO_DEPOSIT_ACTIONS.join(', ')}`)
    }
    const options = { application: nonEmpty('application', application) }
    return { fundingSource: attempt(() => controls.microDeposits(request.params.id, action as MicroDepositAction, options)) }
  })
}

function objectBody(body: unknown, example: string): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'InvalidBody', `send a JSON object: ${example}`)
  return body as Record<string, unknown>
}

function nonEmpty(name: string, value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '')
    throw new AdminError(400, name === 'application' ? 'InvalidApplication' : 'InvalidCustomer', `${name}: expected a non-empty string`)
  return value
}

function required(name: string, value: unknown): string {
  const given = nonEmpty(name, value)
  if (given === undefined) throw new AdminError(400, 'InvalidApplication', `${name}: expected an application key`)
  return given
}

/** The model's refusals as admin errors, with Dwolla's code and message. */
function attempt<T>(action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof DwollaError) {
      const detail = error.embedded?.map((embedded) => `${embedded.path}: ${embedded.message}`).join('; ')
      throw new AdminError(error.statusCode, error.code, detail ?? error.message)
    }
    if (error instanceof DuplicateBank) throw new AdminError(400, 'DuplicateResource', error.message)
    if (error instanceof RangeError) throw new AdminError(404, 'UnknownCustomer', error.message)
    throw error
  }
}
