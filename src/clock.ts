/**
 * The mock's time: a base clock (Date.now, or one a test injects) plus an offset that tests
 * move forward to reach expiry without waiting. Tokens, the journal and expiry all read it.
 */
export class Clock {
  /**
   * The clock stops at the end of year 9989: ten years (the longest token lifetime, config.ts)
   * before the last instant ISO 8601 writes with four digits, so every date computed from it (a
   * token's expiry, a webhook retry at most 25 days ahead) is still shown as `9999-…` at worst,
   * never `+010000-…`.
   */
  static readonly LATEST = Date.UTC(9989, 11, 31, 23, 59, 59, 999)

  #offsetMs = 0
  readonly #base: () => number
  readonly #advanceListeners = new Set<() => void>()

  constructor(base: () => number) {
    this.#base = base
  }

  /** Milliseconds since the epoch, as the mock sees it. */
  readonly now = (): number => this.#base() + this.#offsetMs

  get offsetMs(): number {
    return this.#offsetMs
  }

  /** Moves time forward; never back, since tokens already issued must not become younger. */
  advance(milliseconds: number): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`the clock only moves forward: got ${milliseconds} ms`)
    }
    if (this.now() + milliseconds > Clock.LATEST) {
      throw new RangeError(
        `the clock cannot pass ${new Date(Clock.LATEST).toISOString()}: everything dated from it (a token expires up to ten years later) must fall before year 10000`,
      )
    }
    this.#offsetMs += milliseconds
    for (const listener of this.#advanceListeners) listener()
  }

  /**
   * Calls `listener` after every move forward, so work due at a clock time (a webhook retry)
   * goes at once instead of waiting for a timer. Returns the function that unsubscribes.
   */
  onAdvance(listener: () => void): () => void {
    this.#advanceListeners.add(listener)
    return () => void this.#advanceListeners.delete(listener)
  }

  reset(): void {
    this.#offsetMs = 0
  }
}
