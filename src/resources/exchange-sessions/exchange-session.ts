/**
 * An exchange session as mock-dwolla keeps it: plain data, no HTTP. A session starts a partner's
 * bank-linking flow for a customer (dev-portal open-banking/*.mdx): Plaid's Link (a link token),
 * MX Connect (a page to open), Checkout.com's payment flow (session data). Offline, the flow is
 * simulated: the test double completes a session (admin-routes.ts), which hands back what the
 * partner's flow would (a Plaid public token, MX's available connections, a Checkout.com payment id).
 */

/** Which partner flow a session runs, by its partner's name. */
export type SessionFlow = 'plaid' | 'mx' | 'checkout'

/** An account the customer linked in MX Connect, offered by GET /customers/{id}/available-exchange-connections. */
export interface AvailableConnection {
  name: string
  /** What POST /customers/{id}/exchanges takes as `mx.availableConnectionToken`: base64 of JSON `{accountId, memberId}` (MX's, per Dwolla's docs). */
  availableConnectionToken: string
}

/** Checkout.com's payment-session data (the `dwolla` SDK's ExternalProviderSessionData). */
export interface CheckoutSessionData {
  id: string
  payment_session_secret: string
  payment_session_token: string
}

export interface ExchangeSession {
  /** A lowercase UUID. */
  id: string
  customerId: string
  partnerId: string
  flow: SessionFlow
  /** In milliseconds by the mock's clock. */
  created: number
  /** `_links["redirect-url"].href` as sent (Plaid mobile: an Android package name or an iOS https URL). */
  redirectUrl?: string
  /** A re-authentication session's exchange (POST /exchanges/{id}/exchange-sessions). */
  exchangeId?: string
  /** Plaid: the Link token, `link-sandbox-<uuid>` (dwolla-verification-facts §8, Mock). */
  externalProviderSessionToken?: string
  /** Checkout.com: fake `ps_…` data (dwolla-verification-facts §8, Mock). */
  externalProviderSessionData?: CheckoutSessionData
  /** Whether the test double completed it; MX's connections appear then. */
  completed: boolean
  /** MX, once completed: the two accounts linked (a checking and a savings, inferred). */
  connections?: AvailableConnection[]
}

/** What completing a session hands back, as the partner's flow would to the browser or app. */
export interface SessionCompletion {
  /** Plaid: the public token for `plaid.publicToken`. */
  publicToken?: string
  /** MX: the connections now listed for the customer. */
  availableConnections?: AvailableConnection[]
  /** Checkout.com: the payment id for `token`. */
  token?: string
  /** A re-authentication session: its exchange, now active again. */
  exchangeId?: string
}
