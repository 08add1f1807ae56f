import type { Resource } from '../../world/resource.js'
import { exchangesRoutes } from './admin-routes.js'
import { createAccountExchange } from './operations/createAccountExchange.js'
import { createCustomerExchange } from './operations/createCustomerExchange.js'
import { getExchange } from './operations/getExchange.js'
import { listAccountExchanges } from './operations/listAccountExchanges.js'
import { listCustomerExchanges } from './operations/listCustomerExchanges.js'
import { PERSISTED_EXCHANGES } from './persisted-exchanges.js'

export { EXCHANGES } from './exchanges-part.js'
export { EXCHANGE_MESSAGES } from './exchange-messages.js'
export { EXCHANGE_TOPICS } from './exchange-events.js'
export type { ExchangeOwner } from './exchange.js'

/** Exchanges: a partner's word for a bank account, the Account's and each customer's; a funding source is made from one. */
export const exchanges: Resource = {
  name: 'exchanges',
  operations: { listAccountExchanges, createAccountExchange, getExchange, listCustomerExchanges, createCustomerExchange },
  adminRoutes: exchangesRoutes,
  persisted: PERSISTED_EXCHANGES,
}
