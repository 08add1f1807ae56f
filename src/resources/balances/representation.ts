import { HalLinks } from '../../hal/hal-links.js'
import { amountOf } from '../../money.js'
import type { AccountState } from './ledger.js'

/**
 * A balance as GET /funding-sources/{id}/balance answers it (retrieve-funding-source-balance.mdx):
 * `balance` is what can be spent, `total` adds what labels hold, `lastUpdated` is when a posting
 * last touched it (the balance's creation when none has). All four keys are required by
 * `dwolla@1.1.1`.
 */
export function balanceRepresentation(fundingSourceId: string, state: AccountState, lastUpdated: number, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.link(HalLinks.pathOf('funding-source', fundingSourceId, 'balance'), 'balance'),
      'funding-source': links.to('funding-source', fundingSourceId),
    },
    balance: amountOf(state.available),
    total: amountOf(state.available + state.held),
    lastUpdated: new Date(lastUpdated).toISOString(),
  }
}
