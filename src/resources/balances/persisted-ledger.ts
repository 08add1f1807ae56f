import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { LEDGER_ACCOUNT_KINDS, LEDGER_LIMIT_CENTS, type Ledger, type LedgerEntry } from './ledger.js'
import { emptyLedger, LEDGER } from './ledger-part.js'

/** An account as the state file keeps it: `lastUpdated` as ISO 8601. */
interface LedgerDocument {
  kind: LedgerEntry['kind']
  id: string
  available: number
  held: number
  lastUpdated: string
}

const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= LEDGER_LIMIT_CENTS

/**
 * An application's ledger in the state file: every account's money in whole cents. A file whose
 * accounts do not add up to zero, or where a balance is held below zero or money in flight is
 * negative, was not written by the ledger: it is refused, never repaired.
 */
export const PERSISTED_LEDGER: PersistedPart<Ledger, LedgerEntry[]> = {
  part: LEDGER,
  keys: ['ledger'],
  save: (ledger) => ({
    ledger: ledger.snapshot().map(({ lastUpdated, ...entry }): LedgerDocument => ({ ...entry, lastUpdated: new Date(lastUpdated).toISOString() })),
  }),
  load(entry, at, path) {
    const seen = new Set<string>()
    let sum = 0
    const entries = listInEntry(entry, 'ledger', at, path).map((value, index): LedgerEntry => {
      const pointer = `${at}/ledger/${index}`
      const { kind, id, available, held, lastUpdated } = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
      if (!(LEDGER_ACCOUNT_KINDS as readonly unknown[]).includes(kind))
        throw corruptStateFile(path, `${pointer}/kind`, `expected one of ${LEDGER_ACCOUNT_KINDS.join(', ')}`)
      if (typeof id !== 'string' || id === '' || id.length > 64) throw corruptStateFile(path, `${pointer}/id`, 'expected an account id')
      if (seen.has(`${kind as string}:${id}`)) throw corruptStateFile(path, `${pointer}/id`, `account ${kind as string}:${id} appears twice`)
      seen.add(`${kind as string}:${id}`)
      if (!isCents(available)) throw corruptStateFile(path, `${pointer}/available`, 'expected whole cents')
      if (!isCents(held) || held < 0) throw corruptStateFile(path, `${pointer}/held`, 'expected whole cents, not negative')
      if (kind === 'transit' && available < 0) throw corruptStateFile(path, `${pointer}/available`, 'money in flight is never negative')
      if (typeof lastUpdated !== 'string' || Number.isNaN(Date.parse(lastUpdated)))
        throw corruptStateFile(path, `${pointer}/lastUpdated`, 'expected a date and time')
      sum += available + held
      return { kind: kind as LedgerEntry['kind'], id, available, held, lastUpdated: Date.parse(lastUpdated) }
    })
    if (sum !== 0) throw corruptStateFile(path, `${at}/ledger`, `the accounts add up to ${sum} cents, not zero: money was made or lost outside the ledger`)
    return entries
  },
  restore(world, entries) {
    const ledger = emptyLedger(world)
    ledger.restore(entries)
    world.put(LEDGER, ledger)
  },
}
