/** What a token lookup found. Expired tokens stay recognisable so they can answer ExpiredAccessToken. */
export type TokenLookup<T> =
  | { status: 'valid'; record: IssuedToken<T> }
  | { status: 'expired'; record: IssuedToken<T> }
  | { status: 'unknown' }

export interface IssuedToken<T> {
  token: string
  issuedAt: number
  expiresAt: number
  details: T
}

/**
 * The tokens of one kind this server issued. Bounded two ways: a token is forgotten one lifetime
 * after it expires, and once `limit` are held the oldest goes first. Tokens are kept in issue
 * order in a queue beside the Map, so eviction only ever looks at the queue's head: O(1)
 * amortised per issue. (Walking a Map from its start instead would step over every slot deleted
 * since V8 last rehashed it, which under constant churn costs more than the rest of a request.)
 */
export class TokenStore<T> {
  readonly #tokens = new Map<string, IssuedToken<T>>()
  #queue: Array<IssuedToken<T>> = []
  #head = 0
  readonly #limit: number
  #lifetimeMs: number
  readonly #now: () => number

  constructor(options: { limit: number; lifetimeSeconds: number; now: () => number }) {
    this.#limit = options.limit
    this.#lifetimeMs = options.lifetimeSeconds * 1000
    this.#now = options.now
  }

  get size(): number {
    return this.#tokens.size
  }

  get lifetimeSeconds(): number {
    return this.#lifetimeMs / 1000
  }

  /** Applies to tokens issued from now on (fixture files can change it on reload). */
  set lifetimeSeconds(seconds: number) {
    this.#lifetimeMs = seconds * 1000
  }

  add(token: string, details: T): IssuedToken<T> {
    const issuedAt = this.#now()
    const record = { token, issuedAt, expiresAt: issuedAt + this.#lifetimeMs, details }
    this.#tokens.set(token, record)
    this.#queue.push(record)
    this.#evict(issuedAt)
    return record
  }

  lookup(token: string): TokenLookup<T> {
    const record = this.#tokens.get(token)
    if (record === undefined) return { status: 'unknown' }
    return this.#now() < record.expiresAt ? { status: 'valid', record } : { status: 'expired', record }
  }

  delete(token: string): boolean {
    // The queue keeps its entry; eviction skips records the Map no longer holds.
    return this.#tokens.delete(token)
  }

  clear(): void {
    this.#tokens.clear()
    this.#queue = []
    this.#head = 0
  }

  list(): IssuedToken<T>[] {
    return [...this.#tokens.values()]
  }

  #evict(now: number): void {
    while (this.#head < this.#queue.length) {
      const oldest = this.#queue[this.#head] as IssuedToken<T>
      const held = this.#tokens.get(oldest.token) === oldest
      if (held && this.#tokens.size <= this.#limit && oldest.expiresAt + this.#lifetimeMs > now) break
      if (held) this.#tokens.delete(oldest.token)
      this.#head += 1
    }
    // Drop the consumed head now and then, so the queue's memory stays near the Map's.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head)
      this.#head = 0
    }
  }
}
