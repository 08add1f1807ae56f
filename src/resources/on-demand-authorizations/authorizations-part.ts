import type { WorldPart } from '../../world/application-world.js'
import { AuthorizationStore } from './authorization-store.js'

/** The worst an authorization costs in memory: two UUIDs, a number and its place in the Map. */
export const AUTHORIZATION_BYTES = 384

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
