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
 * The tokens of one kind this server issued, in issue order. Bounded two ways: a token is
 * forgotten one lifetime after it expires, and once `limit` are held the oldest goes first.
 * Every token of a store has the same lifetime, so issue order is expiry order and both checks
 * only ever look at the head of the Map: O(1) amortised per issue.
 */
export class TokenStore<T> {
  readonly #tokens = new Map<string, IssuedToken<T>>()
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
    this.#evict(issuedAt)
    return record
  }

  lookup(token: string): TokenLookup<T> {
    const record = this.#tokens.get(token)
    if (record === undefined) return { status: 'unknown' }
    return this.#now() < record.expiresAt ? { status: 'valid', record } : { status: 'expired', record }
  }

  delete(token: string): boolean {
    return this.#tokens.delete(token)
  }

  clear(): void {
    this.#tokens.clear()
  }

  list(): IssuedToken<T>[] {
    return [...this.#tokens.values()]
  }

  #evict(now: number): void {
    for (const [token, record] of this.#tokens) {
      const forgotten = record.expiresAt + this.#lifetimeMs <= now
      if (!forgotten && this.#tokens.size <= this.#limit) return
      this.#tokens.delete(token)
    }
  }
}
