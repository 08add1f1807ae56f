import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { LEDGER_LIMIT_CENTS } from '../balances/index.js'
import type { Label, LabelLedgerEntry, LabelReallocation } from './label.js'
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
export const PERSISTED_LABELS: PersistedPart<LabelStore, LoadedLabels> = {
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
  // A ledger entry changes one label and adds one entry, of up to labelLedgerEntryLimit: the journal writes those alone.
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
  load(entry, at, path, { labelLimit, labelLedgerEntryLimit }): LoadedLabels {
    const labelList = listInEntry(entry, 'labels', at, path)
    const entryList = listInEntry(entry, 'labelLedgerEntries', at, path)
    if (labelList.length > labelLimit) throw corruptStateFile(path, `${at}/labels`, `${labelList.length} labels, more than labelLimit (${labelLimit})`)
    if (entryList.length > labelLedgerEntryLimit) {
      throw corruptStateFile(path, `${at}/labelLedgerEntries`, `${entryList.length} ledger entries, more than labelLedgerEntryLimit (${labelLedgerEntryLimit})`)
    }
    const seen = new Set<string>()
    const once = (id: string, pointer: string, what: string) => {
      if (seen.has(id)) throw corruptStateFile(path, pointer, `${what} ${id} appears twice`)
      seen.add(id)
    }
    const labels = labelList.map((value, index): Label => {
      const read = reader(path, `${at}/labels/${index}`, value)
      const id = read.id('id')
      once(id, `${at}/labels/${index}/id`, 'label')
      return {
        id,
        customerId: read.id('customerId'),
        balanceId: read.id('balanceId'),
        created: read.time('created'),
        cents: read.cents('cents', (cents) => cents >= 0, 'expected whole cents, not negative'),
      }
    })
    const entries = entryList.map((value, index): LabelLedgerEntry => {
      const read = reader(path, `${at}/labelLedgerEntries/${index}`, value)
      const id = read.id('id')
      once(id, `${at}/labelLedgerEntries/${index}/id`, 'ledger entry')
      const reallocationId = read.has('reallocationId') ? read.id('reallocationId') : undefined
      return {
        id,
        labelId: read.id('labelId'),
        cents: read.cents('cents', (cents) => cents !== 0, 'expected whole cents, not zero'),
        created: read.time('created'),
        ...(reallocationId === undefined ? {} : { reallocationId }),
      }
    })
    const reallocations = listInEntry(entry, 'labelReallocations', at, path).map((value, index): LabelReallocation => {
      const read = reader(path, `${at}/labelReallocations/${index}`, value)
      return { id: read.id('id'), fromEntryId: read.id('fromEntryId'), toEntryId: read.id('toEntryId'), created: read.time('created') }
    })
    return { at, records: { labels, entries, reallocations } }
  },
  // The records are checked together here, on the whole entry: a journal's record holds only some of them.
  restore(world, { at, records }, path) {
    checkTogether(records, at, path)
    const store = emptyLabelStore(world)
    store.restore(records)
    world.put(LABELS, store)
  },
}

/** What load() read, and where, for restore() to name a place. */
interface LoadedLabels {
  at: string
  records: LabelRecords
}

/**
 * The checks across records: every entry's label is there, a label's amount is the sum of its
 * entries (so never negative), a reallocation's two entries name it.
 */
function checkTogether({ labels, entries, reallocations }: LabelRecords, at: string, path: string): void {
  const sums = new Map(labels.map((label) => [label.id, 0]))
  const entryReallocations = new Map<string, string | undefined>()
  entries.forEach((entry, index) => {
    const sum = sums.get(entry.labelId)
    if (sum === undefined) throw corruptStateFile(path, `${at}/labelLedgerEntries/${index}/labelId`, `no label ${entry.labelId}`)
    sums.set(entry.labelId, sum + entry.cents)
    entryReallocations.set(entry.id, entry.reallocationId)
  })
  labels.forEach((label, index) => {
    const sum = sums.get(label.id) as number
    if (sum !== label.cents) throw corruptStateFile(path, `${at}/labels/${index}/cents`, `${label.cents} cents, but its ledger entries add up to ${sum}`)
  })
  reallocations.forEach((reallocation, index) => {
    for (const name of ['fromEntryId', 'toEntryId'] as const) {
      if (entryReallocations.get(reallocation[name]) !== reallocation.id) {
        throw corruptStateFile(path, `${at}/labelReallocations/${index}/${name}`, 'no ledger entry of this reallocation')
      }
    }
  })
}
