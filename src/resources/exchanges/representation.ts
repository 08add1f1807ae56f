import type { HalLink } from '../../errors.js'
import type { HalLinks } from '../../hal/hal-links.js'
import type { Exchange } from './exchange.js'

/**
 * An exchange as Dwolla answers one (exchanges/retrieve-exchange.mdx, list-exchanges.mdx):
 * `self`, its `exchange-partner`, and its owner, `customer` or `account` (the Account's id is
 * given by the caller). A customer's exchange in a list also has `funding-sources`, where a
 * funding source is made from it (list-exchanges-for-a-customer.mdx).
 */
export function exchangeRepresentation(exchange: Exchange, links: HalLinks, options: { accountId: string; inCustomerList?: boolean }): Record<string, unknown> {
  const owner: Record<string, HalLink> =
    exchange.customerId === undefined ? { account: links.to('account', options.accountId) } : { customer: links.to('customer', exchange.customerId) }
  return {
    _links: {
      self: links.to('exchange', exchange.id),
      'exchange-partner': links.to('exchange-partner', exchange.partnerId),
      ...owner,
      ...(options.inCustomerList === true ? { 'funding-sources': links.to('funding-source') } : {}),
    },
    id: exchange.id,
    status: exchange.status,
    created: new Date(exchange.created).toISOString(),
  }
}
