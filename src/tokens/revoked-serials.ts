/** How many separate runs of revoked tokens are remembered at once, per kind of token. */
export const REVOCATION_LIMIT = 100_000

/** A revocation that cannot be remembered: answered as a clear admin error, never by forgetting another. */
export class RevocationLimitError extends Error {
  constructor() {
    super(
      `mock-dwolla remembers at most ${REVOCATION_LIMIT.toLocaleString('en')} separate runs of revoked tokens until they expire; ` +
        'revoke tokens issued one after another, wait for revoked ones to expire, or reset it (POST /__mock/reset)',
    )
    this.name = 'RevocationLimitError'
  }
}

/**
 * The serial numbers of revoked tokens, as runs of consecutive serials: a token and the next one
 * issued, both revoked, take one run. Holding one token while issuing and revoking millions of
 * others is one run, however long it lasts. A run is forgotten once every token in it has
 * expired (an expired token needs no revocation). Past REVOCATION_LIMIT runs a revocation is
 * refused rather than forgetting one that still matters.
 */
export class RevokedSerials {
  // Sorted by first serial; parallel arrays keep each run to three numbers.
  #firsts: number[] = []
  #lasts: number[] = []
  #expiries: number[] = []

  get runs(): number {
    return this.#firsts.length
  }

  has(serial: number): boolean {
    const run = this.#runAtOrBefore(serial)
    return run !== -1 && serial <= (this.#lasts[run] as number)
  }

  /** Remembers `serial` as revoked until `expiresAt`. False if it already was. */
  add(serial: number, expiresAt: number, now: number): boolean {
    let run = this.#runAtOrBefore(serial)
    if (run !== -1 && serial <= (this.#lasts[run] as number)) return false
    const joinsPrevious = run !== -1 && this.#lasts[run] === serial - 1
    const joinsNext = this.#firsts[run + 1] === serial + 1
    if (!joinsPrevious && !joinsNext && this.#firsts.length >= REVOCATION_LIMIT) {
      this.#forgetExpired(now)
      if (this.#firsts.length >= REVOCATION_LIMIT) throw new RevocationLimitError()
      run = this.#runAtOrBefore(serial)
    }
    if (joinsPrevious && joinsNext) {
      this.#lasts[run] = this.#lasts[run + 1] as number
      this.#expiries[run] = Math.max(this.#expiries[run] as number, this.#expiries[run + 1] as number, expiresAt)
      this.#remove(run + 1)
    } else if (joinsPrevious) {
      this.#lasts[run] = serial
      this.#expiries[run] = Math.max(this.#expiries[run] as number, expiresAt)
    } else if (joinsNext) {
      this.#firsts[run + 1] = serial
      this.#expiries[run + 1] = Math.max(this.#expiries[run + 1] as number, expiresAt)
    } else {
      this.#firsts.splice(run + 1, 0, serial)
      this.#lasts.splice(run + 1, 0, serial)
      this.#expiries.splice(run + 1, 0, expiresAt)
    }
    return true
  }

  clear(): void {
    this.#firsts = []
    this.#lasts = []
    this.#expiries = []
  }

  /** The last run starting at or before `serial`, or -1. */
  #runAtOrBefore(serial: number): number {
    let low = 0
    let high = this.#firsts.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >>> 1
      if ((this.#firsts[middle] as number) <= serial) {
        found = middle
        low = middle + 1
      } else {
        high = middle - 1
      }
    }
    return found
  }

  #remove(run: number): void {
    this.#firsts.splice(run, 1)
    this.#lasts.splice(run, 1)
    this.#expiries.splice(run, 1)
  }

  #forgetExpired(now: number): void {
    const keep = this.#expiries.map((expiresAt) => expiresAt > now)
    this.#firsts = this.#firsts.filter((_, run) => keep[run])
    this.#lasts = this.#lasts.filter((_, run) => keep[run])
    this.#expiries = this.#expiries.filter((_, run) => keep[run])
  }
}
