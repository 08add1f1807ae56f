import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { exchangePartnerById } from '../exchange-partners/index.js'
import { CREDENTIAL_KINDS, EXCHANGE_STATUSES, type CredentialKind, type Exchange, type ExchangeStatus } from './exchange.js'
import type { ExchangeStore } from './exchange-store.js'
import { EXCHANGE_LIMIT, EXCHANGES } from './exchanges-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** An exchange as the state file keeps it: `created` as ISO 8601; the partner's credential was never kept, only its kind. */
interface ExchangeDocument {
  id: string
  customerId?: string
  partnerId: string
  status: ExchangeStatus
  created: string
  credential: CredentialKind
  fundingSourceId?: string
}

function toDocument(exchange: Exchange): ExchangeDocument {
  return {
    id: exchange.id,
    ...(exchange.customerId === undefined ? {} : { customerId: exchange.customerId }),
    partnerId: exchange.partnerId,
    status: exchange.status,
    created: new Date(exchange.created).toISOString(),
    credential: exchange.credential,
    ...(exchange.fundingSourceId === undefined ? {} : { fundingSourceId: exchange.fundingSourceId }),
  }
}

/**
 * An application's exchanges in the state file, oldest first, each checked: a restart keeps the
 * link a funding source was made from, its status and whether it was used.
 */
export const PERSISTED_EXCHANGES: PersistedPart<ExchangeStore, Exchange[]> = {
  part: EXCHANGES,
  keys: ['exchanges'],
  save: (store) => ({ exchanges: store.snapshot().map(toDocument) }),
  load(entry, at, path) {
    const list = listInEntry(entry, 'exchanges', at, path)
    if (list.length > EXCHANGE_LIMIT) throw corruptStateFile(path, `${at}/exchanges`, `${list.length} exchanges, more than the ${EXCHANGE_LIMIT} kept`)
    const seen = new Set<string>()
    return list.map((value, index): Exchange => {
      const pointer = `${at}/exchanges/${index}`
      const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>
      const { id, customerId, partnerId, status, created, credential, fundingSourceId } = record
      const wrong = (field: string, expected: string) => corruptStateFile(path, `${pointer}/${field}`, expected)
      if (typeof id !== 'string' || !UUID.test(id) || seen.has(id)) throw wrong('id', 'expected a lowercase UUID, once')
      seen.add(id)
      if (customerId !== undefined && (typeof customerId !== 'string' || !UUID.test(customerId)))
        throw wrong('customerId', 'expected the lowercase UUID of a customer')
      // Every partner, Checkout.com included: whether it is served now does not unmake an exchange made with it.
      if (typeof partnerId !== 'string' || exchangePartnerById(partnerId, true) === undefined)
        throw wrong('partnerId', 'expected the id of an exchange partner')
      if (!EXCHANGE_STATUSES.includes(status as ExchangeStatus)) throw wrong('status', `expected one of ${EXCHANGE_STATUSES.join(', ')}`)
      if (typeof created !== 'string' || Number.isNaN(Date.parse(created))) throw wrong('created', 'expected a date and time')
      if (!CREDENTIAL_KINDS.includes(credential as CredentialKind)) throw wrong('credential', `expected one of ${CREDENTIAL_KINDS.join(', ')}`)
      if (fundingSourceId !== undefined && (typeof fundingSourceId !== 'string' || !UUID.test(fundingSourceId))) {
        throw wrong('fundingSourceId', 'expected the lowercase UUID of a funding source')
      }
      return {
        id,
        ...(customerId === undefined ? {} : { customerId: customerId }),
        partnerId: partnerId.toLowerCase(),
        status: status as ExchangeStatus,
        created: Date.parse(created),
        credential: credential as CredentialKind,
        ...(fundingSourceId === undefined ? {} : { fundingSourceId: fundingSourceId }),
      }
    })
  },
  restore(world, exchanges) {
    const store = EXCHANGES.create(world)
    store.restore(exchanges)
    world.put(EXCHANGES, store)
  },
}
