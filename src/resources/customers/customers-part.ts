import type { ApplicationWorld } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import type { ServiceKey, WorldPart } from '../../world/application-world.js'
import { customerFromDocument } from './customer-document.js'
import { CustomerEvents } from './customer-events.js'
import { CustomerSeeds } from './customer-seeds.js'
import { CustomerStore } from './customer-store.js'

/** The server's customer seeds. */
export const CUSTOMER_SEEDS: ServiceKey<CustomerSeeds> = { name: 'customer seeds', create: () => new CustomerSeeds() }

/**
 * The worst a customer costs in memory: an llc with every field at its longest, in characters V8
 * keeps at two bytes each (U+FFFD, which invalid UTF-8 becomes, among them), with its email and
 * correlationId indexes. Measured at 5,908 bytes on Node 20, 6,276 on Node 22 and 6,262 on Node 24
 * (test/customers-api/memory.test.ts holds this to no more than a third above the measure on the
 * Node.js it runs on). 7 KiB keeps a margin of a tenth above the most measured: the heap after
 * collections varies with the machine's load. A typical one takes 1.6 to 2.0 KiB. Idempotency-Keys
 * are the shared store's, weighed there (idempotency/).
 */
export const CUSTOMER_BYTES = 7168

/**
 * An application's customers: made with its seeds, every transition raised as the world's event
 * (`_links.resource` and `_links.customer` both the customer).
 */
export const CUSTOMERS: WorldPart<CustomerStore> = {
  name: 'customers',
  create(world) {
    const store = emptyCustomerStore(world)
    const created = world.server.now()
    for (const { document } of world.server.service(CUSTOMER_SEEDS).for(world.clientId)) store.insert(customerFromDocument(document, created))
    return store
  },
  weigh: (store) => store.size * CUSTOMER_BYTES,
}

/** An application's customer store with nothing in it (a state file's customers go in as they are). */
export function emptyCustomerStore(world: ApplicationWorld): CustomerStore {
  const { server } = world
  const events = new CustomerEvents()
  events.subscribe(({ topic, customerId, at }) => world.raise({ topic, resourceType: 'customer', resourceId: customerId, customerId, at }))
  return new CustomerStore({
    clientId: world.clientId,
    limit: () => server.options.customerLimit,
    now: () => server.now(),
    duplicateEmailCheck: () => server.options.duplicateEmailCheck,
    events,
    onChange: () => world.changed(),
  })
}

/** The calling application's customers. */
export function customersOf(mock: MockContext, clientId: string): CustomerStore {
  return mock.worlds.open(clientId).get(CUSTOMERS)
}
