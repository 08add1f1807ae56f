import type { IncomingHttpHeaders } from 'node:http'

/** How redacted values read in the journal and logs. */
export const REDACTED = '[redacted]'

/** Enough of a token to tell tokens apart in a journal; far too little to use one. */
function shorten(secret: string): string {
  return secret.length <= 8 ? REDACTED : `${secret.slice(0, 6)}…`
}

const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'proxy-authorization'])

/** Request headers with credentials shortened: the scheme stays, so a test can tell how it authenticated. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string | string[] | undefined> {
  const copy: Record<string, string | string[] | undefined> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'authorization' && typeof value === 'string') copy[name] = redactAuthorization(value)
    else copy[name] = SECRET_HEADERS.has(name) ? REDACTED : value
  }
  return copy
}

function redactAuthorization(value: string): string {
  const match = /^\s*(\S+)\s+(\S+)/.exec(value)
  if (match === null) return REDACTED
  const [, scheme, credential] = match as unknown as [string, string, string]
  // A Basic credential is base64 of key:secret, so no part of it may show.
  return /^basic$/i.test(scheme) ? `${scheme} ${REDACTED}` : `${scheme} ${shorten(credential)}`
}

// `secret`: a webhook subscription's, which keys every signature made for it.
const SECRET_FIELDS = new Set(['client_secret', 'secret'])

/** A request body with its secret fields replaced; never the original object. */
export function redactBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const copy: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(body)) copy[name] = SECRET_FIELDS.has(name) ? REDACTED : value
  return copy
}

/** A URL with the values of secret query parameters replaced (a misconfigured client may send them there). */
export function redactUrl(url: string): string {
  const query = url.indexOf('?')
  if (query === -1) return url
  const params = new URLSearchParams(url.slice(query + 1))
  for (const name of SECRET_FIELDS) if (params.has(name)) params.set(name, REDACTED)
  return `${url.slice(0, query)}?${params.toString()}`
}
