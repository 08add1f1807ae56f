import { DwollaError, validationError, type EmbeddedError } from '../../errors.js'
import { exchangePartnerFromHref, type ExchangePartner } from '../exchange-partners/index.js'
import type { CredentialKind } from './exchange.js'
import { EXCHANGE_MESSAGES } from './exchange-messages.js'

/** A create body once checked: which partner, and what kind of credential vouched for the account. */
export interface ExchangeDraft {
  partner: ExchangePartner
  credential: CredentialKind
}

/** The longest credential string taken (Plaid's and MX's are well under 1 KiB; a Flinks token is base64 of two secrets). */
export const CREDENTIAL_MAX_LENGTH = 4096

/**
 * The failure sentinel: a credential containing `expired` or `invalid` (any letter case) is
 * refused as Dwolla refuses an expired partner token, 400 InvalidExchangeToken "Exchange token
 * is expired." (dwolla-verification-facts §7, Mock; inferred: offline, any other non-empty
 * credential is accepted, as no partner can be asked).
 */
export const FAILURE_SENTINELS = ['expired', 'invalid'] as const

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

function field(source: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(source, name) ? source[name] : undefined
}

/** Each credential kind: where its string is (a JSON pointer) and which partners issue it. */
const CREDENTIALS: ReadonlyArray<{ kind: CredentialKind; key: string; path: string; read: (value: unknown) => unknown; partners: readonly string[] }> = [
  // A processor token (MX, Flinks, Plaid secure exchange) or a Checkout.com payment id.
  { kind: 'token', key: 'token', path: '/token', read: (value) => value, partners: ['MX', 'Flinks', 'Plaid', 'Checkout.com'] },
  { kind: 'plaid', key: 'plaid', path: '/plaid/publicToken', read: (value) => asObject(value)?.publicToken, partners: ['Plaid'] },
  { kind: 'mx', key: 'mx', path: '/mx/availableConnectionToken', read: (value) => asObject(value)?.availableConnectionToken, partners: ['MX'] },
  { kind: 'finicity', key: 'finicity', path: '/finicity/receiptId', read: (value) => asObject(value)?.receiptId, partners: ['Finicity'] },
]

/**
 * A create body (POST /exchanges, POST /customers/{id}/exchanges) as a draft: the partner by its
 * `_links["exchange-partner"].href`, and exactly one credential its partner issues, checked and
 * dropped. Field problems are a ValidationError at their JSON pointers; a sentinel credential is
 * InvalidExchangeToken.
 */
export function readExchangeRequest(body: unknown, checkoutComPartner: boolean): ExchangeDraft {
  const source = asObject(body)
  if (source === undefined) throw new DwollaError('BadRequest')
  const problems: EmbeddedError[] = []
  const link = asObject(field(asObject(field(source, '_links')) ?? {}, 'exchange-partner'))
  const href = link === undefined ? undefined : field(link, 'href')
  const partner = exchangePartnerFromHref(href, checkoutComPartner)
  if (href === undefined || href === '')
    problems.push({ code: 'Required', message: EXCHANGE_MESSAGES.partnerRequired, path: '/_links/exchange-partner/href', _links: {} })
  else if (partner === undefined)
    problems.push({ code: 'Invalid', message: EXCHANGE_MESSAGES.partnerInvalid, path: '/_links/exchange-partner/href', _links: {} })
  const given = CREDENTIALS.filter((credential) => field(source, credential.key) !== undefined)
  const credential = given[0]
  if (credential === undefined) {
    problems.push({ code: 'Required', message: EXCHANGE_MESSAGES.credentialRequired, path: '/token', _links: {} })
    throw validationError(problems)
  }
  const value = credential.read(field(source, credential.key))
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ code: 'Required', message: `${credential.path.slice(credential.path.lastIndexOf('/') + 1)} required.`, path: credential.path, _links: {} })
  } else if (given.length > 1 || value.length > CREDENTIAL_MAX_LENGTH || (partner !== undefined && !credential.partners.includes(partner.name))) {
    problems.push({ code: 'Invalid', message: EXCHANGE_MESSAGES.credentialInvalid, path: credential.path, _links: {} })
  }
  if (problems.length > 0) throw validationError(problems)
  const lowered = (value as string).toLowerCase()
  if (FAILURE_SENTINELS.some((sentinel) => lowered.includes(sentinel))) throw new DwollaError('InvalidExchangeToken')
  return { partner: partner as ExchangePartner, credential: credential.kind }
}
