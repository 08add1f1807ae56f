import type { ApplicationWorld } from '../../world/application-world.js'
import { CUSTOMERS } from '../customers/index.js'
import { FUNDING_SOURCES, type FundingSource } from '../funding-sources/index.js'
import { returnCodeOf } from './return-codes.js'

/**
 * Dwolla's systematic actions on a return (transfer-failures.mdx): the bank removed (R03 "removes
 * the bank", testing/transfers.mdx), the customer suspended or deactivated, each raising its own
 * event through its own resource. A code that both unverifies and removes the bank only removes
 * it (whether the sandbox also raises `funding_source_unverified` then is unknown, facts §14.8);
 * R22 unverifies it and leaves it in place.
 */
export function applyReturnActions(world: ApplicationWorld, bank: FundingSource, code: string): void {
  const actions = returnCodeOf(code)
  const banks = world.get(FUNDING_SOURCES)
  if (actions.removeBank && !bank.removed) banks.remove(bank.id)
  else if (actions.unverifyBank && !actions.removeBank) banks.unverify(bank.id)
  if (actions.customer !== undefined && bank.customerId !== undefined) {
    const customers = world.get(CUSTOMERS)
    const customer = customers.get(bank.customerId)
    if (customer === undefined || customer.status === actions.customer || customer.status === 'deactivated') return
    try {
      customers.setStatus(customer.id, actions.customer)
    } catch (error) {
      // A type that cannot be in that status (setStatus's RangeError) keeps its own.
      if (!(error instanceof RangeError)) throw error
    }
  }
}
