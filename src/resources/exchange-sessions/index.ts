import type { Resource } from '../../world/resource.js'
import { exchangeSessionsRoutes } from './admin-routes.js'
import { createCustomerExchangeSession } from './operations/createCustomerExchangeSession.js'
import { createReAuthExchangeSession } from './operations/createReAuthExchangeSession.js'
import { listAvailableExchangeConnections } from './operations/listAvailableExchangeConnections.js'
import { PERSISTED_EXCHANGE_SESSIONS } from './persisted-sessions.js'
import { retrieveCustomerExchangeSession } from './operations/retrieveCustomerExchangeSession.js'

export { SESSION_MESSAGES } from './session-messages.js'

/**
 * Exchange sessions: a partner's bank-linking flow for a customer (Plaid Link, MX Connect,
 * Checkout.com), simulated offline, and the accounts an MX flow made available.
 */
export const exchangeSessions: Resource = {
  name: 'exchange-sessions',
  operations: { createCustomerExchangeSession, retrieveCustomerExchangeSession, createReAuthExchangeSession, listAvailableExchangeConnections },
  adminRoutes: exchangeSessionsRoutes,
  persisted: PERSISTED_EXCHANGE_SESSIONS,
}
