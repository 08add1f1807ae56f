/** One request as the journal keeps it: secrets redacted, body capped. */
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
  readonly #entries: Array<JournalEntry | undefined>
  #next = 0
  #size = 0

  constructor(readonly limit: number) {
    this.#entries = new Array(limit)
  }

  get size(): number {
    return this.#size
  }

  record(entry: JournalEntry): void {
    this.#entries[this.#next] = entry
    this.#next = (this.#next + 1) % this.limit
    this.#size = Math.min(this.#size + 1, this.limit)
  }

  list(filter: JournalFilter = {}): JournalEntry[] {
    const start = (this.#next - this.#size + this.limit) % this.limit
    const entries: JournalEntry[] = []
    for (let i = 0; i < this.#size; i++) {
      const entry = this.#entries[(start + i) % this.limit] as JournalEntry
      if (filter.operation !== undefined && entry.operation !== filter.operation) continue
      if (filter.path !== undefined && entry.path !== filter.path) continue
      if (filter.method !== undefined && entry.method !== filter.method.toUpperCase()) continue
      entries.push(entry)
    }
    return entries
  }

  clear(): void {
    this.#entries.fill(undefined)
    this.#next = 0
    this.#size = 0
  }
}
