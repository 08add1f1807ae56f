import { parse as parseForm } from 'node:querystring'
import { mediaTypeOf } from '../http/media-types.js'
import { Redactor, secretsOf } from './redact.js'
import type { OperationId } from '../fixture-rules/fixture-types.js'

/** The most of one body the journal keeps, in bytes; past it the body is kept as cut text. */
export const JOURNAL_BODY_CAP = 16 * 1024

/** The smallest journal byte budget: room for the largest entry (URL, headers, body, at worst three bytes a character). */
export const JOURNAL_MIN_BYTES = 256 * 1024

/** The operation, client id and fixture rule id are short; kept up to this many characters. */
const LABEL_CAP = 1024

/** Bodies nested deeper than this are shown as their text: a view of them must not overflow a stack. */
const SHOWN_DEPTH = 32

/** One request as the journal shows it: secrets redacted, body capped. */
export interface JournalEntry {
  /** The request id, also sent back as X-Request-Id. */
  id: string
  /** When it arrived, by the mock's clock (ISO 8601). */
  time: string
  method: string
  /** The path without the query string. */
  path: string
  /** The query string (secret parameters redacted), or undefined. */
  query: string | undefined
  headers: Record<string, string | string[]>
  /**
   * The body with secrets redacted: parsed (JSON or form) when it can be, else its text; the first
   * JOURNAL_BODY_CAP bytes of its text when it was longer. Undefined when no body was read.
   */
  body: unknown
  /** The size of the body received, in bytes. */
  bodyBytes: number
  /** True when `body` is the start of a longer body. */
  bodyTruncated: boolean
  /** The operationId, or undefined for paths the document does not have. */
  operation: string | undefined
  /** The application: the key sent to /token, or the one the access token belongs to. */
  clientId: string | undefined
  /** The id of the fixture rule that answered or delayed it. */
  fixtureRule: string | undefined
  /** The status answered; null when nothing was: a fixture dropped the connection, or the client left first. */
  status: number | null
  /** The error code answered (`ValidationError`, `invalid_client`…); undefined for a success. */
  code: string | undefined
  /**
   * What refused it: `fixture rule <id>`, the fields a validation error names (`/email Invalid`),
   * or the check's message (an expired token, a full store…); undefined for a success.
   */
  reason: string | undefined
  durationMs: number
}

/** What is recorded of a request that has ended: its text, as it came (redacted when read). */
export interface JournalRecord {
  id: string
  receivedAt: number
  method: string
  url: string
  /** The request's raw headers, name and value alternating, joined by newlines (which no header holds). */
  headers: string
  /** The body's text as received; undefined when no body was read. */
  body: string | undefined
  /** The size of the body received (or declared, when it was never read), in bytes. */
  bodyBytes: number
  operation: string | undefined
  clientId: string | undefined
  fixtureRule: string | undefined
  status: number | null
  code: string | undefined
  reason: string | undefined
  durationMs: number
}

/** What the journal can be filtered by (test-double-filters.ts checks and documents each). */
export interface JournalFilter {
  application?: string
  operation?: OperationId
  path?: string
  method?: string
  status?: number
  code?: string
}

/** How many texts a record has: id, method, url, headers, body, operation, clientId, fixtureRule, code, reason. */
const TEXTS = 10
/**
 * The most characters of each text a record keeps. Node already holds a request line and its
 * headers to 16 KiB; in-process requests (inject) are held to the same here. The body is cut in
 * bytes instead (JOURNAL_BODY_CAP).
 */
const ID_CAP = 64
const HEADERS_CAP = 16 * 1024
/** The length kept for a text that is undefined (no text is this long: they are capped). */
const ABSENT = 0xffffffff

/**
 * The last requests, oldest first, at most `limit` of them and their texts in one ring of
 * `byteLimit` bytes, the oldest going first. Each record has a slot (a second, small ring of
 * `limit` slots, `#oldest` the first): typed-array columns hold its numbers, where its bytes lie
 * in the ring, and the length of each of its texts in UTF-16 units; the ring holds the texts,
 * one after the other, as UTF-8. A record is written with one string write and read with one
 * decode, cut by those lengths. Nothing of a request stays on the JavaScript heap: a record is
 * read back (parsed, redacted) only when the journal is read. So memory is fixed by the limits
 * however long the mock runs and whatever it is sent, and keeping the journal costs the garbage
 * collector nothing.
 */
export class RequestJournal {
  readonly #ring: Buffer
  /** Where each slot's record starts in the ring, and how many bytes it takes. */
  readonly #starts: Float64Array
  readonly #byteLengths: Uint32Array
  /** Each slot's texts' lengths in UTF-16 units (or ABSENT), TEXTS to a slot. */
  readonly #textLengths: Uint32Array
  readonly #receivedAt: Float64Array
  readonly #durationMs: Float64Array
  /** The status, or -1 for none. */
  readonly #status: Int32Array
  readonly #bodyBytes: Float64Array
  /** 1 when the body kept is the start of a longer one. */
  readonly #truncated: Uint8Array
  /** 1 for a record forgotten with its application (a reset of one application): kept in the ring, never shown. */
  readonly #forgotten: Uint8Array
  #forgottenCount = 0
  #oldest = 0
  #count = 0
  /** Where the next record's bytes go. */
  #next = 0
  /** The end of the furthest record ever written. */
  #touched = 0

  constructor(
    readonly limit: number,
    readonly byteLimit: number,
    /** Secrets to find by value in every entry: the configured application secrets. */
    readonly knownSecrets: () => Iterable<string> = () => [],
  ) {
    // Outside the JavaScript heap, and only touched (so only resident) as it fills.
    this.#ring = Buffer.allocUnsafeSlow(byteLimit)
    this.#starts = new Float64Array(limit)
    this.#byteLengths = new Uint32Array(limit)
    this.#textLengths = new Uint32Array(limit * TEXTS)
    this.#receivedAt = new Float64Array(limit)
    this.#durationMs = new Float64Array(limit)
    this.#status = new Int32Array(limit)
    this.#bodyBytes = new Float64Array(limit)
    this.#truncated = new Uint8Array(limit)
    this.#forgotten = new Uint8Array(limit)
  }

  /** How much of the ring has ever been written to (the most of it that is resident). */
  get touchedBytes(): number {
    return this.#touched
  }

  /** How many records are shown. */
  get size(): number {
    return this.#count - this.#forgottenCount
  }

  /** Writes a record, dropping the oldest until it fits and at most `limit` are kept. */
  record(record: JournalRecord): void {
    const id = capped(record.id, ID_CAP)
    const method = capped(record.method, ID_CAP)
    const url = capped(record.url, HEADERS_CAP)
    const headers = capped(record.headers, HEADERS_CAP)
    const operation = record.operation === undefined ? undefined : capped(record.operation, LABEL_CAP)
    const clientId = record.clientId === undefined ? undefined : capped(record.clientId, LABEL_CAP)
    const fixtureRule = record.fixtureRule === undefined ? undefined : capped(record.fixtureRule, LABEL_CAP)
    const code = record.code === undefined ? undefined : capped(record.code, LABEL_CAP)
    const reason = record.reason === undefined ? undefined : capped(record.reason, LABEL_CAP)
    // A UTF-16 unit takes at most three bytes, so a body of up to a third of the cap in units is
    // within it as it is; only a longer one is measured.
    const sent = record.body
    const body = sent === undefined ? undefined : 3 * sent.length <= JOURNAL_BODY_CAP ? capped(sent, sent.length) : bodyWithin(sent)
    const bodyLength = body?.length ?? 0
    const texts = id + method + url + headers + (body ?? '') + (operation ?? '') + (clientId ?? '') + (fixtureRule ?? '') + (code ?? '') + (reason ?? '')
    // Room for the worst case (three bytes a unit, the body no more than its cap), so the one
    // write below never stops short; the record takes what it uses.
    const room = 3 * (texts.length - bodyLength) + Math.min(3 * bodyLength, JOURNAL_BODY_CAP)
    const at = this.#reserve(room)
    const written = this.#ring.write(texts, at, room)
    if (at + written > this.#touched) this.#touched = at + written
    const slot = (this.#oldest + this.#count) % this.limit
    this.#starts[slot] = at
    this.#byteLengths[slot] = written
    const lengths = this.#textLengths
    const first = slot * TEXTS
    lengths[first] = id.length
    lengths[first + 1] = method.length
    lengths[first + 2] = url.length
    lengths[first + 3] = headers.length
    lengths[first + 4] = body === undefined ? ABSENT : body.length
    lengths[first + 5] = operation === undefined ? ABSENT : operation.length
    lengths[first + 6] = clientId === undefined ? ABSENT : clientId.length
    lengths[first + 7] = fixtureRule === undefined ? ABSENT : fixtureRule.length
    lengths[first + 8] = code === undefined ? ABSENT : code.length
    lengths[first + 9] = reason === undefined ? ABSENT : reason.length
    this.#forgotten[slot] = 0
    this.#receivedAt[slot] = record.receivedAt
    this.#durationMs[slot] = record.durationMs
    this.#status[slot] = record.status ?? -1
    this.#bodyBytes[slot] = record.bodyBytes
    this.#truncated[slot] = body !== undefined && record.bodyBytes > JOURNAL_BODY_CAP ? 1 : 0
    this.#count += 1
    this.#next = at + written
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase()
    const redactor = new Redactor(this.knownSecrets())
    const entries: JournalEntry[] = []
    for (let i = 0; i < this.#count; i++) {
      const slot = (this.#oldest + i) % this.limit
      if (this.#forgotten[slot] === 1) continue
      const record = this.#read(slot)
      if (filter.operation !== undefined && record.operation !== filter.operation) continue
      if (method !== undefined && record.method !== method) continue
      if (filter.application !== undefined && record.clientId !== filter.application) continue
      if (filter.status !== undefined && record.status !== filter.status) continue
      if (filter.code !== undefined && record.code !== filter.code) continue
      const entry = toEntry(record, this.#truncated[slot] === 1, redactor)
      if (filter.path !== undefined && entry.path !== filter.path) continue
      entries.push(entry)
    }
    return entries
  }

  /**
   * `limit` entries from the `offset`th newest, newest first: only those records are read back
   * (the dashboard's page of the journal costs the same whatever the journal holds).
   */
  newestFirst(offset: number, limit: number): JournalEntry[] {
    const redactor = new Redactor(this.knownSecrets())
    const entries: JournalEntry[] = []
    let skipped = 0
    for (let i = this.#count - 1; i >= 0 && entries.length < limit; i--) {
      const slot = (this.#oldest + i) % this.limit
      if (this.#forgotten[slot] === 1) continue
      if (skipped < offset) skipped += 1
      else entries.push(toEntry(this.#read(slot), this.#truncated[slot] === 1, redactor))
    }
    return entries
  }

  /** Forgets an application's records (a reset of that application); the others stay as they are. */
  forgetApplication(clientId: string): void {
    for (let i = 0; i < this.#count; i++) {
      const slot = (this.#oldest + i) % this.limit
      if (this.#forgotten[slot] === 1 || this.#read(slot).clientId !== clientId) continue
      this.#forgotten[slot] = 1
      this.#forgottenCount += 1
    }
  }

  clear(): void {
    this.#oldest = 0
    this.#count = 0
    this.#next = 0
    this.#forgotten.fill(0)
    this.#forgottenCount = 0
  }

  /**
   * Where a record of at most `room` bytes goes, once the records in its way are dropped. The
   * records lie in [first, next), or, when the ring has wrapped, in [first, end) and [0, next).
   */
  #reserve(room: number): number {
    if (this.#count === this.limit) this.#dropOldest()
    for (;;) {
      if (this.#count === 0) return (this.#next = 0)
      const first = this.#starts[this.#oldest] as number
      if (first < this.#next) {
        // Go on from 0, as a wrapped ring, as soon as the record fits before the oldest (not
        // only at the end): the ring then only touches, so makes resident, about the bytes of
        // the records kept, not the whole budget however small the requests.
        if (room > first && this.#next + room <= this.#ring.length) return this.#next
        this.#next = 0
      } else if (this.#next + room <= first) {
        return this.#next
      } else {
        this.#dropOldest()
      }
    }
  }

  #dropOldest(): void {
    if (this.#forgotten[this.#oldest] === 1) {
      this.#forgotten[this.#oldest] = 0
      this.#forgottenCount -= 1
    }
    this.#oldest = (this.#oldest + 1) % this.limit
    this.#count -= 1
  }

  /**
   * A slot's record. Its bytes decode to as many UTF-16 units as its texts had, so its texts
   * are cut from them by their lengths: Buffer#write writes a character as one to three bytes
   * that decode to it, a surrogate pair as four that decode to the pair, and a lone surrogate as
   * the three of U+FFFD, which decode to that one unit. (`capped` sees that no lone surrogate
   * ends a text, so none pairs with the start of the next.)
   */
  #read(slot: number): JournalRecord {
    const start = this.#starts[slot] as number
    const bytes = this.#ring.toString('utf8', start, start + (this.#byteLengths[slot] as number))
    const texts: Array<string | undefined> = []
    let offset = 0
    for (let i = 0; i < TEXTS; i++) {
      const length = this.#textLengths[slot * TEXTS + i] as number
      if (length === ABSENT) texts.push(undefined)
      else {
        texts.push(bytes.slice(offset, offset + length))
        offset += length
      }
    }
    const [id, method, url, headers, body, operation, clientId, fixtureRule, code, reason] = texts
    const status = this.#status[slot] as number
    return {
      id: id as string,
      receivedAt: this.#receivedAt[slot] as number,
      method: method as string,
      url: url as string,
      headers: headers as string,
      body,
      bodyBytes: this.#bodyBytes[slot] as number,
      operation,
      clientId,
      fixtureRule,
      status: status === -1 ? null : status,
      code,
      reason,
      durationMs: this.#durationMs[slot] as number,
    }
  }
}

/**
 * A text's first `characters` units, as it is kept. A high surrogate that ends it (one cut off
 * its pair, or one alone) becomes U+FFFD, as Buffer#write writes it: written just before the
 * next text, it would otherwise pair with a low surrogate starting that one. Only a text over
 * its cap, or with that rare end, is copied.
 */
function capped(text: string, characters: number): string {
  const kept = text.length > characters ? text.slice(0, characters) : text
  return (kept.charCodeAt(kept.length - 1) & 0xfc00) === 0xd800 ? `${kept.slice(0, -1)}\ufffd` : kept
}

/** Where a long body is encoded to find where the cap cuts it. */
const bodyScratch = Buffer.allocUnsafeSlow(JOURNAL_BODY_CAP)

/**
 * A body that may be past JOURNAL_BODY_CAP bytes: whole when it is not, else the whole
 * characters that fit (Buffer#write writes no partial one), read back as text.
 */
function bodyWithin(body: string): string {
  if (Buffer.byteLength(body) <= JOURNAL_BODY_CAP) return capped(body, body.length)
  return bodyScratch.toString('utf8', 0, bodyScratch.write(body, 0, JOURNAL_BODY_CAP))
}

function toEntry(record: JournalRecord, truncated: boolean, serverRedactor: Redactor): JournalEntry {
  const headers = headerObject(record.headers)
  const parsed = record.body === undefined || truncated ? undefined : parseBody(record.body, headers['content-type'])
  const authorization = headers.authorization
  const redactor = serverRedactor.with(secretsOf(typeof authorization === 'string' ? authorization : undefined, parsed?.value))
  const url = redactor.text(record.url)
  const query = url.indexOf('?')
  const shownHeaders: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(headers)) {
    shownHeaders[name] = Array.isArray(value) ? value.map((item) => redactor.header(name, item)) : redactor.header(name, value)
  }
  return {
    id: record.id,
    time: new Date(record.receivedAt).toISOString(),
    method: record.method,
    path: query === -1 ? url : url.slice(0, query),
    query: query === -1 ? undefined : url.slice(query + 1),
    headers: shownHeaders,
    body: parsed !== undefined ? redactor.value(parsed.value) : record.body === undefined ? undefined : redactor.text(record.body),
    bodyBytes: record.bodyBytes,
    bodyTruncated: truncated,
    operation: record.operation,
    clientId: record.clientId,
    fixtureRule: record.fixtureRule,
    status: record.status,
    code: record.code,
    reason: record.reason,
    durationMs: Math.round(record.durationMs * 1000) / 1000,
  }
}

/** Raw header lines back to an object with lowercase names; a repeated header as a list. */
function headerObject(lines: string): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  const parts = lines === '' ? [] : lines.split('\n')
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const name = (parts[i] as string).toLowerCase()
    const value = parts[i + 1] as string
    const seen = headers[name]
    headers[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  return headers
}

/** A body as a value, when it is JSON or a form, not nested too deep to show; else undefined. */
function parseBody(text: string, contentType: string | string[] | undefined): { value: unknown } | undefined {
  const mediaType = mediaTypeOf(Array.isArray(contentType) ? contentType[0] : contentType)
  // Every field, as the body parser reads them (its default would drop those past 1,000).
  if (mediaType === 'application/x-www-form-urlencoded') return { value: parseForm(text, undefined, undefined, { maxKeys: 0 }) }
  if (mediaType === undefined || !(mediaType === 'application/json' || mediaType.endsWith('+json'))) return undefined
  if (nestingOf(text) > SHOWN_DEPTH) return undefined
  try {
    // A byte order mark is tolerated by the body parser (RFC 8259 §8.1), so here too.
    return { value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
  } catch {
    return undefined
  }
}

/** How deeply a JSON text nests arrays and objects, strings skipped. */
function nestingOf(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (inString) {
      if (code === 0x5c) i += 1
      else if (code === 0x22) inString = false
    } else if (code === 0x22) inString = true
    else if (code === 0x5b || code === 0x7b) deepest = Math.max(deepest, ++depth)
    else if (code === 0x5d || code === 0x7d) depth -= 1
  }
  return deepest
}
