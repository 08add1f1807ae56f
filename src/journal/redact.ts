import { basicCredentialsOf } from '../http/client-credentials.js'

/** How redacted values read in the journal and logs. */
export const REDACTED = '[redacted]'

/**
 * Keys whose values are secrets, in any letter case, at any depth, in JSON, forms and query
 * strings: credentials; a webhook subscription's `secret` (it keys every signature made for it);
 * and what Dwolla itself never shows again once sent, a customer's ssn, dateOfBirth and ein.
 */
const SECRET_KEYS = new Set(['client_secret', 'access_token', 'secret', 'ssn', 'dateofbirth', 'ein'])
const SECRET_KEY_NAMES = [...SECRET_KEYS].join('|')
/**
 * `client_secret=…` in a form or query string, up to the next field; also as the last bracketed
 * part of a key (`controller[ssn]=…`, its brackets percent-encoded or not).
 */
const SECRET_FIELD = new RegExp(`(^|[?&;\\s])((?:[^=&;#\\s]*?(?:\\[|%5B))?(?:${SECRET_KEY_NAMES})(?:\\]|%5D)?)=[^&;#\\s]*`, 'gi')
/** `"client_secret": "…"` (or a number) in JSON text, to the closing quote or the end of a cut-off text. */
const SECRET_MEMBER = new RegExp(`("(?:${SECRET_KEY_NAMES})"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*(?:"|$)|-?[0-9][0-9.eE+-]*)`, 'gi')
/** A key, or the last bracketed part of a form key (`controller[ssn]`), names a secret. */
function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase()
  const bracketed = /\[([^\]]*)\]$/.exec(lower)
  return SECRET_KEYS.has(bracketed === null ? lower : (bracketed[1] as string))
}
/** Fifty alphanumerics in a row are what a Dwolla token looks like: shortened wherever they appear. */
const TOKEN_RUN = /(?<![0-9A-Za-z])([0-9A-Za-z]{6})[0-9A-Za-z]{44}(?![0-9A-Za-z])/g
/**
 * A secret known by its value is searched for wherever it could appear; a very short one would
 * match by chance (and turn ordinary words to [redacted]), so only from this length on. Shorter
 * ones are still redacted where they stand as client_secret or in Basic credentials.
 */
const SEARCHED_SECRET_LENGTH = 8

const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'proxy-authorization'])

/** Enough of a token to tell tokens apart in a journal; far too little to use one. */
function shorten(secret: string): string {
  return secret.length <= 8 ? REDACTED : `${secret.slice(0, 6)}…`
}

/**
 * Redacts secrets by what they are, wherever they appear: values under a secret key (any case,
 * any depth), Basic credentials and cookies, token-shaped values (shortened), and the values of
 * secrets known to this request or this server (configured application secrets) in any text.
 */
export class Redactor {
  readonly #known: readonly string[]

  /** `known`: secret values to find anywhere (those too short to search for are left out). */
  constructor(known: Iterable<string>) {
    const searched = [...new Set(known)].filter((secret) => secret.length >= SEARCHED_SECRET_LENGTH)
    // Every form a value takes in a URL or a form body, too, longest first.
    this.#known = [...new Set(searched.flatMap((secret) => [secret, encodeURIComponent(secret), encodeURIComponent(secret).replaceAll('%20', '+')]))].sort(
      (a, b) => b.length - a.length,
    )
  }

  /** A new redactor that also knows these secrets. */
  with(secrets: Iterable<string>): Redactor {
    return new Redactor([...this.#known, ...secrets])
  }

  /** Free text: a URL, a header value, a body shown as text. */
  text(value: string): string {
    let redacted = value
    for (const secret of this.#known) if (redacted.includes(secret)) redacted = redacted.replaceAll(secret, REDACTED)
    return redacted.replace(SECRET_FIELD, `$1$2=${REDACTED}`).replace(SECRET_MEMBER, `$1"${REDACTED}"`).replace(TOKEN_RUN, '$1…')
  }

  /** A parsed body (JSON or form): a copy with secret keys' values replaced and every string redacted. */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value)
    if (Array.isArray(value)) return value.map((item) => this.value(item))
    if (typeof value !== 'object' || value === null) return value
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      // defineProperty, so a `__proto__` key stays a key (the body parsers allow it as data).
      Object.defineProperty(copy, key, { value: isSecretKey(key) ? REDACTED : this.value(item), enumerable: true, writable: true, configurable: true })
    }
    return copy
  }

  /** A request header's value: credentials shortened, the scheme kept so a test can tell how it authenticated. */
  header(name: string, value: string): string {
    if (SECRET_HEADERS.has(name)) return REDACTED
    if (name !== 'authorization') return this.text(value)
    const match = /^\s*(\S+)\s+(\S+)/.exec(value)
    if (match === null) return REDACTED
    const [, scheme, credential] = match as unknown as [string, string, string]
    // A Basic credential is base64 of key:secret, so no part of it may show.
    return /^basic$/i.test(scheme) ? `${scheme} ${REDACTED}` : `${scheme} ${shorten(credential)}`
  }
}

/** The secret values a request carries where a client puts them: Basic credentials, client_secret fields. */
export function secretsOf(authorization: string | undefined, body: unknown): string[] {
  const secrets: string[] = []
  const basic = basicCredentialsOf(authorization)
  if (basic !== undefined) secrets.push(basic.secret)
  collectSecretValues(body, secrets, 0)
  return secrets
}

function collectSecretValues(value: unknown, into: string[], depth: number): void {
  if (typeof value !== 'object' || value === null || depth > 32) return
  for (const [key, item] of Object.entries(value)) {
    if (isSecretKey(key) && typeof item === 'string') into.push(item)
    else collectSecretValues(item, into, depth + 1)
  }
}
