import type { EmbeddedError } from '../../errors.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { LEDGER_LIMIT_CENTS } from '../balances/index.js'
import {
  ITEM_STATUSES,
  MASS_PAYMENT_STATUSES,
  MAX_ITEMS,
  type MassPayment,
  type MassPaymentItem,
  type MassPaymentItemStatus,
  type MassPaymentStatus,
} from './mass-payment.js'
import type { MassPaymentRecords, MassPaymentStore } from './mass-payment-store.js'
import { emptyMassPaymentStore, MASS_PAYMENTS } from './mass-payments-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

type Document<T extends { created?: number }> = Omit<T, 'created'> & { created?: string }

const massPaymentDocument = ({ created, ...rest }: MassPayment): Document<MassPayment> => ({
  ...structuredClone(rest),
  created: new Date(created).toISOString(),
})

/** What load() read, and where, for restore() to name a place. */
interface LoadedMassPayments {
  at: string
  records: MassPaymentRecords
}

const objectOf = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
const isStrings = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((each) => typeof each === 'string')

/**
 * An application's mass payments and their items in the state file, each record checked, and
 * checked together on the whole entry (a journal's record holds only some): each item's mass
 * payment lists it, each mass payment's total is its items' sum. A file that breaks these was not
 * written by mock-dwolla: it is refused, never repaired. Mass payments still being processed go
 * on once the application is next called.
 */
export const PERSISTED_MASS_PAYMENTS: PersistedPart<MassPaymentStore, LoadedMassPayments> = {
  part: MASS_PAYMENTS,
  keys: ['massPayments', 'massPaymentItems'],
  save(store) {
    const { massPayments, items } = store.snapshot()
    return { massPayments: massPayments.map(massPaymentDocument), massPaymentItems: items }
  },
  // Processing changes a slice of items at a time, of up to massPaymentItemLimit: the journal writes those alone.
  records: {
    identity: { massPayments: 'id', massPaymentItems: 'id' },
    changes(store) {
      const changed = store.takeChanges()
      return changed && { massPayments: changed.massPayments.map(massPaymentDocument), massPaymentItems: changed.items }
    },
  },
  load(entry, at, path, { massPaymentLimit, massPaymentItemLimit }): LoadedMassPayments {
    const paymentList = listInEntry(entry, 'massPayments', at, path)
    const itemList = listInEntry(entry, 'massPaymentItems', at, path)
    if (paymentList.length > massPaymentLimit)
      throw corruptStateFile(path, `${at}/massPayments`, `${paymentList.length} mass payments, more than massPaymentLimit (${massPaymentLimit})`)
    if (itemList.length > massPaymentItemLimit)
      throw corruptStateFile(path, `${at}/massPaymentItems`, `${itemList.length} items, more than massPaymentItemLimit (${massPaymentItemLimit})`)
    const id = (value: unknown, pointer: string): string => {
      if (typeof value !== 'string' || !UUID.test(value)) throw corruptStateFile(path, pointer, 'expected a lowercase UUID')
      return value
    }
    const cents = (value: unknown, pointer: string, least: number): number => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least || value > LEDGER_LIMIT_CENTS)
        throw corruptStateFile(path, pointer, `expected whole cents, at least ${least}`)
      return value
    }
    const strings = (value: unknown, pointer: string): Record<string, string> | undefined => {
      if (value === undefined) return undefined
      if (!isStrings(value)) throw corruptStateFile(path, pointer, 'expected an object of strings')
      return value
    }
    const text = (value: unknown, pointer: string): string | undefined => {
      if (value === undefined) return undefined
      if (typeof value !== 'string' || value.length > 255) throw corruptStateFile(path, pointer, 'expected a string of at most 255 characters')
      return value
    }
    const massPayments = paymentList.map((value, index): MassPayment => {
      const at2 = `${at}/massPayments/${index}`
      const fields = objectOf(value)
      if (!(MASS_PAYMENT_STATUSES as readonly unknown[]).includes(fields.status))
        throw corruptStateFile(path, `${at2}/status`, `expected one of ${MASS_PAYMENT_STATUSES.join(', ')}`)
      if (typeof fields.created !== 'string' || Number.isNaN(Date.parse(fields.created)))
        throw corruptStateFile(path, `${at2}/created`, 'expected a date and time')
      if (!Array.isArray(fields.itemIds) || fields.itemIds.length === 0 || fields.itemIds.length > MAX_ITEMS)
        throw corruptStateFile(path, `${at2}/itemIds`, `expected 1 to ${MAX_ITEMS} item ids`)
      const metadata = strings(fields.metadata, `${at2}/metadata`)
      const correlationId = text(fields.correlationId, `${at2}/correlationId`)
      const clearing = strings(fields.clearing, `${at2}/clearing`)
      const customerId = fields.customerId === undefined ? undefined : id(fields.customerId, `${at2}/customerId`)
      return {
        id: id(fields.id, `${at2}/id`),
        status: fields.status as MassPaymentStatus,
        created: Date.parse(fields.created),
        sourceId: id(fields.sourceId, `${at2}/sourceId`),
        itemIds: fields.itemIds.map((each: unknown, position: number) => id(each, `${at2}/itemIds/${position}`)),
        total: cents(fields.total, `${at2}/total`, 1),
        ...(customerId === undefined ? {} : { customerId }),
        ...(metadata === undefined ? {} : { metadata }),
        ...(correlationId === undefined ? {} : { correlationId }),
        ...(clearing === undefined ? {} : { clearing }),
      }
    })
    const items = itemList.map((value, index): MassPaymentItem => {
      const at2 = `${at}/massPaymentItems/${index}`
      const fields = objectOf(value)
      if (!(ITEM_STATUSES as readonly unknown[]).includes(fields.status))
        throw corruptStateFile(path, `${at2}/status`, `expected one of ${ITEM_STATUSES.join(', ')}`)
      const metadata = strings(fields.metadata, `${at2}/metadata`)
      const correlationId = text(fields.correlationId, `${at2}/correlationId`)
      const transferId = fields.transferId === undefined ? undefined : id(fields.transferId, `${at2}/transferId`)
      if (fields.errors !== undefined && !Array.isArray(fields.errors)) throw corruptStateFile(path, `${at2}/errors`, 'expected a list of errors')
      return {
        id: id(fields.id, `${at2}/id`),
        massPaymentId: id(fields.massPaymentId, `${at2}/massPaymentId`),
        status: fields.status as MassPaymentItemStatus,
        destinationId: id(fields.destinationId, `${at2}/destinationId`),
        amount: cents(fields.amount, `${at2}/amount`, 1),
        ...(metadata === undefined ? {} : { metadata }),
        ...(correlationId === undefined ? {} : { correlationId }),
        ...(transferId === undefined ? {} : { transferId }),
        ...(fields.errors === undefined ? {} : { errors: fields.errors as EmbeddedError[] }),
      }
    })
    return { at, records: { massPayments, items } }
  },
  restore(world, { at, records }, path) {
    checkTogether(records, at, path)
    const store = emptyMassPaymentStore(world)
    store.restore(records)
    world.put(MASS_PAYMENTS, store)
  },
}

/** Each item belongs to the mass payment that lists it, once; a mass payment's total is its items' sum. */
function checkTogether({ massPayments, items }: MassPaymentRecords, at: string, path: string): void {
  const byId = new Map(items.map((item) => [item.id, item]))
  if (byId.size !== items.length) throw corruptStateFile(path, `${at}/massPaymentItems`, 'an item appears twice')
  const listed = new Set<string>()
  massPayments.forEach((massPayment, index) => {
    let sum = 0
    for (const itemId of massPayment.itemIds) {
      const item = byId.get(itemId)
      if (item === undefined || item.massPaymentId !== massPayment.id || listed.has(itemId)) {
        throw corruptStateFile(path, `${at}/massPayments/${index}/itemIds`, `item ${itemId} is not this mass payment's`)
      }
      listed.add(itemId)
      sum += item.amount
    }
    if (sum !== massPayment.total)
      throw corruptStateFile(path, `${at}/massPayments/${index}/total`, `${massPayment.total} cents, but its items add up to ${sum}`)
  })
  if (listed.size !== items.length) throw corruptStateFile(path, `${at}/massPaymentItems`, 'an item of no mass payment')
}
