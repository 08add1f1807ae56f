/** Something waiting for a time: its place in the queue is kept on it, so it can be taken out. */
export interface DueEntry {
  /** When it is due, in milliseconds by the mock's clock. */
  dueAt: number
  /** Order of scheduling, among those due at the same time. */
  order: number
  /** Its index in the queue's heap; -1 when it is in no queue. */
  queueIndex: number
}

/**
 * Entries in order of when they are due (then of scheduling): a binary min-heap that knows each
 * entry's place, so adding, taking the soonest and taking out any one are O(log n), and looking
 * at the soonest O(1). The engine keeps every attempt waiting for its time in one of these, where
 * it used to sort every waiting attempt on every wake-up (issue 27 item 4).
 */
export class DueQueue<T extends DueEntry> {
  readonly #heap: T[] = []

  get size(): number {
    return this.#heap.length
  }

  /** The soonest entry, without taking it. */
  peek(): T | undefined {
    return this.#heap[0]
  }

  push(entry: T): void {
    entry.queueIndex = this.#heap.length
    this.#heap.push(entry)
    this.#up(entry.queueIndex)
  }

  /** Takes the soonest entry out. */
  pop(): T | undefined {
    const first = this.#heap[0]
    if (first !== undefined) this.remove(first)
    return first
  }

  /** Takes an entry out wherever it is; nothing happens when it is in no queue. */
  remove(entry: T): void {
    const index = entry.queueIndex
    if (this.#heap[index] !== entry) return
    const last = this.#heap.pop() as T
    entry.queueIndex = -1
    if (last === entry) return
    this.#heap[index] = last
    last.queueIndex = index
    this.#down(index)
    this.#up(last.queueIndex)
  }

  clear(): void {
    for (const entry of this.#heap) entry.queueIndex = -1
    this.#heap.length = 0
  }

  #before(a: T, b: T): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.order < b.order)
  }

  #up(start: number): void {
    const heap = this.#heap
    let index = start
    const entry = heap[index] as T
    while (index > 0) {
      const parentIndex = (index - 1) >> 1
      const parent = heap[parentIndex] as T
      if (!this.#before(entry, parent)) break
      heap[index] = parent
      parent.queueIndex = index
      index = parentIndex
    }
    heap[index] = entry
    entry.queueIndex = index
  }

  #down(start: number): void {
    const heap = this.#heap
    const { length } = heap
    let index = start
    const entry = heap[index] as T
    for (;;) {
      const left = 2 * index + 1
      if (left >= length) break
      const right = left + 1
      const child = right < length && this.#before(heap[right] as T, heap[left] as T) ? right : left
      const soonest = heap[child] as T
      if (!this.#before(soonest, entry)) break
      heap[index] = soonest
      soonest.queueIndex = index
      index = child
    }
    heap[index] = entry
    entry.queueIndex = index
  }
}
