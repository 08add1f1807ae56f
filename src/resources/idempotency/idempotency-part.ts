import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import { IdempotencyStore } from './idempotency-store.js'

/**
 * The worst a record costs in memory: a 64-character digest (the record's and the map's key), a
 * path of an operation and a UUID, a number, and its in-flight mark: 740 bytes measured
 * (test/resources/transfers/memory.test.ts).
 */
export const IDEMPOTENCY_KEY_BYTES = 1024

/** How many keys an application's creating POSTs keep at most (each for 24 hours): the oldest go first. */
export const IDEMPOTENCY_KEY_LIMIT = 20_000

/** An application's Idempotency-Keys, shared by every creating POST. */
export const IDEMPOTENCY: WorldPart<IdempotencyStore> = {
  name: 'idempotency keys',
  create: (world) => emptyIdempotencyStore(world),
  weigh: (store) => store.size * IDEMPOTENCY_KEY_BYTES,
}

export function emptyIdempotencyStore(world: ApplicationWorld): IdempotencyStore {
  return new IdempotencyStore(
    () => IDEMPOTENCY_KEY_LIMIT,
    () => world.server.now(),
  )
}
