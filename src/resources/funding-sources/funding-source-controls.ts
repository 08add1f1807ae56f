import { DwollaError, NOT_FOUND_MESSAGES } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { customersOf } from '../customers/index.js'
import { addFundingSource } from './add-funding-source.js'
import { fundingSourceToDocument, type FundingSourceDocument } from './funding-source-document.js'
import type { FundingSource } from './funding-source.js'
import type { FundingSourceStore } from './funding-source-store.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'
import { adderOf, hasBalance, requireModifiable } from './owners.js'

/** A funding source as the test double shows it: the stored fields, times as ISO 8601, and its application. */
export interface FundingSourceView extends FundingSourceDocument {
  application: string
}

/** Which funding sources: one application's (else every application's), one customer's (else every owner's). */
export interface FundingSourceFilter {
  application?: string
  customer?: string
}

/** The test double's view of the funding sources: `server.fundingSources` and /__mock/funding-sources. */
export interface FundingSourceControls {
  /**
   * The funding sources, oldest first per owner (each owner's balance first). With an application
   * and a Verified Customer, the customer's balance is made if it has none yet (as the API's list
   * makes it), so a test can find it to set its money.
   */
  list(filter?: FundingSourceFilter): FundingSourceView[]
  get(id: string, options?: { application?: string }): FundingSourceView | undefined
  /**
   * Adds one from a create body, checked exactly as the API checks it, raising the same events:
   * for the customer given, else for the application's Account.
   */
  create(body: unknown, options: { application: string; customer?: string }): FundingSourceView
  /**
   * Renames one as `POST /funding-sources/{id}` with `{name}` does, with the same checks and
   * events: the sandbox's way to fail a bank's transfers is a name such as `R01` or `R03`. In the
   * application given, else the one that has it. Throws Dwolla's errors (NotFound, ValidationError).
   */
  rename(id: string, name: string, options?: { application?: string }): FundingSourceView
  /**
   * What a customer does with an unverified bank's micro-deposits, through the same model as the
   * API: `initiate` sends them; `verify` enters two right amounts (the bank is verified);
   * `fail` enters the sandbox's `0.09` and `0.09`, which use up every attempt. Throws Dwolla's
   * errors, as the API would answer them.
   */
  microDeposits(id: string, action: MicroDepositAction, options?: { application?: string }): FundingSourceView
}

/** What the test double can do to a bank's micro-deposits. */
export const MICRO_DEPOSIT_ACTIONS = ['initiate', 'verify', 'fail'] as const
export type MicroDepositAction = (typeof MICRO_DEPOSIT_ACTIONS)[number]

/** The amounts each action enters: any two under $0.10 are right in the sandbox; 0.09 and 0.09 use up the attempts. */
const ENTERED: Readonly<Record<'verify' | 'fail', string>> = { verify: '0.03', fail: '0.09' }

function view(store: FundingSourceStore, source: FundingSource): FundingSourceView {
  return { ...fundingSourceToDocument(source), application: store.clientId }
}

/** Every application's funding sources, for the test double. Without an application, reading never makes a store. */
export function fundingSourceControls(mock: MockContext): FundingSourceControls {
  const storesFor = (application: string | undefined): FundingSourceStore[] => {
    if (application !== undefined) return [mock.worlds.open(application).get(FUNDING_SOURCES)]
    return mock.worlds.all().flatMap((world) => world.peek(FUNDING_SOURCES) ?? [])
  }
  /** The funding source and its world: in the application given, else the first whose store has it. */
  const locate = (id: string, application: string | undefined): { world: ApplicationWorld; source: FundingSource } => {
    const worlds = application === undefined ? mock.worlds.all() : [mock.worlds.open(application)]
    for (const world of worlds) {
      const source = world.peek(FUNDING_SOURCES)?.get(id)
      if (source !== undefined) return { world, source }
    }
    throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.fundingSource })
  }
  /** Who owns it, for the checks a change depends on: a suspended customer's banks cannot change. */
  const ownerOf = (world: ApplicationWorld, source: FundingSource) => {
    const customer = source.customerId === undefined ? undefined : customersOf(mock, world.clientId).get(source.customerId)
    requireModifiable(customer)
    return customer
  }
  return {
    list({ application, customer } = {}) {
      return storesFor(application).flatMap((store) => {
        if (customer === undefined) return store.snapshot().map((source) => view(store, source))
        const found = application === undefined ? undefined : customersOf(mock, application).get(customer)
        if (found !== undefined && hasBalance(found)) store.ensureBalance(found.id)
        return store.list({ kind: 'customer', customerId: customer.toLowerCase() }).map((source) => view(store, source))
      })
    },
    get(id, { application } = {}) {
      for (const store of storesFor(application)) {
        const source = store.get(id)
        if (source !== undefined) return view(store, source)
      }
      return undefined
    },
    create(body, { application, customer }) {
      const world = mock.worlds.open(application)
      const owner = customer === undefined ? undefined : customersOf(mock, application).get(customer)
      if (customer !== undefined && owner === undefined) throw new RangeError(`application ${application} has no customer ${customer}`)
      return view(world.get(FUNDING_SOURCES), addFundingSource(world, owner, body))
    },
    rename(id, name, { application } = {}) {
      const { world, source } = locate(id, application)
      const customer = ownerOf(world, source)
      const store = world.get(FUNDING_SOURCES)
      return view(store, store.update(source.id, { name }, adderOf(customer, customer !== undefined && hasBalance(customer))))
    },
    microDeposits(id, action, { application } = {}) {
      const { world, source } = locate(id, application)
      ownerOf(world, source)
      const store = world.get(FUNDING_SOURCES)
      if (action === 'initiate') return view(store, store.initiateMicroDeposits(source.id))
      const amount = { value: ENTERED[action], currency: 'USD' }
      return view(store, store.verifyMicroDeposits(source.id, { amount1: amount, amount2: amount }).source)
    },
  }
}
