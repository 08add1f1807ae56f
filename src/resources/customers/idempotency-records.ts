import { createHash } from 'node:crypto'

/** One POST /customers that carried an Idempotency-Key: the key's digest and what it created. */
export interface IdempotencyRecord {
  /** SHA-256 of the key, hex: keys can be long, digests are not, and nothing secret is kept. */
  key: string
  customerId: string
  /** When it was first answered, in milliseconds by the mock's clock. */
  at: number
}

/** "A repeat with the same key within 24 hours returns the original response" (idempotency-key.mdx). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000

export function idempotencyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/**
 * The Idempotency-Keys an application has used, bounded two ways: a record is forgotten 24 hours
 * after it was made, and past `limit` records the oldest goes. Records are kept in the order they
 * were made (the clock only moves forward), so both evictions only ever look at the oldest.
 */
export class IdempotencyRecords {
  readonly #records = new Map<string, IdempotencyRecord>()
  /** The digests remembered since takeChanges() last answered; undefined until it is first asked. */
  #unsaved: Set<string> | undefined

  constructor(
    /** Read at each use: customerLimit, which a fixture reload may change. */
    private readonly limit: () => number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.#records.size
  }

  /** The customer a key created, if the key was used within the window. */
  find(key: string): string | undefined {
    this.#forgetExpired()
    return this.#records.get(idempotencyDigest(key))?.customerId
  }

  remember(key: string, customerId: string): void {
    const digest = idempotencyDigest(key)
    this.#records.delete(digest)
    this.#records.set(digest, { key: digest, customerId, at: this.now() })
    this.#unsaved?.add(digest)
    this.#forgetExpired()
  }

  /**
   * The records remembered since the last call and still kept (see CustomerStore.takeChanges);
   * the first call starts noting them and answers undefined. A record forgotten is not told:
   * restore() forgets it again by its time.
   */
  takeChanges(): IdempotencyRecord[] | undefined {
    if (this.#unsaved === undefined) {
      this.#unsaved = new Set()
      return undefined
    }
    const changed = [...this.#unsaved].flatMap((digest) => {
      const record = this.#records.get(digest)
      return record === undefined ? [] : [{ ...record }]
    })
    this.#unsaved.clear()
    return changed
  }

  snapshot(): IdempotencyRecord[] {
    return [...this.#records.values()].map((record) => ({ ...record }))
  }

  /**
   * Records as snapshot() gave them (digests already), put back oldest first whatever their order
   * (a journal replayed over a snapshot appends a key used again at the end, or leaves it where it was).
   */
  restore(records: readonly IdempotencyRecord[]): void {
    this.#records.clear()
    for (const record of [...records].sort((a, b) => a.at - b.at)) {
      this.#records.delete(record.key)
      this.#records.set(record.key, { ...record })
    }
    this.#forgetExpired()
  }

  #forgetExpired(): void {
    const oldestKept = this.now() - IDEMPOTENCY_WINDOW_MS
    for (const [digest, record] of this.#records) {
      if (record.at > oldestKept && this.#records.size <= this.limit()) break
      this.#records.delete(digest)
    }
  }
}
