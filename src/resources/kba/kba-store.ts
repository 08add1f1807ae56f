import { randomUUID } from 'node:crypto'
import type { KbaSession } from './kba-session.js'

export interface KbaStoreOptions {
  /** Most sessions kept; past it the oldest is forgotten (answered as an unknown id). */
  limit: number
  now: () => number
  onChange: () => void
}

/** One application's KBA sessions, bounded: a new one beyond the limit pushes out the oldest. */
export class KbaStore {
  readonly #sessions = new Map<string, KbaSession>()

  constructor(private readonly options: KbaStoreOptions) {}

  get size(): number {
    return this.#sessions.size
  }

  get(id: string): KbaSession | undefined {
    return this.#sessions.get(id.toLowerCase())
  }

  open(customerId: string): KbaSession {
    const session: KbaSession = { id: randomUUID(), customerId, created: this.options.now() }
    this.#sessions.set(session.id, session)
    for (const oldest of this.#sessions.keys()) {
      if (this.#sessions.size <= this.options.limit) break
      this.#sessions.delete(oldest)
    }
    this.options.onChange()
    return session
  }

  /** The questions were read: the first read starts the two minutes. */
  read(id: string): KbaSession {
    const session = this.#require(id)
    if (session.readAt !== undefined) return session
    return this.#put({ ...session, readAt: this.options.now() })
  }

  /** The one attempt was used. */
  answer(id: string): KbaSession {
    return this.#put({ ...this.#require(id), answered: true })
  }

  snapshot(): KbaSession[] {
    return [...this.#sessions.values()].map((session) => ({ ...session }))
  }

  restore(sessions: readonly KbaSession[]): void {
    for (const session of sessions) this.#sessions.set(session.id, session)
  }

  #require(id: string): KbaSession {
    const session = this.get(id)
    if (session === undefined) throw new RangeError(`no KBA session ${id}`)
    return session
  }

  #put(session: KbaSession): KbaSession {
    this.#sessions.set(session.id, session)
    this.options.onChange()
    return session
  }
}
