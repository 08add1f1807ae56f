import { DwollaError, validationError } from '../../errors.js'
import { exchangePartnerFromHref, type ExchangePartner } from '../exchange-partners/index.js'
import type { SessionFlow } from './exchange-session.js'
import { SESSION_MESSAGES } from './session-messages.js'

/** The longest redirect URL taken: a URL or an Android package name (dev-portal open-banking/plaid.mdx). */
export const REDIRECT_URL_MAX_LENGTH = 2048

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function linkHref(links: Record<string, unknown> | undefined, relation: string): unknown {
  const link = links !== undefined && Object.hasOwn(links, relation) ? asObject(links[relation]) : undefined
  return link !== undefined && Object.hasOwn(link, 'href') ? link.href : undefined
}

/**
 * `_links["redirect-url"].href`, when given: any non-empty string (Plaid on Android sends a
 * package name, not a URL); no allow-list is checked, as no account's configured URLs are known
 * offline (dwolla-verification-facts §8, Mock).
 */
export function readRedirectUrl(body: unknown): string | undefined {
  if (body === undefined || body === null || body === '') return undefined
  const source = asObject(body)
  if (source === undefined) throw new DwollaError('BadRequest')
  const links = asObject(Object.hasOwn(source, '_links') ? source._links : undefined)
  const present = links !== undefined && Object.hasOwn(links, 'redirect-url')
  if (!present) return undefined
  const href = linkHref(links, 'redirect-url')
  if (typeof href === 'string' && href.trim() !== '' && href.length <= REDIRECT_URL_MAX_LENGTH) return href
  throw validationError([{ code: 'Invalid', message: SESSION_MESSAGES.redirectInvalid, path: '/_links/redirect-url/href', _links: {} }])
}

/** The partner a create body names, else ValidationError at /_links/exchange-partner/href in Dwolla's words. */
export function readSessionPartner(body: unknown, checkoutComPartner: boolean): ExchangePartner {
  const source = asObject(body)
  if (source === undefined) throw new DwollaError('BadRequest')
  const partner = exchangePartnerFromHref(
    linkHref(asObject(Object.hasOwn(source, '_links') ? source._links : undefined), 'exchange-partner'),
    checkoutComPartner,
  )
  if (partner === undefined) {
    throw validationError([{ code: 'Invalid', message: SESSION_MESSAGES.partnerInvalid, path: '/_links/exchange-partner/href', _links: {} }])
  }
  return partner
}

/**
 * The flow a partner's session runs: Plaid's Link, MX Connect, Checkout.com's payment flow.
 * Finicity and Flinks have none (their exchanges come from their own secure-exchange tokens,
 * create-an-exchange.mdx): undefined (inferred).
 */
export function flowOf(partner: ExchangePartner): SessionFlow | undefined {
  switch (partner.name) {
    case 'Plaid':
      return 'plaid'
    case 'MX':
      return 'mx'
    case 'Checkout.com':
      return 'checkout'
    case 'Finicity':
    case 'Flinks':
      return undefined
  }
}
