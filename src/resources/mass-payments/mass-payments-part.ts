import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import { payersTopic } from './mass-payment-events.js'
import { MassPaymentStore } from './mass-payment-store.js'

/**
 * What each record costs in memory besides its own strings (metadata, correlationIds, errors,
 * counted apart at two bytes a character): a mass payment and its place in its payer's list (its
 * items' ids are counted with the items); an item with its ids, amount and transfer, and its id
 * in its mass payment's list (test/mass-payments/memory.test.ts measures both: about 1.6 KiB an item and 1 KiB a payment, UUIDs as
 * randomUUID makes them).
 */
export const MASS_PAYMENT_BYTES = 2048
export const MASS_PAYMENT_ITEM_BYTES = 2048

/** An application's mass payments; their events are about the mass payment, a customer's with `_links.customer`. */
export const MASS_PAYMENTS: WorldPart<MassPaymentStore> = {
  name: 'mass payments',
  create: (world) => emptyMassPaymentStore(world),
  weigh: (store) => store.counts.massPayments * MASS_PAYMENT_BYTES + store.counts.items * MASS_PAYMENT_ITEM_BYTES + store.variableBytes,
}

export function emptyMassPaymentStore(world: ApplicationWorld): MassPaymentStore {
  const { server } = world
  return new MassPaymentStore({
    clientId: world.clientId,
    now: () => server.now(),
    limits: () => ({ massPayments: server.options.massPaymentLimit, items: server.options.massPaymentItemLimit }),
    raise: (topic, massPayment) =>
      world.raise({
        topic: payersTopic(topic, massPayment),
        resourceType: 'mass-payment',
        resourceId: massPayment.id,
        ...(massPayment.customerId === undefined ? {} : { customerId: massPayment.customerId }),
        at: server.now(),
      }),
    onChange: () => world.changed(),
  })
}
