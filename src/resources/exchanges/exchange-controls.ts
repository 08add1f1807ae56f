import type { MockContext } from '../../world/mock-context.js'
import { EXCHANGE_STATUSES, type Exchange, type ExchangeStatus } from './exchange.js'
import type { ExchangeStore } from './exchange-store.js'
import { EXCHANGES } from './exchanges-part.js'

/** An exchange as the test double shows it: the stored fields, `created` as ISO 8601, and its application. */
export interface ExchangeView {
  id: string
  application: string
  customerId?: string
  partnerId: string
  status: ExchangeStatus
  created: string
  credential: Exchange['credential']
  fundingSourceId?: string
}

function view(store: ExchangeStore, exchange: Exchange): ExchangeView {
  return { ...exchange, application: store.clientId, created: new Date(exchange.created).toISOString() }
}

/** The test double's view of exchanges (/__mock/exchanges): reading never makes a store. */
export function exchangeControls(mock: MockContext) {
  const stores = (): ExchangeStore[] => mock.worlds.all().flatMap((world) => world.peek(EXCHANGES) ?? [])
  const find = (id: string): { store: ExchangeStore; exchange: Exchange } | undefined => {
    for (const store of stores()) {
      const exchange = store.get(id)
      if (exchange !== undefined) return { store, exchange }
    }
    return undefined
  }
  return {
    list(application?: string): ExchangeView[] {
      return stores()
        .filter((store) => application === undefined || store.clientId === application)
        .flatMap((store) => store.snapshot().map((exchange) => view(store, exchange)))
    },
    get(id: string): ExchangeView | undefined {
      const found = find(id)
      return found === undefined ? undefined : view(found.store, found.exchange)
    },
    /** Deactivates, removes or reactivates one: a funding source is then refused InactiveExchange. */
    setStatus(id: string, status: string): ExchangeView | undefined {
      if (!(EXCHANGE_STATUSES as readonly string[]).includes(status)) throw new TypeError(`status: one of ${EXCHANGE_STATUSES.join(', ')}`)
      const found = find(id)
      return found === undefined ? undefined : view(found.store, found.store.setStatus(id, status as ExchangeStatus))
    },
    /** Raises `customer_exchange_reauth_required` for a customer's exchange. */
    requireReauth(id: string): ExchangeView | undefined {
      const found = find(id)
      return found === undefined ? undefined : view(found.store, found.store.requireReauth(id))
    },
  }
}
