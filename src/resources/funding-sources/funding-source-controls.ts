import type { MockContext } from '../../world/mock-context.js'
import { customersOf } from '../customers/index.js'
import { addFundingSource } from './add-funding-source.js'
import { fundingSourceToDocument, type FundingSourceDocument } from './funding-source-document.js'
import type { FundingSource } from './funding-source.js'
import type { FundingSourceStore } from './funding-source-store.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'
import { hasBalance } from './owners.js'

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
}

function view(store: FundingSourceStore, source: FundingSource): FundingSourceView {
  return { ...fundingSourceToDocument(source), application: store.clientId }
}

/** Every application's funding sources, for the test double. Without an application, reading never makes a store. */
export function fundingSourceControls(mock: MockContext): FundingSourceControls {
  const storesFor = (application: string | undefined): FundingSourceStore[] => {
    if (application !== undefined) return [mock.worlds.open(application).get(FUNDING_SOURCES)]
    return mock.worlds.all().flatMap((world) => world.peek(FUNDING_SOURCES) ?? [])
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
  }
}
