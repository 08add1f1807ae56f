import { randomUUID } from 'node:crypto'
import type { DuplicateEmailCheck } from '../../config.js'
import { DwollaError } from '../../errors.js'
import type { Customer, CustomerStatus } from './customer.js'
import type { CustomerEvents, CustomerTopic } from './customer-events.js'
import { CustomerProblems, duplicateAt, type FieldProblem } from './customer-problems.js'
import * as transitions from './transitions.js'

export interface CustomerStoreOptions {
  /** The application (its key) these customers belong to. */
  clientId: string
  /**
   * Most customers it holds; past it a create is refused with MaxNumberOfResources. Read at each
   * use, as is the duplicate-email check, so a fixture reload applies to stores already made
   * (lowered below what a store holds, it keeps them and takes no more).
   */
  limit: () => number
  now: () => number
  duplicateEmailCheck: () => DuplicateEmailCheck
  events: CustomerEvents
  /** Called after every change, so persistence can write (it never knows what changed). */
  onChange: () => void
}

/** What GET /customers filters on: `search` (fuzzy), `email` (exact), `statuses` (any of). */
export interface CustomerFilter {
  search?: string
  email?: string
  statuses?: readonly CustomerStatus[]
}

/**
 * One application's customers: bounded, indexed by id, email and correlationId, and the only
 * place the transitions' results are applied. It raises each transition's topics to the
 * listeners and says it changed; it never knows about HTTP or files.
 */
export class CustomerStore {
  readonly #customers = new Map<string, Customer>()
  readonly #byEmail = new Map<string, Set<string>>()
  readonly #byCorrelationId = new Map<string, string>()
  /** The customers changed since takeChanges() last answered; undefined until it is first asked (nothing is noted for nobody). */
  #unsaved: Set<string> | undefined

  constructor(private readonly options: CustomerStoreOptions) {}

  get clientId(): string {
    return this.options.clientId
  }

  get size(): number {
    return this.#customers.size
  }

  get(id: string): Customer | undefined {
    return this.#customers.get(id.toLowerCase())
  }

  /** Newest first (Dwolla's other lists are; the docs say only "sorted by created"), ties newest-added first. */
  list(filter: CustomerFilter = {}): Customer[] {
    const search = filter.search?.toLowerCase()
    const email = filter.email?.toLowerCase()
    const matches: Customer[] = []
    for (const customer of this.#customers.values()) {
      if (email !== undefined && customer.email.toLowerCase() !== email) continue
      if (filter.statuses !== undefined && !filter.statuses.includes(customer.status)) continue
      if (search !== undefined && !matchesSearch(customer, search)) continue
      matches.push(customer)
    }
    return matches.reverse().sort((a, b) => b.created - a.created)
  }

  /**
   * POST /customers: a new customer from a request body, with a fresh id. (An Idempotency-Key is
   * the operation's, in the store every creating POST shares: see operations/createCustomer.ts.)
   */
  create(body: unknown): Customer {
    this.#requireRoom()
    const { customer, topics } = transitions.createCustomer(randomUUID(), body, { now: this.options.now() })
    return this.#apply(customer, topics)
  }

  /** POST /customers/{id}. */
  update(id: string, body: unknown): Customer {
    const customer = this.#require(id)
    const { customer: updated, topics } = transitions.updateCustomer(customer, body, { now: this.options.now() })
    return this.#apply(updated, topics, customer)
  }

  /** The test double's shortcut to any status the customer's type allows. */
  setStatus(id: string, status: CustomerStatus): Customer {
    const customer = this.#require(id)
    const { customer: updated, topics } = transitions.setStatus(customer, status)
    return this.#apply(updated, topics, customer)
  }

  /**
   * Puts a customer in as it is: seeds, restored state and the test double's creations. Raises
   * the topics given (none for seeds and restores, which are not events).
   */
  insert(customer: Customer, topics: readonly CustomerTopic[] = []): Customer {
    this.admit(customer)
    return this.#apply(customer, topics)
  }

  /** Throws what {@link insert} would throw for this customer, changing nothing. */
  admit(customer: Customer): void {
    if (this.#customers.has(customer.id)) throw new RangeError(`customer ${customer.id} already exists for application ${this.clientId}`)
    this.#requireRoom()
    const problems = this.#duplicates(customer)
    if (problems.length > 0) throw new CustomerProblems(problems)
  }

  /**
   * Every customer, in the order they were added, as stored: a stored customer is never changed in
   * place (each transition makes a new one), so what this returns stays as it was taken.
   */
  all(): readonly Customer[] {
    return [...this.#customers.values()]
  }

  /**
   * The customers changed since the last call, as they now are: what a journal of changes
   * writes. The first call starts noting them and answers undefined.
   */
  takeChanges(): Customer[] | undefined {
    if (this.#unsaved === undefined) {
      this.#unsaved = new Set()
      return undefined
    }
    const customers = [...this.#unsaved].map((id) => this.#customers.get(id) as Customer)
    this.#unsaved.clear()
    return customers
  }

  #require(id: string): Customer {
    const customer = this.get(id)
    if (customer === undefined) throw new RangeError(`no customer ${id} for application ${this.clientId}`)
    return customer
  }

  #requireRoom(): void {
    if (this.#customers.size >= this.options.limit()) throw new DwollaError('MaxNumberOfResources')
  }

  /** Stores a customer (new or changed) once its email and correlationId are known to be free. */
  #apply(customer: Customer, topics: readonly CustomerTopic[], previous?: Customer): Customer {
    const problems = this.#duplicates(customer)
    if (problems.length > 0) throw new CustomerProblems(problems)
    if (previous !== undefined) this.#unindex(previous)
    this.#customers.set(customer.id, customer)
    this.#index(customer)
    this.#unsaved?.add(customer.id)
    const at = this.options.now()
    for (const topic of topics) this.options.events.emit({ topic, customerId: customer.id, clientId: this.clientId, at })
    this.options.onChange()
    return customer
  }

  #duplicates(customer: Customer): FieldProblem[] {
    const problems: FieldProblem[] = []
    const check = this.options.duplicateEmailCheck()
    if (check !== 'off') {
      for (const id of this.#byEmail.get(customer.email.toLowerCase()) ?? []) {
        const other = this.#customers.get(id) as Customer
        if (id === customer.id || (check === 'active' && other.status === 'deactivated')) continue
        problems.push(duplicateAt('/email', id))
        break
      }
    }
    // correlationId is documented as unique across Customers: always checked.
    const holder = customer.correlationId === undefined ? undefined : this.#byCorrelationId.get(customer.correlationId.toLowerCase())
    if (holder !== undefined && holder !== customer.id) problems.push(duplicateAt('/correlationId', holder))
    return problems
  }

  #index(customer: Customer): void {
    const email = customer.email.toLowerCase()
    const ids = this.#byEmail.get(email) ?? new Set<string>()
    ids.add(customer.id)
    this.#byEmail.set(email, ids)
    if (customer.correlationId !== undefined) this.#byCorrelationId.set(customer.correlationId.toLowerCase(), customer.id)
  }

  #unindex(customer: Customer): void {
    const email = customer.email.toLowerCase()
    const ids = this.#byEmail.get(email)
    ids?.delete(customer.id)
    if (ids?.size === 0) this.#byEmail.delete(email)
    if (customer.correlationId !== undefined) this.#byCorrelationId.delete(customer.correlationId.toLowerCase())
  }
}

/** "Searches on firstName, lastName, businessName and email" (list-and-search.mdx): a case-insensitive substring. */
function matchesSearch(customer: Customer, search: string): boolean {
  return [customer.firstName, customer.lastName, customer.businessName, customer.email].some(
    (value) => value !== undefined && value.toLowerCase().includes(search),
  )
}
