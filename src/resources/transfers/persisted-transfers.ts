import type { ResolvedOptions } from '../../config.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { TRANSFER_ROLES, TRANSFER_STATUSES, type Party, type Transfer } from './transfer.js'
import { TransferStore } from './transfer-store.js'
import { TRANSFERS } from './transfers-part.js'

/** A transfer as the state file keeps it: the model's own fields, `created` as ISO 8601. */
type TransferDocument = Omit<Transfer, 'created'> & { created: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ID_FIELDS = ['fundingTransferId', 'fundedTransferId', 'createdFromTransferId', 'refundTo', 'payeeBalanceId'] as const

function toDocument(transfer: Transfer): TransferDocument {
  const document = structuredClone(transfer) as unknown as TransferDocument
  document.created = new Date(transfer.created).toISOString()
  for (const key of Object.keys(document) as Array<keyof TransferDocument>) if (document[key] === undefined) delete document[key]
  return document
}

function isParty(value: unknown): value is Party {
  if (typeof value !== 'object' || value === null) return false
  const { kind, customerId } = value as Record<string, unknown>
  return kind === 'account' || (kind === 'customer' && typeof customerId === 'string' && UUID.test(customerId))
}

/** What is wrong with a stored transfer, as a pointer under it and a sentence; undefined when nothing is. */
function problemOf(value: Record<string, unknown>): [string, string] | undefined {
  if (typeof value.id !== 'string' || !UUID.test(value.id)) return ['/id', 'expected a lowercase UUID']
  if (!(TRANSFER_ROLES as readonly unknown[]).includes(value.role)) return ['/role', `expected one of ${TRANSFER_ROLES.join(', ')}`]
  if (!(TRANSFER_STATUSES as readonly unknown[]).includes(value.status)) return ['/status', `expected one of ${TRANSFER_STATUSES.join(', ')}`]
  if (typeof value.amount !== 'number' || !Number.isSafeInteger(value.amount) || value.amount <= 0) return ['/amount', 'expected whole cents, above zero']
  if (typeof value.created !== 'string' || Number.isNaN(Date.parse(value.created))) return ['/created', 'expected a date and time']
  if (!isParty(value.source)) return ['/source', 'expected {kind: "account"} or {kind: "customer", customerId}']
  if (!isParty(value.destination)) return ['/destination', 'expected {kind: "account"} or {kind: "customer", customerId}']
  for (const key of ['sourceFundingSourceId', 'destinationFundingSourceId', 'paymentId'] as const) {
    if (typeof value[key] !== 'string' || !UUID.test(value[key])) return [`/${key}`, 'expected a lowercase UUID']
  }
  for (const key of ID_FIELDS)
    if (value[key] !== undefined && (typeof value[key] !== 'string' || !UUID.test(value[key]))) return [`/${key}`, 'expected a lowercase UUID']
  if (value.bank !== undefined && value.bank !== 'debit' && value.bank !== 'credit') return ['/bank', 'expected debit or credit']
  if (value.feeIds !== undefined && (!Array.isArray(value.feeIds) || !value.feeIds.every((id) => typeof id === 'string' && UUID.test(id))))
    return ['/feeIds', 'expected UUIDs']
  return undefined
}

/**
 * An application's transfers in the state file, every leg and fee as the model keeps it. A
 * change writes only the transfers it touched (the journal's records): a payment is a few legs
 * of up to transferLimit.
 */
export const PERSISTED_TRANSFERS: PersistedPart<TransferStore, Transfer[]> = {
  part: TRANSFERS,
  keys: ['transfers'],
  save: (store) => ({ transfers: [...store.all()].map(toDocument) }),
  records: {
    identity: { transfers: 'id' },
    changes(store) {
      const changed = store.takeChanges()
      return changed && { transfers: changed.map(toDocument) }
    },
  },
  load(entry, at, path, options: ResolvedOptions) {
    const transfers = listInEntry(entry, 'transfers', at, path).map((value, index): Transfer => {
      const pointer = `${at}/transfers/${index}`
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corruptStateFile(path, pointer, 'expected a transfer')
      const problem = problemOf(value as Record<string, unknown>)
      if (problem !== undefined) throw corruptStateFile(path, `${pointer}${problem[0]}`, problem[1])
      const document = value as TransferDocument
      return { ...structuredClone(document), created: Date.parse(document.created) }
    })
    if (transfers.length > options.transferLimit) {
      throw corruptStateFile(path, `${at}/transfers`, `${transfers.length} transfers, more than transferLimit (${options.transferLimit})`)
    }
    return transfers
  },
  restore(world, transfers) {
    const store = new TransferStore(
      () => world.server.options.transferLimit,
      () => world.changed(),
    )
    // Oldest first, so each party's list stays in the order its transfers were made.
    for (const transfer of [...transfers].sort((a, b) => a.created - b.created)) store.put(transfer, true)
    world.put(TRANSFERS, store)
  },
}
