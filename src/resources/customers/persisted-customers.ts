import type { ResolvedOptions } from '../../config.js'
import { StartupError } from '../../errors.js'
import { checkAgainstCustomerSchema } from '../../fixture-rules/check-fixtures.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { customerDocumentProblem, customerFromDocument, customerToDocument, type CustomerDocument } from './customer-document.js'
import { CustomerProblems } from './customer-problems.js'
import type { CustomerStore } from './customer-store.js'
import { CUSTOMERS, emptyCustomerStore } from './customers-part.js'
import type { IdempotencyRecord } from './idempotency-records.js'

interface PersistedCustomers {
  customers: CustomerDocument[]
  idempotency: IdempotencyRecord[]
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const DIGEST = /^[0-9a-f]{64}$/

/** An application's customers and Idempotency-Key records in the state file, each customer checked as a fixture file's seed is. */
export const PERSISTED_CUSTOMERS: PersistedPart<CustomerStore, PersistedCustomers> = {
  part: CUSTOMERS,
  keys: ['customers', 'idempotency'],
  save: (store) => ({ customers: store.all().map(customerToDocument), idempotency: store.idempotency.snapshot() }),
  // A request changes a customer or two of up to customerLimit: the journal writes those alone.
  records: {
    identity: { customers: 'id', idempotency: 'key' },
    changes(store) {
      const changed = store.takeChanges()
      return changed && { customers: changed.customers.map(customerToDocument), idempotency: changed.idempotency }
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
    const idempotency = listInEntry(entry, 'idempotency', at, path).map((record, index): IdempotencyRecord => {
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
    return { customers, idempotency }
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
    store.idempotency.restore(idempotency)
    world.put(CUSTOMERS, store)
  },
}
