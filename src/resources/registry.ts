import type { Resource } from '../world/resource.js'
import { accounts } from './accounts/index.js'
import { balances } from './balances/index.js'
import { businessClassifications } from './business-classifications/index.js'
import { beneficialOwners } from './beneficial-owners/index.js'
import { customers } from './customers/index.js'
import { documents } from './documents/index.js'
import { events } from './events/index.js'
import { exchangePartners } from './exchange-partners/index.js'
import { exchangeSessions } from './exchange-sessions/index.js'
import { exchanges } from './exchanges/index.js'
import { kba } from './kba/index.js'
import { labels } from './labels/index.js'
import { massPayments } from './mass-payments/index.js'
import { fundingSources } from './funding-sources/index.js'
import { idempotency } from './idempotency/index.js'
import { onDemandAuthorizations } from './on-demand-authorizations/index.js'
import { root } from './root/index.js'
import { sandboxSimulations } from './sandbox-simulations/index.js'
import { tokens } from './tokens/index.js'
import { transfers } from './transfers/index.js'
import { verificationDirectives } from './verification-directives/index.js'
import { webhookSubscriptions } from './webhook-subscriptions/index.js'
import { webhooks } from './webhooks/index.js'

/**
 * Every Dwolla resource the mock serves, one line each. The server registers their operations
 * (each operationId of the OpenAPI document must have one), their client-token grants and their
 * admin routes from this list, and persistence reads their state-file parts from it.
 */
// One line each (Prettier would join them), so that adding a resource is adding a line.
// prettier-ignore
export const RESOURCES: readonly Resource[] = [
  tokens,
  root,
  accounts,
  customers,
  businessClassifications,
  events,
  webhookSubscriptions,
  webhooks,
  sandboxSimulations,
  beneficialOwners,
  documents,
  kba,
  verificationDirectives,
  onDemandAuthorizations,
  fundingSources,
  balances,
  idempotency,
  transfers,
  labels,
  massPayments,
  exchangePartners,
  exchanges,
  exchangeSessions,
]
