import { DwollaError, type EmbeddedError } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { initiatePayment } from '../transfers/index.js'
import type { MassPayment, MassPaymentItem } from './mass-payment.js'
import type { MassPaymentStore } from './mass-payment-store.js'

/**
 * An item's refusal as its `_embedded.errors`: the transfers' own errors (code, message), with a
 * destination's path as Dwolla writes an item's, `/items/destination/href`
 * (mass-payments/retrieve-mass-payment-item.mdx); a refusal with no embedded errors (a bound)
 * becomes one entry with its message.
 */
function itemErrors(error: DwollaError): EmbeddedError[] {
  if (error.embedded === undefined) return [{ code: 'Invalid', message: error.message, path: '', _links: {} }]
  return error.embedded.map((entry) => ({ ...entry, path: entry.path.replace(/^\/_links\/destination\//, '/items/destination/') }))
}

/** One item as a payment from the mass payment's source: under the same rules, checks and events as POST /transfers. */
function processItem(world: ApplicationWorld, store: MassPaymentStore, massPayment: MassPayment, item: MassPaymentItem): void {
  try {
    const transfer = initiatePayment(world, {
      sourceId: massPayment.sourceId,
      destinationId: item.destinationId,
      amount: item.amount,
      ...(item.metadata === undefined ? {} : { metadata: item.metadata }),
      ...(item.correlationId === undefined ? {} : { correlationId: item.correlationId }),
      ...(massPayment.clearing === undefined ? {} : { clearing: massPayment.clearing }),
    })
    store.settleItem(item, { transferId: transfer.id })
  } catch (error) {
    if (!(error instanceof DwollaError)) throw error
    store.settleItem(item, { errors: itemErrors(error) })
  }
}

/**
 * Processes a mass payment's pending items from `from`, in the order given, until `enough()` says
 * to stop (a slice's time is up); each is settled before the next starts. Once none is left the
 * mass payment is `complete`. Returns where to go on, or undefined when it is complete.
 */
export function processSlice(
  world: ApplicationWorld,
  store: MassPaymentStore,
  massPayment: MassPayment,
  from: number,
  enough: () => boolean,
): number | undefined {
  store.startProcessing(massPayment)
  let index = from
  while (index < massPayment.itemIds.length) {
    const item = store.getItem(massPayment.itemIds[index] as string) as MassPaymentItem
    index++
    if (item.status === 'pending') processItem(world, store, massPayment, item)
    if (enough()) break
  }
  if (index >= massPayment.itemIds.length) store.complete(massPayment)
  store.changed()
  return index >= massPayment.itemIds.length ? undefined : index
}
