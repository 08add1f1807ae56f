import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { OwnerStore } from './owner-store.js'

/**
 * The worst an owner costs in memory, every field at its longest (names and address lines of 50
 * characters, ids, the Map entry), measured by test/beneficial-owners-api/memory.test.ts; and a
 * certification record (a customer id and a status in a Map).
 */
export const OWNER_BYTES = 2048
export const CERTIFICATION_BYTES = 256

/** An application's beneficial owners and certifications, every transition raised as the world's event. */
export const BENEFICIAL_OWNERS: WorldPart<OwnerStore> = {
  name: 'beneficial owners',
  create: (world) => emptyOwnerStore(world),
  weigh: (store) => store.size * OWNER_BYTES + store.certificationCount * CERTIFICATION_BYTES,
}

export function emptyOwnerStore(world: ApplicationWorld): OwnerStore {
  const { server } = world
  return new OwnerStore({
    clientId: world.clientId,
    limit: server.options.beneficialOwnerLimit,
    now: () => server.now(),
    raise: (topic, owner) => world.raise({ topic, resourceType: 'beneficial-owner', resourceId: owner.id, customerId: owner.customerId, at: server.now() }),
    onChange: () => world.changed(),
  })
}

/** The calling application's owners. */
export function ownersOf(mock: MockContext, clientId: string): OwnerStore {
  return mock.worlds.open(clientId).get(BENEFICIAL_OWNERS)
}
