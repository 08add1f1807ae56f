import { ADMIN_PREFIX } from '../../admin/admin-path.js'
import { HalLinks } from '../../hal/hal-links.js'
import type { AvailableConnection, ExchangeSession } from './exchange-session.js'

/** Where an MX session's "MX Connect" page is: the test double's stand-in for MX's widget. */
export function connectPagePath(session: ExchangeSession): string {
  return `${ADMIN_PREFIX}/exchange-sessions/${session.id}/connect`
}

/**
 * A session as GET /exchange-sessions/{id} answers it (retrieve-exchange-session.mdx): `created`,
 * `self` (resource-type `exchange-sessions`, as Dwolla writes it) and `exchange-partner`, each
 * with href, type and resource-type (the `dwolla` SDK requires all three), then by partner:
 * MX's `external-provider-session` (the page to open, resource-type `text/html`), Plaid's
 * `externalProviderSessionToken`, Checkout.com's `externalProviderSessionData`.
 */
export function sessionRepresentation(session: ExchangeSession, links: HalLinks): Record<string, unknown> {
  return {
    created: new Date(session.created).toISOString(),
    _links: {
      self: links.link(HalLinks.pathOf('exchange-session', session.id), 'exchange-sessions'),
      'exchange-partner': links.to('exchange-partner', session.partnerId),
      ...(session.flow === 'mx' ? { 'external-provider-session': links.link(connectPagePath(session), 'text/html') } : {}),
    },
    ...(session.externalProviderSessionToken === undefined ? {} : { externalProviderSessionToken: session.externalProviderSessionToken }),
    ...(session.externalProviderSessionData === undefined ? {} : { externalProviderSessionData: { ...session.externalProviderSessionData } }),
  }
}

/**
 * GET /customers/{id}/available-exchange-connections (list-available-exchange-connections.mdx):
 * `self` and `customers` links (resource-type `customer`, as Dwolla writes both), the accounts,
 * and no `total`.
 */
export function availableConnectionsRepresentation(customerId: string, connections: readonly AvailableConnection[], links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.link(HalLinks.pathOf('customer', customerId, 'available-exchange-connections'), 'customer'),
      customers: links.to('customer', customerId),
    },
    _embedded: { 'available-exchange-connections': connections.map((connection) => ({ ...connection })) },
  }
}
