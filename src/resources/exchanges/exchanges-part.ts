import type { WorldPart } from '../../world/application-world.js'
import { ExchangeStore } from './exchange-store.js'

/** Most exchanges one application keeps (inferred: Dwolla documents no bound; two banks per customer is the usual use). */
export const EXCHANGE_LIMIT = 2_000

/** The worst an exchange costs in memory: three UUIDs, the owner index entry and the record (test/exchanges/memory.test.ts). */
export const EXCHANGE_BYTES = 2048

/** An application's exchanges; `customer_exchange_reauth_required` is raised as the world's event. */
export const EXCHANGES: WorldPart<ExchangeStore> = {
  name: 'exchanges',
  create(world) {
    const { server } = world
    return new ExchangeStore({
      clientId: world.clientId,
      limit: EXCHANGE_LIMIT,
      now: () => server.now(),
      raiseReauthRequired: (exchange) =>
        world.raise({
          topic: 'customer_exchange_reauth_required',
          resourceType: 'exchange',
          resourceId: exchange.id,
          ...(exchange.customerId === undefined ? {} : { customerId: exchange.customerId }),
          at: server.now(),
        }),
      onChange: () => world.changed(),
    })
  },
  weigh: (store) => store.size * EXCHANGE_BYTES,
}
