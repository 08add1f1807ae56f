/**
 * The mock's time: a base clock (Date.now, or one a test injects) plus an offset that tests
 * move forward to reach expiry without waiting. Tokens, the journal and expiry all read it.
 */
export class Clock {
  #offsetMs = 0
  readonly #base: () => number

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
    this.#offsetMs += milliseconds
  }

  reset(): void {
    this.#offsetMs = 0
  }
}
