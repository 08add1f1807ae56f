import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { KbaStore } from './kba-store.js'

/** The worst a KBA session costs in memory, read and answered (test/beneficial-owners-api/memory.test.ts measures it; the questions are shared). */
export const KBA_SESSION_BYTES = 2048

export const KBA_SESSIONS: WorldPart<KbaStore> = {
  name: 'KBA sessions',
  create: (world) => emptyKbaStore(world),
  weigh: (store) => store.size * KBA_SESSION_BYTES,
}

export function emptyKbaStore(world: ApplicationWorld): KbaStore {
  const { server } = world
  return new KbaStore({ limit: server.options.kbaSessionLimit, now: () => server.now(), onChange: () => world.changed() })
}

export function kbaOf(mock: MockContext, clientId: string): KbaStore {
  return mock.worlds.open(clientId).get(KBA_SESSIONS)
}
