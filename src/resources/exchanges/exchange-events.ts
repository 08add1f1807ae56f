/**
 * The one webhook topic about exchanges (webhook-events.mdx): Plaid's warning that the exchange
 * needs its user to re-authenticate. Its `_links.resource` is undocumented; mock-dwolla points it
 * at the exchange (inferred, dwolla-verification-facts §10).
 */
export const EXCHANGE_TOPICS = ['customer_exchange_reauth_required'] as const
