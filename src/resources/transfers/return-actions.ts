import type { ApplicationWorld } from '../../world/application-world.js'
import { CUSTOMERS } from '../customers/index.js'
import { FUNDING_SOURCES, type FundingSource } from '../funding-sources/index.js'
import { returnCodeOf } from './return-codes.js'

/**
 * Dwolla's systematic actions on a return (transfer-failures.mdx): the bank removed (R03 "removes
 * the bank", testing/transfers.mdx), the customer suspended or deactivated, each raising its own
 * event through its own resource. Unverifying a bank that is not removed (R22 alone) is not
 * done: funding sources have no such transition yet.
 */
export function applyReturnActions(world: ApplicationWorld, bank: FundingSource, code: string): void {
  const actions = returnCodeOf(code)
  const banks = world.get(FUNDING_SOURCES)
  if (actions.removeBank && !bank.removed) banks.remove(bank.id)
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
