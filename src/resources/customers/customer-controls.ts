import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import type { MockContext } from '../../world/mock-context.js'
import type { Customer, CustomerStatus } from './customer.js'
import { customerFromDocument, customerToDocument, type CustomerDocument } from './customer-document.js'
import { CustomerEvents } from './customer-events.js'
import { CustomerStore } from './customer-store.js'
import { CUSTOMER_SEEDS, CUSTOMERS, customersOf } from './customers-part.js'
import * as transitions from './transitions.js'

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
export interface CustomerControls {
  list(options?: ApplicationOption): CustomerView[]
  get(id: string, options?: ApplicationOption): CustomerView | undefined
  /**
   * Creates a customer from a POST /customers body, checked the same way, optionally straight
   * into a status. With an application it belongs to that application; without, every
   * application (those that exist and those made later, until reset) gets its own copy.
   */
  create(body: unknown, options?: ApplicationOption & { status?: CustomerStatus }): CustomerView
  /**
   * Moves a customer to any status its type allows. Throws Dwolla's NotFound (a DwollaError) when
   * no application has it, or the one given does not: a test acting on the wrong id or
   * application learns it at once.
   */
  setStatus(id: string, status: CustomerStatus, options?: ApplicationOption): CustomerView
}

/**
 * The customers of every application, for the test double. Without an application these act on
 * every application that has the customer. Reading never makes an application's world, nor
 * counts as its use (which would move another application out past applicationLimit): an
 * application that has not made its store yet shows the seeds it will start with. A status
 * change makes nothing either: only a customer an application has can change.
 */
export function customerControls(context: MockContext): CustomerControls {
  const storesFor = (application: string | undefined): CustomerStore[] => {
    if (application !== undefined) return [context.worlds.find(application)?.peek(CUSTOMERS) ?? []].flat()
    return context.worlds.all().flatMap((world) => world.peek(CUSTOMERS) ?? [])
  }
  /** The seeds an application would start with, when it has no store yet. */
  const unmade = (application: string | undefined): CustomerView[] => {
    if (application === undefined || storesFor(application).length > 0) return []
    const now = context.clock.nowFor(application)
    return context
      .service(CUSTOMER_SEEDS)
      .for(application)
      .map(({ document }) => ({ ...customerToDocument(customerFromDocument(document, now)), application }))
  }
  return {
    list: ({ application } = {}) => [
      ...storesFor(application).flatMap((store) => store.list().map((customer) => view(store, customer))),
      ...unmade(application),
    ],
    get(id, { application } = {}) {
      for (const store of storesFor(application)) {
        const customer = store.get(id)
        if (customer !== undefined) return view(store, customer)
      }
      return unmade(application).find((seed) => seed.id === id.toLowerCase())
    },
    create(body, options = {}) {
      // Dated by the application's clock when it is for one (clock.ts).
      const made = transitions.createCustomer(randomUUID(), body, { now: context.clock.nowFor(options.application) })
      const { customer, topics } = options.status === undefined ? made : withStatus(made, options.status)
      if (options.application !== undefined) {
        const store = context.worlds.open(options.application).get(CUSTOMERS)
        return view(store, store.insert(customer, topics))
      }
      // Every copy or none: each store, and each store yet to be made, is checked before any is changed.
      const stores = storesFor(undefined)
      for (const store of stores) store.admit(customer)
      admitAsSeed(context, customer)
      for (const store of stores) store.insert(customer, topics)
      context.service(CUSTOMER_SEEDS).share(customerToDocument(customer))
      return customerToDocument(customer)
    },
    setStatus(id, status, { application } = {}) {
      let changed: CustomerView | undefined
      // A seed of an application that has no store yet: its store is made (with the seeds) to change it.
      const stores = unmade(application).some((seed) => seed.id === id.toLowerCase()) ? [customersOf(context, application as string)] : storesFor(application)
      for (const store of stores) {
        if (store.get(id) === undefined) continue
        const updated = view(store, store.setStatus(id, status))
        changed ??= updated
      }
      if (application !== undefined) return changed ?? unknownCustomer(id, application)
      // A customer shared with every application: those made later start with it as it now is.
      const seeds = context.service(CUSTOMER_SEEDS)
      const shared = seeds.shared().find(({ document }) => document.id === id.toLowerCase())
      if (shared === undefined) return changed ?? unknownCustomer(id, application)
      const { customer } = transitions.setStatus(customerFromDocument(shared.document, Date.parse(shared.document.created as string)), status)
      seeds.updateShared(customerToDocument(customer))
      return changed ?? customerToDocument(customer)
    },
  }
}

/**
 * Throws what a store made later would throw on meeting this customer among its seeds (a
 * duplicate email or correlationId, no room): each set of seeds a store can start with goes into
 * a store of its own, by the rules in force, then the customer. Without this a later
 * application's first call met the problem (a 500, and a half-made store).
 */
function admitAsSeed(context: MockContext, customer: Customer): void {
  const now = context.clock.now()
  for (const seeds of context.service(CUSTOMER_SEEDS).seedSets()) {
    const store = new CustomerStore({
      clientId: 'a store made later',
      limit: () => context.options.customerLimit,
      now: () => now,
      duplicateEmailCheck: () => context.options.duplicateEmailCheck,
      events: new CustomerEvents(),
      onChange: () => undefined,
    })
    for (const { document } of seeds) store.insert(customerFromDocument(document, now))
    store.admit(customer)
  }
}

/** The in-process form of a 404: Dwolla's NotFound, saying whose customers were looked in. */
function unknownCustomer(id: string, application: string | undefined): never {
  throw new DwollaError('NotFound', {
    message: application === undefined ? `No application has customer ${id}.` : `Application ${application} has no customer ${id}.`,
  })
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
