import { OPERATION_IDS } from '../../fixture-rules/operation-ids.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { PersistedPart } from '../../world/resource.js'
import { emptyIdempotencyStore, IDEMPOTENCY } from './idempotency-part.js'
import type { IdempotencyRecord, IdempotencyStore } from './idempotency-store.js'

const DIGEST = /^[0-9a-f]{64}$/
const PATH = /^\/[a-z-]+\/[0-9a-f-]{36}(?:\/[a-z-]+)?$/
const OPERATIONS: ReadonlySet<unknown> = new Set(OPERATION_IDS)

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
      const { key, path: created, at: when, keyAloneFor } = (record ?? {}) as Record<string, unknown>
      if (
        typeof key !== 'string' ||
        !DIGEST.test(key) ||
        typeof created !== 'string' ||
        !PATH.test(created) ||
        typeof when !== 'number' ||
        !Number.isFinite(when) ||
        (keyAloneFor !== undefined && !OPERATIONS.has(keyAloneFor))
      ) {
        throw corruptStateFile(
          path,
          `${at}/idempotencyKeys/${index}`,
          'expected {key: a SHA-256 hex digest, path: a resource path, at: milliseconds, keyAloneFor?: an operationId}',
        )
      }
      return { key, path: created, at: when, ...(keyAloneFor === undefined ? {} : { keyAloneFor: keyAloneFor as string }) }
    })
  },
  restore: (world, records) => restoreIdempotencyKeys(world, records),
}

/**
 * Puts Idempotency-Key records read from a state file into the world's store, among any already
 * put there: an older file's customers kept their keys in their own part (customers/), which
 * restores them here too, in whichever order the parts are restored.
 */
export function restoreIdempotencyKeys(world: ApplicationWorld, records: readonly IdempotencyRecord[]): void {
  const store = world.peek(IDEMPOTENCY) ?? emptyIdempotencyStore(world)
  store.restore(records)
  world.put(IDEMPOTENCY, store)
}
