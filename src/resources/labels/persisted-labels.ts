import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { LEDGER_LIMIT_CENTS } from '../balances/index.js'
import { LABEL_LEDGER_ENTRY_LIMIT, LABEL_LIMIT, type Label, type LabelLedgerEntry, type LabelReallocation } from './label.js'
import type { LabelRecords, LabelStore } from './label-store.js'
import { emptyLabelStore, LABELS } from './labels-part.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Records as the state file keeps them: times as ISO 8601, amounts in whole cents (as the ledger keeps them). */
interface LabelDocument extends Omit<Label, 'created'> {
  created: string
}
interface EntryDocument extends Omit<LabelLedgerEntry, 'created'> {
  created: string
}
interface ReallocationDocument extends Omit<LabelReallocation, 'created'> {
  created: string
}

const iso = (at: number): string => new Date(at).toISOString()

/** The fields of one record, each checked, or a StartupError naming the file and the pointer. */
function reader(path: string, pointer: string, value: unknown) {
  const fields = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>
  return {
    id(name: string): string {
      const id = fields[name]
      if (typeof id !== 'string' || !UUID.test(id)) throw corruptStateFile(path, `${pointer}/${name}`, 'expected a lowercase UUID')
      return id
    },
    time(name: string): number {
      const time = fields[name]
      if (typeof time !== 'string' || Number.isNaN(Date.parse(time))) throw corruptStateFile(path, `${pointer}/${name}`, 'expected a date and time')
      return Date.parse(time)
    },
    cents(name: string, check: (cents: number) => boolean, expected: string): number {
      const cents = fields[name]
      if (typeof cents !== 'number' || !Number.isSafeInteger(cents) || Math.abs(cents) > LEDGER_LIMIT_CENTS || !check(cents)) {
        throw corruptStateFile(path, `${pointer}/${name}`, expected)
      }
      return cents
    },
    has: (name: string): boolean => fields[name] !== undefined,
  }
}

/**
 * An application's labels, ledger entries and reallocations in the state file, checked as a
 * whole: every entry's label is there, a label's amount is the sum of its entries (so never
 * negative), a reallocation's two entries name it. A file that breaks any of these was not
 * written by mock-dwolla: it is refused, never repaired. What labels hold in a balance is the
 * ledger's own part (`held`), which the ledger checks.
 */
export const PERSISTED_LABELS: PersistedPart<LabelStore, LabelRecords> = {
  part: LABELS,
  keys: ['labels', 'labelLedgerEntries', 'labelReallocations'],
  save(store) {
    const { labels, entries, reallocations } = store.snapshot()
    return {
      labels: labels.map((label): LabelDocument => ({ ...label, created: iso(label.created) })),
      labelLedgerEntries: entries.map((entry): EntryDocument => ({ ...entry, created: iso(entry.created) })),
      labelReallocations: reallocations.map((reallocation): ReallocationDocument => ({ ...reallocation, created: iso(reallocation.created) })),
    }
  },
  // A ledger entry changes one label and adds one entry, of up to 20,000: the journal writes those alone.
  records: {
    identity: { labels: 'id', labelLedgerEntries: 'id', labelReallocations: 'id' },
    changes(store) {
      const changed = store.takeChanges()
      return (
        changed && {
          labels: changed.labels.map((label): LabelDocument => ({ ...label, created: iso(label.created) })),
          labelLedgerEntries: changed.entries.map((entry): EntryDocument => ({ ...entry, created: iso(entry.created) })),
          labelReallocations: changed.reallocations.map((reallocation): ReallocationDocument => ({ ...reallocation, created: iso(reallocation.created) })),
        }
      )
    },
  },
  load(entry, at, path) {
    const labelList = listInEntry(entry, 'labels', at, path)
    const entryList = listInEntry(entry, 'labelLedgerEntries', at, path)
    if (labelList.length > LABEL_LIMIT) throw corruptStateFile(path, `${at}/labels`, `${labelList.length} labels, more than the ${LABEL_LIMIT} kept`)
    if (entryList.length > LABEL_LEDGER_ENTRY_LIMIT) {
      throw corruptStateFile(path, `${at}/labelLedgerEntries`, `${entryList.length} ledger entries, more than the ${LABEL_LEDGER_ENTRY_LIMIT} kept`)
    }
    const sums = new Map<string, number>()
    const labels = labelList.map((value, index): Label => {
      const read = reader(path, `${at}/labels/${index}`, value)
      const label = {
        id: read.id('id'),
        customerId: read.id('customerId'),
        balanceId: read.id('balanceId'),
        created: read.time('created'),
        cents: read.cents('cents', (cents) => cents >= 0, 'expected whole cents, not negative'),
      }
      if (sums.has(label.id)) throw corruptStateFile(path, `${at}/labels/${index}/id`, `label ${label.id} appears twice`)
      sums.set(label.id, 0)
      return label
    })
    const entryIds = new Map<string, string | undefined>()
    const entries = entryList.map((value, index): LabelLedgerEntry => {
      const pointer = `${at}/labelLedgerEntries/${index}`
      const read = reader(path, pointer, value)
      const id = read.id('id')
      const labelId = read.id('labelId')
      const cents = read.cents('cents', (cents) => cents !== 0, 'expected whole cents, not zero')
      const reallocationId = read.has('reallocationId') ? read.id('reallocationId') : undefined
      const sum = sums.get(labelId)
      if (sum === undefined) throw corruptStateFile(path, `${pointer}/labelId`, `no label ${labelId}`)
      if (entryIds.has(id)) throw corruptStateFile(path, `${pointer}/id`, `ledger entry ${id} appears twice`)
      entryIds.set(id, reallocationId)
      sums.set(labelId, sum + cents)
      return { id, labelId, cents, created: read.time('created'), ...(reallocationId === undefined ? {} : { reallocationId }) }
    })
    labels.forEach((label, index) => {
      if (sums.get(label.id) !== label.cents) {
        throw corruptStateFile(path, `${at}/labels/${index}/cents`, `${label.cents} cents, but its ledger entries add up to ${sums.get(label.id)}`)
      }
    })
    const reallocations = listInEntry(entry, 'labelReallocations', at, path).map((value, index): LabelReallocation => {
      const pointer = `${at}/labelReallocations/${index}`
      const read = reader(path, pointer, value)
      const id = read.id('id')
      const reallocation = { id, fromEntryId: read.id('fromEntryId'), toEntryId: read.id('toEntryId'), created: read.time('created') }
      for (const name of ['fromEntryId', 'toEntryId'] as const) {
        if (entryIds.get(reallocation[name]) !== id) throw corruptStateFile(path, `${pointer}/${name}`, `no ledger entry of this reallocation`)
      }
      return reallocation
    })
    return { labels, entries, reallocations }
  },
  restore(world, records) {
    const store = emptyLabelStore(world)
    store.restore(records)
    world.put(LABELS, store)
  },
}
