import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import { HalLinks } from '../../hal/hal-links.js'
import type { IdempotencyRecord } from '../idempotency/index.js'

/**
 * POST /customers' Idempotency-Key records as state files kept them before customers used the
 * shared store (idempotency/): under `idempotency` in the application's entry, beside
 * `customers`, each the SHA-256 of the key alone and the customer it made. Nothing writes them
 * any more; a file (or a journal) written before still loads, and its keys are still honoured
 * for what is left of their 24 hours.
 */
export interface EarlierIdempotencyRecord {
  /** SHA-256 hex of the key alone. */
  key: string
  customerId: string
  at: number
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DIGEST = /^[0-9a-f]{64}$/

/** The entry's earlier records, checked as they always were; none when the entry has none. */
export function loadEarlierIdempotencyRecords(entry: Readonly<Record<string, unknown>>, at: string, path: string): EarlierIdempotencyRecord[] {
  return listInEntry(entry, 'idempotency', at, path).map((record, index): EarlierIdempotencyRecord => {
    const { key, customerId, at: when } = (record ?? {}) as Record<string, unknown>
    if (
      typeof key !== 'string' ||
      !DIGEST.test(key) ||
      typeof customerId !== 'string' ||
      !UUID.test(customerId) ||
      typeof when !== 'number' ||
      !Number.isFinite(when)
    ) {
      throw corruptStateFile(path, `${at}/idempotency/${index}`, 'expected {key: a SHA-256 hex digest, customerId: a lowercase UUID, at: milliseconds}')
    }
    return { key, customerId, at: when }
  })
}

/**
 * The shared store's records for them: kept by the key alone, for createCustomer. A record whose
 * customer is not among those restored is left out, as the customers' own records answered
 * only with a customer they still held (a key without one created anew).
 */
export function asSharedIdempotencyRecords(records: readonly EarlierIdempotencyRecord[], held: (customerId: string) => boolean): IdempotencyRecord[] {
  return records
    .filter((record) => held(record.customerId))
    .map((record) => ({ key: record.key, path: HalLinks.pathOf('customer', record.customerId), at: record.at, keyAloneFor: 'createCustomer' }))
}
