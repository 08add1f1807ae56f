import type { ResolvedOptions } from '../../config.js'
import { StartupError } from '../../errors.js'
import { checkAgainstCustomerSchema } from '../../fixture-rules/check-fixtures.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { restoreIdempotencyKeys } from '../idempotency/index.js'
import { customerDocumentProblem, customerFromDocument, customerToDocument, type CustomerDocument } from './customer-document.js'
import { CustomerProblems } from './customer-problems.js'
import type { CustomerStore } from './customer-store.js'
import { CUSTOMERS, emptyCustomerStore } from './customers-part.js'
import { asSharedIdempotencyRecords, loadEarlierIdempotencyRecords, type EarlierIdempotencyRecord } from './earlier-idempotency-records.js'

interface PersistedCustomers {
  customers: CustomerDocument[]
  /** Idempotency-Key records of a file written before customers' keys joined the shared store. */
  idempotency: EarlierIdempotencyRecord[]
}

/**
 * An application's customers in the state file, each checked as a fixture file's seed is. Their
 * Idempotency-Keys are the shared store's (idempotency/); `idempotency` is still read, never
 * written, for files and journals written before (earlier-idempotency-records.ts).
 */
export const PERSISTED_CUSTOMERS: PersistedPart<CustomerStore, PersistedCustomers> = {
  part: CUSTOMERS,
  keys: ['customers', 'idempotency'],
  save: (store) => ({ customers: store.all().map(customerToDocument) }),
  // A request changes a customer or two of up to customerLimit: the journal writes those alone.
  records: {
    // `idempotency` as well, so that an earlier journal's merges of it still replay.
    identity: { customers: 'id', idempotency: 'key' },
    changes(store) {
      const changed = store.takeChanges()
      return changed && { customers: changed.map(customerToDocument) }
    },
  },
  load(entry, at, path, options: ResolvedOptions) {
    const customers = listInEntry(entry, 'customers', at, path).map((value, index) => {
      const pointer = `${at}/customers/${index}`
      try {
        checkAgainstCustomerSchema(value, path, pointer)
      } catch (error) {
        throw new StartupError(`${(error as Error).message}; the state file is left as it is`)
      }
      const found = customerDocumentProblem(value as CustomerDocument)
      if (found !== undefined) throw corruptStateFile(path, `${pointer}${found.pointer}`, found.problem)
      return value as CustomerDocument
    })
    if (customers.length > options.customerLimit) {
      throw corruptStateFile(path, `${at}/customers`, `${customers.length} customers, more than customerLimit (${options.customerLimit})`)
    }
    return { customers, idempotency: loadEarlierIdempotencyRecords(entry, at, path) }
  },
  restore(world, { customers, idempotency }, path) {
    const store = emptyCustomerStore(world)
    for (const document of customers) {
      try {
        store.insert(customerFromDocument(document, world.server.now()))
      } catch (error) {
        if (!(error instanceof CustomerProblems || error instanceof RangeError)) throw error
        throw new StartupError(`${path}: ${error.message}; the state file is left as it is`)
      }
    }
    world.put(CUSTOMERS, store)
    if (idempotency.length > 0)
      restoreIdempotencyKeys(
        world,
        asSharedIdempotencyRecords(idempotency, (id) => store.get(id) !== undefined),
      )
  },
}
