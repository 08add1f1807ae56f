import type { ResolvedOptions } from '../../config.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { emptyKbaStore, KBA_SESSIONS } from './kba-part.js'
import type { KbaSession } from './kba-session.js'
import type { KbaStore } from './kba-store.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** An application's KBA sessions in the state file (`kbaSessions`), times in milliseconds of the mock's clock. */
export const PERSISTED_KBA: PersistedPart<KbaStore, KbaSession[]> = {
  part: KBA_SESSIONS,
  keys: ['kbaSessions'],
  save: (store) => ({ kbaSessions: store.snapshot() }),
  load(entry, at, path, options: ResolvedOptions) {
    const sessions = listInEntry(entry, 'kbaSessions', at, path).map((value, index): KbaSession => {
      const { id, customerId, created, readAt, answered } = (value ?? {}) as Record<string, unknown>
      const valid =
        typeof id === 'string' &&
        UUID.test(id) &&
        typeof customerId === 'string' &&
        UUID.test(customerId) &&
        isTime(created) &&
        (readAt === undefined || isTime(readAt)) &&
        (answered === undefined || typeof answered === 'boolean')
      if (!valid) {
        throw corruptStateFile(
          path,
          `${at}/kbaSessions/${index}`,
          'expected {id, customerId: lowercase UUIDs, created: milliseconds, readAt?: milliseconds, answered?: boolean}',
        )
      }
      return { id, customerId, created, ...(readAt === undefined ? {} : { readAt }), ...(answered === undefined ? {} : { answered }) }
    })
    if (sessions.length > options.kbaSessionLimit) {
      throw corruptStateFile(path, `${at}/kbaSessions`, `${sessions.length} sessions, more than kbaSessionLimit (${options.kbaSessionLimit})`)
    }
    return sessions
  },
  restore(world, sessions) {
    const store = emptyKbaStore(world)
    store.restore(sessions)
    world.put(KBA_SESSIONS, store)
  },
}
