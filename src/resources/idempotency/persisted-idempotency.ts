import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { emptyIdempotencyStore, IDEMPOTENCY } from './idempotency-part.js'
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js'

const DIGEST = /^[0-9a-f]{64}$/
const PATH = /^\/[a-z-]+\/[0-9a-f-]{36}(?:\/[a-z-]+)?$/

/** An application's Idempotency-Key records in the state file: a repeat after a restart still answers the first creation. */
export const PERSISTED_IDEMPOTENCY: PersistedPart<IdempotencyStore, IdempotencyRecord[]> = {
  part: IDEMPOTENCY,
  keys: ['idempotencyKeys'],
  save: (store) => ({ idempotencyKeys: store.snapshot() }),
  records: {
    identity: { idempotencyKeys: 'key' },
    changes(store) {
      const changed = store.takeChanges()
      return changed && { idempotencyKeys: changed }
    },
  },
  load(entry, at, path) {
    return listInEntry(entry, 'idempotencyKeys', at, path).map((record, index): IdempotencyRecord => {
      const { key, path: created, at: when } = (record ?? {}) as Record<string, unknown>
      if (
        typeof key !== 'string' ||
        !DIGEST.test(key) ||
        typeof created !== 'string' ||
        !PATH.test(created) ||
        typeof when !== 'number' ||
        !Number.isFinite(when)
      ) {
        throw corruptStateFile(path, `${at}/idempotencyKeys/${index}`, 'expected {key: a SHA-256 hex digest, path: a resource path, at: milliseconds}')
      }
      return { key, path: created, at: when }
    })
  },
  restore(world, records) {
    const store = emptyIdempotencyStore(world)
    store.restore(records)
    world.put(IDEMPOTENCY, store)
  },
}
