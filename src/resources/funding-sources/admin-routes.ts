import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import { DwollaError } from '../../errors.js'
import type { MockContext } from '../../world/mock-context.js'
import { fundingSourceControls } from './funding-source-controls.js'
import { DuplicateBank } from './funding-source-store.js'

/**
 * The funding sources of the test double, for one application (`?application=`, or `application`
 * in the body) or every one, and one customer's (`?customer=`):
 *   GET  /__mock/funding-sources?application=&customer=   { fundingSources: [...] }
 *   GET  /__mock/funding-sources/:id?application=         { fundingSource }
 *   POST /__mock/funding-sources   { application, customer?, ...a create body } → 201 { fundingSource }
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
