import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import type { MockContext } from '../../world/mock-context.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { OWNER_STATUSES, type OwnerStatus } from './beneficial-owner.js'
import { BENEFICIAL_OWNERS } from './owners-part.js'

interface ApplicationBody {
  application?: unknown
  status?: unknown
}

/**
 * The test double's beneficial owners, for one application (`application` in the body) or, without
 * one, every application that has the owner or business:
 *   POST /__mock/beneficial-owners/:id/status            { status, application? } → { owner }
 *   POST /__mock/beneficial-ownership/:customerId/age    { application? } → { status }
 * The second makes 30 days pass for a business in `recertify`: it becomes `uncertified`.
 */
export function beneficialOwnersRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.post<{ Params: { id: string }; Body: ApplicationBody | undefined }>('/beneficial-owners/:id/status', async (request) => {
    const status = statusOf(request.body?.status)
    let changed: unknown
    for (const world of worldsOf(mock, request.body?.application)) {
      const store = world.peek(BENEFICIAL_OWNERS)
      if (store?.get(request.params.id) === undefined) continue
      changed ??= { ...store.setStatus(request.params.id, status), application: world.clientId }
    }
    if (changed === undefined) throw new AdminError(404, 'UnknownBeneficialOwner', `no application has beneficial owner ${request.params.id}`)
    return { owner: changed }
  })

  admin.post<{ Params: { customerId: string }; Body: ApplicationBody | undefined }>('/beneficial-ownership/:customerId/age', async (request) => {
    let status: string | undefined
    for (const world of worldsOf(mock, request.body?.application)) {
      const store = world.peek(BENEFICIAL_OWNERS)
      if (store === undefined) continue
      status ??= store.ageRecertification(request.params.customerId)
    }
    return { status: status ?? 'uncertified' }
  })
}

function worldsOf(mock: MockContext, application: unknown): ApplicationWorld[] {
  if (application === undefined) return mock.worlds.all()
  if (typeof application !== 'string' || application === '') throw new AdminError(400, 'InvalidApplication', 'application: expected an application key')
  return [mock.worlds.open(application)]
}

function statusOf(value: unknown): OwnerStatus {
  if (!(OWNER_STATUSES as readonly unknown[]).includes(value))
    throw new AdminError(400, 'InvalidStatus', `status: expected one of ${OWNER_STATUSES.join(', ')}`)
  return value as OwnerStatus
}
