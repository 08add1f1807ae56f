/** Which application a clock call is for; without one, the clock every application shares. */
export interface ClockScope {
  application?: string
}

/**
 * The most applications with a clock of their own at once: as many as can hold tokens
 * (tokens/application-registry.ts), so every application a test suite can use may have one.
 */
export const APPLICATION_CLOCK_LIMIT = 4096

/**
 * The mock's time: a base clock (Date.now, or one a test injects) plus an offset that tests
 * move forward to reach expiry without waiting, plus, for an application whose test file moved
 * only its own time (`advance(ms, { application })`), that application's offset on top. Parallel
 * test files sharing one mock, each with its own key, then never see each other's time: a token's
 * expiry, a webhook retry and a record's date follow the clock of their application
 * (`nowFor(clientId)`); the journal and what belongs to no application read the shared clock.
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
  /** Each application's own offset, on top of the shared one (only those that moved). */
  readonly #applicationOffsets = new Map<string, number>()
  readonly #base: () => number
  readonly #advanceListeners = new Set<(moved: ClockMove) => void>()

  constructor(base: () => number) {
    this.#base = base
  }

  /** Milliseconds since the epoch, as the mock sees it (the shared clock). */
  readonly now = (): number => this.#base() + this.#offsetMs

  /** Milliseconds since the epoch, as one application sees it: the shared clock plus its own offset. */
  readonly nowFor = (application: string | undefined): number => {
    const own = application === undefined || this.#applicationOffsets.size === 0 ? 0 : (this.#applicationOffsets.get(application) ?? 0)
    return this.#base() + this.#offsetMs + own
  }

  /** The shared offset. */
  get offsetMs(): number {
    return this.#offsetMs
  }

  /** An application's own offset, on top of the shared one (0 unless it was moved on its own). */
  offsetOf(application: string): number {
    return this.#applicationOffsets.get(application) ?? 0
  }

  /**
   * Moves time forward, for every application or (`{ application }`) for one; never back, since
   * tokens already issued must not become younger.
   */
  advance(milliseconds: number, scope: ClockScope = {}): void {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new RangeError(`the clock only moves forward: got ${milliseconds} ms`)
    }
    const { application } = scope
    if (application !== undefined && (typeof application !== 'string' || application === '')) {
      throw new TypeError(`application: expected an application key (the client id), got ${JSON.stringify(application)}`)
    }
    if (this.#latestNow(application) + milliseconds > Clock.LATEST) {
      throw new RangeError(
        `the clock cannot pass ${new Date(Clock.LATEST).toISOString()}: everything dated from it (a token expires up to ten years later) must fall before year 10000`,
      )
    }
    if (application === undefined) this.#offsetMs += milliseconds
    else {
      if (!this.#applicationOffsets.has(application) && this.#applicationOffsets.size >= APPLICATION_CLOCK_LIMIT) {
        throw new RangeError(`at most ${APPLICATION_CLOCK_LIMIT} applications can have a clock of their own: reset the mock (or one application) first`)
      }
      this.#applicationOffsets.set(application, this.offsetOf(application) + milliseconds)
    }
    for (const listener of this.#advanceListeners) listener({ milliseconds, application })
  }

  /**
   * Calls `listener` after every move forward, so work due at a clock time (a webhook retry)
   * goes at once instead of waiting for a timer. Returns the function that unsubscribes.
   */
  onAdvance(listener: (moved: ClockMove) => void): () => void {
    this.#advanceListeners.add(listener)
    return () => void this.#advanceListeners.delete(listener)
  }

  /** Back to no offset: every application's clock, or (`{ application }`) one application's own. */
  reset(scope: ClockScope = {}): void {
    if (scope.application !== undefined) {
      this.#applicationOffsets.delete(scope.application)
      return
    }
    this.#offsetMs = 0
    this.#applicationOffsets.clear()
  }

  /** The latest time any application's clock shows (or the one given's): the bound applies to each. */
  #latestNow(application: string | undefined): number {
    if (application !== undefined) return this.nowFor(application)
    let furthest = 0
    for (const offset of this.#applicationOffsets.values()) furthest = Math.max(furthest, offset)
    return this.now() + furthest
  }
}

/** A move forward: by how much, and for which application (undefined: every one). */
export interface ClockMove {
  milliseconds: number
  application: string | undefined
}
