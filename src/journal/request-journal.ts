import type { IncomingHttpHeaders } from 'node:http'
import { redactBody, redactHeaders, redactUrl } from './redact.js'

/** Bodies larger than this are shown as their size only. */
export const JOURNAL_BODY_CAP = 16 * 1024

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
  headers: Record<string, string | string[] | undefined>
  /** The parsed body with secrets redacted; `{truncated, bytes}` past the journal's body cap. */
  body: unknown
  /** The operationId, or undefined for paths the document does not have. */
  operation: string | undefined
  /** The application: the key sent to /token, or the one the access token belongs to. */
  clientId: string | undefined
  /** The id of the fixture rule that answered or delayed it. */
  fixtureRule: string | undefined
  /** The status answered; null when a fixture dropped the connection. */
  status: number | null
  durationMs: number
}

/**
 * What the journal holds per request: references to what the request already has, so recording
 * costs next to nothing on the request path. Redaction happens when the journal is read.
 */
export interface JournalRecord {
  id: string
  receivedAt: number
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: unknown
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

/**
 * The last `limit` requests, oldest first, in a fixed-size ring: memory stays flat however long
 * the mock runs (an unbounded journal is how other mocks run out of memory).
 */
export class RequestJournal {
  readonly #records: Array<JournalRecord | undefined>
  #next = 0
  #size = 0

  constructor(readonly limit: number) {
    this.#records = new Array(limit)
  }

  get size(): number {
    return this.#size
  }

  record(record: JournalRecord): void {
    this.#records[this.#next] = record
    this.#next = (this.#next + 1) % this.limit
    this.#size = Math.min(this.#size + 1, this.limit)
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const start = (this.#next - this.#size + this.limit) % this.limit
    const method = filter.method?.toUpperCase()
    const entries: JournalEntry[] = []
    for (let i = 0; i < this.#size; i++) {
      const entry = toEntry(this.#records[(start + i) % this.limit] as JournalRecord)
      if (filter.operation !== undefined && entry.operation !== filter.operation) continue
      if (filter.path !== undefined && entry.path !== filter.path) continue
      if (method !== undefined && entry.method !== method) continue
      entries.push(entry)
    }
    return entries
  }

  clear(): void {
    this.#records.fill(undefined)
    this.#next = 0
    this.#size = 0
  }
}

function toEntry(record: JournalRecord): JournalEntry {
  const url = redactUrl(record.url)
  const query = url.indexOf('?')
  return {
    id: record.id,
    time: new Date(record.receivedAt).toISOString(),
    method: record.method,
    path: query === -1 ? url : url.slice(0, query),
    query: query === -1 ? undefined : url.slice(query + 1),
    headers: redactHeaders(record.headers),
    body: record.bodyBytes > JOURNAL_BODY_CAP ? { truncated: true, bytes: record.bodyBytes } : redactBody(record.body),
    operation: record.operation,
    clientId: record.clientId,
    fixtureRule: record.fixtureRule,
    status: record.status,
    durationMs: Math.round(record.durationMs * 1000) / 1000,
  }
}
