/** An attempt that is due, in its subscription's line: linked both ways, so it leaves in O(1). */
export interface LaneEntry {
  laneBefore: LaneEntry | undefined
  laneAfter: LaneEntry | undefined
  /** The lane it is in, if any. */
  lane: SubscriptionLane<LaneEntry> | undefined
}

/**
 * One subscription's attempts that are due, first come first served, and how many of its
 * attempts are in flight. Each subscription has its own, so one that is at its limit (a handler
 * that hangs) holds up only its own line: the engine serves the others meanwhile.
 */
export class SubscriptionLane<T extends LaneEntry> {
  #first: T | undefined
  #last: T | undefined
  #size = 0
  /** Its attempts in flight. */
  inFlight = 0
  /** Whether it is in the engine's line of lanes waiting for room in the total. */
  waitingForRoom = false

  constructor(
    readonly clientId: string,
    readonly subscriptionId: string,
  ) {}

  get size(): number {
    return this.#size
  }

  /** Nothing due and nothing in flight: the engine can let it go. */
  get idle(): boolean {
    return this.#size === 0 && this.inFlight === 0
  }

  push(entry: T): void {
    entry.lane = this
    entry.laneBefore = this.#last
    entry.laneAfter = undefined
    if (this.#last === undefined) this.#first = entry
    else this.#last.laneAfter = entry
    this.#last = entry
    this.#size += 1
  }

  /** Takes the first in line. */
  shift(): T | undefined {
    const first = this.#first
    if (first !== undefined) this.remove(first)
    return first
  }

  /** Takes an entry out of the line wherever it is; nothing happens when it is not in this one. */
  remove(entry: T): void {
    if (entry.lane !== (this as SubscriptionLane<LaneEntry>)) return
    if (entry.laneBefore === undefined) this.#first = entry.laneAfter as T | undefined
    else entry.laneBefore.laneAfter = entry.laneAfter
    if (entry.laneAfter === undefined) this.#last = entry.laneBefore as T | undefined
    else entry.laneAfter.laneBefore = entry.laneBefore
    entry.lane = undefined
    entry.laneBefore = undefined
    entry.laneAfter = undefined
    this.#size -= 1
  }
}
