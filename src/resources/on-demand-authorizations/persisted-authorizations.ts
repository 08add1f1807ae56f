import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { AUTHORIZATION_LIMIT, type AuthorizationStore, type OnDemandAuthorization } from './authorization-store.js'
import { ON_DEMAND_AUTHORIZATIONS } from './authorizations-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** An authorization as the state file keeps it: `created` as ISO 8601. */
interface AuthorizationDocument {
  id: string
  created: string
  usedBy?: string
}

/** An application's on-demand authorizations in the state file, oldest first, each checked. */
export const PERSISTED_AUTHORIZATIONS: PersistedPart<AuthorizationStore, OnDemandAuthorization[]> = {
  part: ON_DEMAND_AUTHORIZATIONS,
  keys: ['onDemandAuthorizations'],
  save: (store) => ({
    onDemandAuthorizations: store
      .snapshot()
      .map(({ id, created, usedBy }): AuthorizationDocument => ({ id, created: new Date(created).toISOString(), ...(usedBy === undefined ? {} : { usedBy }) })),
  }),
  load(entry, at, path) {
    const list = listInEntry(entry, 'onDemandAuthorizations', at, path)
    if (list.length > AUTHORIZATION_LIMIT) {
      throw corruptStateFile(path, `${at}/onDemandAuthorizations`, `${list.length} on-demand authorizations, more than the ${AUTHORIZATION_LIMIT} kept`)
    }
    const seen = new Set<string>()
    return list.map((value, index): OnDemandAuthorization => {
      const pointer = `${at}/onDemandAuthorizations/${index}`
      const { id, created, usedBy } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
      if (typeof id !== 'string' || !UUID.test(id) || seen.has(id)) throw corruptStateFile(path, `${pointer}/id`, 'expected a lowercase UUID, once')
      seen.add(id)
      if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) throw corruptStateFile(path, `${pointer}/created`, 'expected a date and time')
      if (usedBy !== undefined && (typeof usedBy !== 'string' || !UUID.test(usedBy))) {
        throw corruptStateFile(path, `${pointer}/usedBy`, 'expected the lowercase UUID of a funding source')
      }
      return { id, created: Date.parse(created), ...(usedBy === undefined ? {} : { usedBy: usedBy }) }
    })
  },
  restore(world, authorizations) {
    const store = ON_DEMAND_AUTHORIZATIONS.create(world)
    store.restore(authorizations)
    world.put(ON_DEMAND_AUTHORIZATIONS, store)
  },
}
