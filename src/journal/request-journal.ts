import { parse as parseForm } from 'node:querystring'
import { mediaTypeOf } from '../http/media-types.js'
import { Redactor, secretsOf } from './redact.js'

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
  durationMs: number
}

export interface JournalFilter {
  operation?: string
  path?: string
  method?: string
}

// A record in the byte ring: its numbers (receivedAt, durationMs, status, bodyBytes, truncated),
// then each text as its length and UTF-8: id, method, url, headers, body, operation, clientId,
// fixtureRule.
const HEAD_BYTES = 8 + 8 + 4 + 4 + 1
const TEXTS = 8
/**
 * The most characters of each text a record keeps. Node already holds a request line and its
 * headers to 16 KiB; in-process requests (inject) are held to the same here. The body is cut in
 * bytes instead (JOURNAL_BODY_CAP), when written.
 */
const ID_CAP = 64
const HEADERS_CAP = 16 * 1024
const ABSENT = 0xffffffff

/**
 * The last requests, oldest first, kept as bytes in one ring of `byteLimit` bytes and at most
 * `limit` of them (where each starts is a second, small ring), the oldest going first. Nothing
 * of a request stays on the JavaScript heap: a record is its text, written into the ring when
 * the request ends and read back (parsed, redacted) only when the journal is read. So memory is exactly the budget however long the mock
 * runs and whatever it is sent, and keeping the journal costs the garbage collector nothing.
 */
export class RequestJournal {
  readonly #ring: Buffer
  /** Where each record starts in the ring, oldest first from `#oldest`: `#count` of them. */
  readonly #starts: Float64Array
  #oldest = 0
  #count = 0
  /** Where the next record goes. */
  #next = 0

  constructor(
    readonly limit: number,
    readonly byteLimit: number,
    /** Secrets to find by value in every entry: the configured application secrets. */
    readonly knownSecrets: () => Iterable<string> = () => [],
  ) {
    // Outside the JavaScript heap, and only touched (so only resident) as it fills.
    this.#ring = Buffer.allocUnsafeSlow(byteLimit)
    this.#starts = new Float64Array(limit)
  }

  get size(): number {
    return this.#count
  }

  /** Writes a record, dropping the oldest until it fits and at most `limit` are kept. */
  record(record: JournalRecord): void {
    const { id, method, url, headers, body, operation, clientId, fixtureRule } = record
    // Room for the worst case (three UTF-8 bytes per UTF-16 unit); the record takes what it uses.
    const room =
      HEAD_BYTES +
      4 * TEXTS +
      3 * (Math.min(id.length, ID_CAP) + Math.min(method.length, ID_CAP) + Math.min(url.length, HEADERS_CAP) + Math.min(headers.length, HEADERS_CAP)) +
      Math.min(3 * (body?.length ?? 0), JOURNAL_BODY_CAP) +
      3 * (Math.min(operation?.length ?? 0, LABEL_CAP) + Math.min(clientId?.length ?? 0, LABEL_CAP) + Math.min(fixtureRule?.length ?? 0, LABEL_CAP))
    const at = this.#reserve(room)
    let offset = at + HEAD_BYTES
    offset = this.#write(offset, id, ID_CAP)
    offset = this.#write(offset, method, ID_CAP)
    offset = this.#write(offset, url, HEADERS_CAP)
    offset = this.#write(offset, headers, HEADERS_CAP)
    offset = this.#write(offset, body, Number.POSITIVE_INFINITY, JOURNAL_BODY_CAP)
    offset = this.#write(offset, operation, LABEL_CAP)
    offset = this.#write(offset, clientId, LABEL_CAP)
    offset = this.#write(offset, fixtureRule, LABEL_CAP)
    const ring = this.#ring
    ring.writeDoubleLE(record.receivedAt, at)
    ring.writeDoubleLE(record.durationMs, at + 8)
    ring.writeInt32LE(record.status ?? -1, at + 16)
    ring.writeUInt32LE(record.bodyBytes, at + 20)
    ring[at + 24] = body !== undefined && record.bodyBytes > JOURNAL_BODY_CAP ? 1 : 0
    this.#starts[(this.#oldest + this.#count) % this.limit] = at
    this.#count += 1
    this.#next = offset
  }

  /** One text: its length in bytes, then its UTF-8, at most `characters` of it and `bytes` of that. */
  #write(offset: number, text: string | undefined, characters: number, bytes = this.#ring.length - offset - 4): number {
    if (text === undefined) {
      this.#ring.writeUInt32LE(ABSENT, offset)
      return offset + 4
    }
    // Buffer#write writes whole characters only, so a cut body ends on a character boundary.
    const written = this.#ring.write(text.length > characters ? text.slice(0, characters) : text, offset + 4, bytes)
    this.#ring.writeUInt32LE(written, offset)
    return offset + 4 + written
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase()
    const redactor = new Redactor(this.knownSecrets())
    const entries: JournalEntry[] = []
    for (let i = 0; i < this.#count; i++) {
      const { record, truncated } = this.#read(this.#starts[(this.#oldest + i) % this.limit] as number)
      if (filter.operation !== undefined && record.operation !== filter.operation) continue
      if (method !== undefined && record.method !== method) continue
      const entry = toEntry(record, truncated, redactor)
      if (filter.path !== undefined && entry.path !== filter.path) continue
      entries.push(entry)
    }
    return entries
  }

  clear(): void {
    this.#oldest = 0
    this.#count = 0
    this.#next = 0
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
        if (this.#next + room <= this.#ring.length) return this.#next
        // Not enough before the end: go on from 0, as a wrapped ring.
        this.#next = 0
      } else if (this.#next + room <= first) {
        return this.#next
      } else {
        this.#dropOldest()
      }
    }
  }

  #dropOldest(): void {
    this.#oldest = (this.#oldest + 1) % this.limit
    this.#count -= 1
  }

  #read(at: number): { record: JournalRecord; truncated: boolean } {
    const ring = this.#ring
    const texts: Array<string | undefined> = []
    let offset = at + HEAD_BYTES
    for (let i = 0; i < TEXTS; i++) {
      const length = ring.readUInt32LE(offset)
      offset += 4
      if (length === ABSENT) texts.push(undefined)
      else {
        texts.push(ring.toString('utf8', offset, offset + length))
        offset += length
      }
    }
    const [id, method, url, headers, body, operation, clientId, fixtureRule] = texts
    const status = ring.readInt32LE(at + 16)
    const record: JournalRecord = {
      id: id as string,
      receivedAt: ring.readDoubleLE(at),
      method: method as string,
      url: url as string,
      headers: headers as string,
      body,
      bodyBytes: ring.readUInt32LE(at + 20),
      operation,
      clientId,
      fixtureRule,
      status: status === -1 ? null : status,
      durationMs: ring.readDoubleLE(at + 8),
    }
    return { record, truncated: ring[at + 24] === 1 }
  }
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
