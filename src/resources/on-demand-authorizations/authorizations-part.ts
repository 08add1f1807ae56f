import type { WorldPart } from '../../world/application-world.js'
import { AuthorizationStore } from './authorization-store.js'

/** The worst an authorization costs in memory: two UUIDs (as randomUUID makes them, about 500 bytes each), a number and its place in the Map: about 1.1 KiB (measured). */
export const AUTHORIZATION_BYTES = 1536

/** An application's on-demand authorizations. */
export const ON_DEMAND_AUTHORIZATIONS: WorldPart<AuthorizationStore> = {
  name: 'on-demand authorizations',
  create: (world) =>
    new AuthorizationStore(
      () => world.server.now(),
      () => world.changed(),
    ),
  weigh: (store) => store.size * AUTHORIZATION_BYTES,
}
