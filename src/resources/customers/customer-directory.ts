import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import type { Customer, CustomerStatus } from './customer.js'
import { customerFromDocument, customerToDocument, type CustomerDocument } from './customer-document.js'
import { CustomerEvents } from './customer-events.js'
import { CustomerStore, type DuplicateEmailCheck } from './customer-store.js'
import type { IdempotencyRecord } from './idempotency-records.js'
import * as transitions from './transitions.js'

export interface CustomerDirectoryOptions {
  /** Most customers per application. */
  customerLimit: number
  /** Most applications holding customers at once. */
  applicationLimit: number
  now: () => number
  duplicateEmailCheck: DuplicateEmailCheck
  /** The seeds every new application store starts with (those naming another application excepted). */
  seeds: readonly CustomerSeed[]
}

/** A seeded customer and where it was written, for messages ("my.yaml at /customers/2"). */
export interface CustomerSeed {
  document: CustomerDocument
  source: string
}

/**
 * A customer as the test double shows it: the stored fields, `created` as ISO 8601, and the
 * application whose copy it is (none for a shared creation no application holds yet).
 */
export type CustomerView = CustomerDocument

/** Which application the test double acts for; without one, every application that has the customer. */
export interface ApplicationOption {
  application?: string
}

/** The test double's view of the customers: `server.customers` and /__mock/customers. */
export type CustomerControls = Pick<CustomerDirectory, 'list' | 'get' | 'create' | 'setStatus'>

/** One application's part of a snapshot: what a state file holds. */
export interface ApplicationSnapshot {
  application: string
  customers: CustomerDocument[]
  idempotency: IdempotencyRecord[]
}

/**
 * Every application's customers. An application is its key (the `clientId` its access tokens
 * carry); its store is made the first time it is needed, holding the seeds (fixture files'
 * `customers:` sections) meant for it. Customers of one application are invisible to another.
 * Bounded: at most `applicationLimit` stores of at most `customerLimit` customers each.
 */
export class CustomerDirectory {
  /** Every transition's webhook topics, for whoever delivers them. */
  readonly events = new CustomerEvents()
  readonly #stores = new Map<string, CustomerStore>()
  readonly #changeListeners = new Set<() => void>()
  #seeds: readonly CustomerSeed[]
  /** Customers the test double created without an application: seeds until the next reset. */
  #shared: CustomerSeed[] = []
  #restoring = false

  constructor(private readonly options: CustomerDirectoryOptions) {
    this.#seeds = options.seeds
  }

  /** Calls `listener` after every change to any customer or idempotency record; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener)
    return () => void this.#changeListeners.delete(listener)
  }

  /** The application's store, made (with its seeds) on first use. Past applicationLimit: MaxNumberOfResources. */
  storeFor(clientId: string): CustomerStore {
    const existing = this.#stores.get(clientId)
    if (existing !== undefined) return existing
    if (this.#stores.size >= this.options.applicationLimit) throw new DwollaError('MaxNumberOfResources')
    const store = this.#newStore(clientId)
    const created = this.options.now()
    for (const { document } of seedsFor(clientId, [...this.#seeds, ...this.#shared])) store.insert(customerFromDocument(document, created))
    this.#changed()
    return store
  }

  /** Fixture files were reloaded: new seeds apply to stores made from now on (and after reset). */
  replaceSeeds(seeds: readonly CustomerSeed[]): void {
    this.#seeds = seeds
  }

  /**
   * Why these seeds could not all go into one store, checked at start so no request ever meets
   * it: for the shared seeds and for each application named, the customers it would get must
   * fit the limit and have distinct emails and correlationIds. Undefined when they fit.
   */
  static seedProblem(seeds: readonly CustomerSeed[], customerLimit: number): string | undefined {
    const applications = new Set(seeds.map(({ document }) => document.application))
    for (const application of applications) {
      const stored = seedsFor(application, seeds)
      if (stored.length > customerLimit) {
        return `${stored.length} customers are seeded${application === undefined ? '' : ` for application ${application}`}, more than customerLimit (${customerLimit})`
      }
      for (const field of ['email', 'correlationId'] as const) {
        const seen = new Map<string, CustomerSeed>()
        for (const seed of stored) {
          const value = seed.document[field]?.toLowerCase()
          if (value === undefined) continue
          const other = seen.get(value)
          if (other !== undefined) return `${seed.source}: ${field} ${value} is also seeded by ${other.source}`
          seen.set(value, seed)
        }
      }
    }
    return undefined
  }

  /** Back to the seeds: every store is dropped and made again on first use; test-double customers go. */
  reset(): void {
    this.#stores.clear()
    this.#shared = []
    this.#changed()
  }

  get applicationCount(): number {
    return this.#stores.size
  }

  snapshot(): ApplicationSnapshot[] {
    return [...this.#stores.values()].map((store) => ({
      application: store.clientId,
      customers: store.snapshot().map(customerToDocument),
      idempotency: store.idempotency.snapshot(),
    }))
  }

  /** Replaces everything with a snapshot: the stores it names, holding exactly what it holds (no seeds). */
  restore(snapshot: readonly ApplicationSnapshot[]): void {
    if (snapshot.length > this.options.applicationLimit) throw new DwollaError('MaxNumberOfResources')
    this.#restoring = true
    try {
      this.#stores.clear()
      for (const { application, customers, idempotency } of snapshot) {
        const store = this.#newStore(application)
        for (const customer of customers) store.insert(customerFromDocument(customer, this.options.now()))
        store.idempotency.restore(idempotency)
      }
    } finally {
      this.#restoring = false
    }
  }

  // The test double (server.customers and /__mock/customers). Without an application these act
  // on every application that has the customer, and a creation is shared like a seed.

  list({ application }: ApplicationOption = {}): CustomerView[] {
    return this.#storesFor(application).flatMap((store) => store.list().map((customer) => view(store, customer)))
  }

  get(id: string, { application }: ApplicationOption = {}): CustomerView | undefined {
    for (const store of this.#storesFor(application)) {
      const customer = store.get(id)
      if (customer !== undefined) return view(store, customer)
    }
    return undefined
  }

  /**
   * Creates a customer from a POST /customers body, checked the same way, optionally straight
   * into a status. With an application it belongs to that application; without, every
   * application (those that exist and those made later, until reset) gets its own copy.
   */
  create(body: unknown, options: ApplicationOption & { status?: CustomerStatus } = {}): CustomerView {
    const made = transitions.createCustomer(randomUUID(), body, { now: this.options.now() })
    const { customer, topics } = options.status === undefined ? made : withStatus(made, options.status)
    if (options.application !== undefined) {
      const store = this.storeFor(options.application)
      return view(store, store.insert(customer, topics))
    }
    // Every copy or none: each store is checked before any is changed.
    const stores = [...this.#stores.values()]
    for (const store of stores) store.admit(customer)
    for (const store of stores) store.insert(customer, topics)
    this.#shared.push({ document: customerToDocument(customer), source: 'the test double' })
    return customerToDocument(customer)
  }

  /** Moves a customer to any status its type allows; undefined when no application has it. */
  setStatus(id: string, status: CustomerStatus, { application }: ApplicationOption = {}): CustomerView | undefined {
    let changed: CustomerView | undefined
    for (const store of this.#storesFor(application)) {
      if (store.get(id) === undefined) continue
      const updated = view(store, store.setStatus(id, status))
      changed ??= updated
    }
    return changed
  }

  #newStore(clientId: string): CustomerStore {
    const store = new CustomerStore({
      clientId,
      limit: this.options.customerLimit,
      now: this.options.now,
      duplicateEmailCheck: this.options.duplicateEmailCheck,
      events: this.events,
      onChange: () => this.#changed(),
    })
    this.#stores.set(clientId, store)
    return store
  }

  #storesFor(application: string | undefined): CustomerStore[] {
    return application === undefined ? [...this.#stores.values()] : [this.storeFor(application)]
  }

  #changed(): void {
    if (this.#restoring) return
    for (const listener of this.#changeListeners) listener()
  }
}

/**
 * The seeds an application's store gets: those for every application and those naming it; of
 * several with one id, the last (fixture files override the shipped defaults this way).
 */
function seedsFor(application: string | undefined, seeds: readonly CustomerSeed[]): CustomerSeed[] {
  const byId = new Map<string, CustomerSeed>()
  for (const seed of seeds) {
    const { id, application: owner } = seed.document
    if (owner !== undefined && owner !== application) continue
    byId.delete(id.toLowerCase())
    byId.set(id.toLowerCase(), seed)
  }
  return [...byId.values()]
}

function view(store: CustomerStore, customer: Customer): CustomerView {
  return { ...customerToDocument(customer), application: store.clientId }
}

/** A new customer put straight into a status: created, then the status's own topics. */
function withStatus(made: transitions.Transition, status: CustomerStatus): transitions.Transition {
  if (status === made.customer.status) return made
  const { customer, topics } = transitions.setStatus(made.customer, status)
  return { customer, topics: ['customer_created', ...topics] }
}
