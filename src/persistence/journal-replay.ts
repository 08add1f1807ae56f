import type { ResolvedOptions } from '../config.js'
import { childPointer } from '../json-pointer.js'
import type { PersistedPart } from '../world/resource.js'
import type { JournalRecord, ReadJournal } from './journal-file.js'
import { corruptStateFile, type ApplicationEntry, type StateSnapshot } from './state-file.js'

/**
 * The journals that continue a snapshot, oldest first, and those that do not. A compaction
 * (state-file-writer.ts) renames the journal to the previous one, starts a journal that follows
 * it, writes a snapshot naming the new one, then removes the previous one; cut short anywhere, the
 * files say which of them the snapshot in place needs:
 * - the journal the snapshot names: that one alone (a previous one left is already folded in);
 * - the previous journal it names, and the journal that follows it: both;
 * - the previous journal it names, and no journal after it: that one.
 * A journal that continues neither (the state file was replaced, or deleted, behind it) is left
 * from another snapshot: it is not read.
 */
export function journalsOf(
  snapshotJournal: string | undefined,
  current?: ReadJournal,
  previous?: ReadJournal,
): { replay: ReadJournal[]; ignored: ReadJournal[] } {
  const found = [previous, current].filter((journal): journal is ReadJournal => journal !== undefined)
  let replay: ReadJournal[] = []
  if (snapshotJournal !== undefined) {
    if (current?.header.id === snapshotJournal) replay = [current]
    else if (previous?.header.id === snapshotJournal) replay = current?.header.follows === snapshotJournal ? [previous, current] : [previous]
  }
  return { replay, ignored: found.filter((journal) => !replay.includes(journal)) }
}

/**
 * The snapshot with the journals' records applied in order. Each record is checked as the part
 * that owns its keys checks a state file's entry, and a problem names the journal, its line and
 * the place in the record; nothing is half-applied, since nothing is made until all is read.
 */
export function replayJournals(
  snapshot: StateSnapshot,
  journals: readonly ReadJournal[],
  parts: ReadonlyArray<PersistedPart<unknown, unknown>>,
  options: ResolvedOptions,
): StateSnapshot {
  const entries = new Map(snapshot.applications.map((entry) => [entry.application, entry]))
  const identities = new Map(parts.flatMap((persisted) => Object.entries(persisted.records?.identity ?? {})))
  const owners = new Map(parts.flatMap((persisted) => persisted.keys.map((key) => [key, persisted] as const)))
  // Where each record of a merged list is, by its identity: made once per list, kept up to date.
  const places = new Map<unknown[], Map<unknown, number>>()
  for (const journal of journals) {
    for (const { line, value } of journal.records) {
      const place = `${journal.path}:${line}`
      const record = checkRecord(value, place, owners, identities, options)
      if (record.drop === true) entries.delete(record.application)
      if (record.set === undefined && record.merge === undefined) continue
      const entry = entries.get(record.application) ?? { application: record.application }
      entries.set(record.application, entry)
      Object.assign(entry, record.set)
      for (const [key, items] of Object.entries(record.merge ?? {})) {
        const list = (entry[key] ??= []) as unknown[]
        const field = identities.get(key) as string
        let where = places.get(list)
        if (where === undefined) {
          where = new Map(list.map((item, index) => [(item as Record<string, unknown>)[field], index]))
          places.set(list, where)
        }
        for (const item of items) {
          const id = (item as Record<string, unknown>)[field]
          const index = where.get(id)
          if (index === undefined) where.set(id, list.push(item) - 1)
          else list[index] = item
        }
      }
    }
  }
  return { applications: [...entries.values()] }
}

/** A record's shape, and its values checked by the parts that own its keys. */
function checkRecord(
  value: unknown,
  place: string,
  owners: ReadonlyMap<string, PersistedPart<unknown, unknown>>,
  identities: ReadonlyMap<string, string>,
  options: ResolvedOptions,
): JournalRecord {
  const record = value as Record<string, unknown>
  if (typeof record.application !== 'string' || record.application === '') throw corruptStateFile(place, '/application', 'expected an application key')
  const unknown = Object.keys(record).find((key) => !['application', 'drop', 'set', 'merge'].includes(key))
  if (unknown !== undefined) throw corruptStateFile(place, childPointer('', unknown), `unknown key "${unknown}"`)
  if (record.drop !== undefined && record.drop !== true) throw corruptStateFile(place, '/drop', 'expected true')
  for (const kind of ['set', 'merge'] as const) {
    const values = record[kind]
    if (values === undefined) continue
    if (typeof values !== 'object' || values === null || Array.isArray(values)) throw corruptStateFile(place, `/${kind}`, 'expected an object')
    const entry: ApplicationEntry = { application: record.application }
    for (const [key, given] of Object.entries(values)) {
      const pointer = childPointer(`/${kind}`, key)
      if (!owners.has(key)) throw corruptStateFile(place, pointer, `unknown key "${key}"`)
      if (kind === 'merge') {
        const field = identities.get(key)
        if (field === undefined) throw corruptStateFile(place, pointer, 'not a list of records that can be merged')
        if (!Array.isArray(given)) throw corruptStateFile(place, pointer, 'expected an array')
        const nameless = given.findIndex((item) => typeof (item as Record<string, unknown> | null)?.[field] !== 'string')
        if (nameless !== -1) throw corruptStateFile(place, `${pointer}/${nameless}`, `expected a record with its ${field}`)
      }
      entry[key] = given
    }
    // Each part reads the keys it owns, as it reads a snapshot's entry: a problem names this line.
    for (const persisted of new Set(Object.keys(values).map((key) => owners.get(key) as PersistedPart<unknown, unknown>))) {
      persisted.load(entry, `/${kind}`, place, options)
    }
  }
  return record as unknown as JournalRecord
}
