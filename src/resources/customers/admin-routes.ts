import type { FastifyInstance } from 'fastify'
import { CUSTOMER_STATUSES, type CustomerStatus } from './customer.js'
import { CustomerProblems } from './customer-problems.js'
import { DwollaError } from '../../errors.js'
import { customerControls } from './customer-controls.js'
import type { MockContext } from '../../world/mock-context.js'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import { CLIENT_ID_MAX_LENGTH } from '../../tokens/application-registry.js'

type Query = Record<string, string | string[]>

/** The one key the reads take: a misspelt one is refused, not read as "every application". */
const QUERY_KEYS = ['application'] as const

/**
 * The customers of the test double: list, read, create (checked as POST /customers checks, in
 * any status) and move to any status, for one application (`?application=` or `application` in
 * the body) or, without one, for every application that has the customer.
 *   GET  /__mock/customers                  { customers: [...] }
 *   GET  /__mock/customers/:id               { customer }
 *   POST /__mock/customers                  { ...a POST /customers body, status?, application? } → 201 { customer }
 *   POST /__mock/customers/:id/status       { status, application? } → { customer }
 */
export function customersRoutes(admin: FastifyInstance, mock: MockContext): void {
  const customers = customerControls(mock)
  admin.get<{ Querystring: Query }>('/customers', async (request) => {
    return { customers: attempt(() => customers.list({ application: applicationOf(filterFrom(request.query, QUERY_KEYS).application) })) }
  })

  admin.get<{ Params: { id: string }; Querystring: Query }>('/customers/:id', async (request) => {
    const application = applicationOf(filterFrom(request.query, QUERY_KEYS).application)
    const customer = attempt(() => customers.get(request.params.id, { application }))
    if (customer === undefined) throw unknownCustomer(request.params.id)
    return { customer }
  })

  admin.post<{ Body: unknown }>('/customers', async (request, reply) => {
    const { application, status, ...body } = objectBody(request.body)
    const customer = attempt(() => customers.create(body, { application: applicationOf(application), status: statusOf(status) }))
    reply.code(201)
    return { customer }
  })

  admin.post<{ Params: { id: string }; Body: unknown }>('/customers/:id/status', async (request) => {
    const { application, status } = objectBody(request.body)
    const setStatus = (): ReturnType<typeof customers.setStatus> => {
      try {
        return customers.setStatus(request.params.id, statusOf(status) ?? missingStatus(), { application: applicationOf(application) })
      } catch (error) {
        if (error instanceof DwollaError && error.code === 'NotFound') throw unknownCustomer(request.params.id)
        throw error
      }
    }
    return { customer: attempt(setStatus) }
  })
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'InvalidCustomer', 'send a JSON object')
  return body as Record<string, unknown>
}

/** An application key as /token takes them: at most CLIENT_ID_MAX_LENGTH characters, so no token could name a longer one. */
function applicationOf(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '' || value.length > CLIENT_ID_MAX_LENGTH) {
    throw new AdminError(400, 'InvalidApplication', `application: expected an application key of at most ${CLIENT_ID_MAX_LENGTH} characters`)
  }
  return value
}

function statusOf(value: unknown): CustomerStatus | undefined {
  if (value === undefined) return undefined
  if (!(CUSTOMER_STATUSES as readonly unknown[]).includes(value)) {
    throw new AdminError(400, 'InvalidStatus', `status: expected one of ${CUSTOMER_STATUSES.join(', ')}`)
  }
  return value as CustomerStatus
}

function missingStatus(): never {
  throw new AdminError(400, 'InvalidStatus', `status: expected one of ${CUSTOMER_STATUSES.join(', ')}`)
}

function unknownCustomer(id: string): AdminError {
  return new AdminError(404, 'UnknownCustomer', `no application has customer ${id}`)
}

/** The model's refusals as admin errors: field problems, a status the type cannot have, a full store. */
function attempt<T>(action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof CustomerProblems) throw new AdminError(400, 'InvalidCustomer', error.message)
    if (error instanceof RangeError) throw new AdminError(400, 'InvalidStatus', error.message)
    if (error instanceof DwollaError) throw new AdminError(error.statusCode, error.code, error.message)
    throw error
  }
}
