import type { ResolvedOptions } from '../config.js'
import type { RaisedEvent } from './raised-event.js'

/** What an application's world asks of the server it lives in. */
export interface WorldServer {
  readonly options: ResolvedOptions
  /** The application's clock, in milliseconds: the mock's, plus the application's own offset (clock.ts). */
  now(): number
  service<T>(key: ServiceKey<T>): T
  /** An event of this world's application: recorded, then delivered to its webhook subscriptions. */
  raise(world: ApplicationWorld, event: RaisedEvent): void
  /** Something in this world changed: its weight is counted again, and the state file written. */
  changed(world: ApplicationWorld): void
}

/**
 * One application's state as one object: a store per resource, each made the first time the
 * application needs it. Everything an application owns hangs off its world, so dropping an
 * application (a reset, or the bound on all applications) is dropping its world.
 */
export class ApplicationWorld {
  readonly #parts = new Map<WorldPart<unknown>, unknown>()

  constructor(
    /** The application's key, as its access tokens carry it. */
    readonly clientId: string,
    readonly server: WorldServer,
  ) {}

  /** The application's store of a kind, made (and announced as a change) on first use. */
  get<T>(part: WorldPart<T>): T {
    if (this.#parts.has(part)) return this.#parts.get(part) as T
    const made = part.create(this)
    this.#parts.set(part, made)
    this.changed()
    return made
  }

  /** The store if the application has one already: reading never makes anything. */
  peek<T>(part: WorldPart<T>): T | undefined {
    return this.#parts.get(part) as T | undefined
  }

  /** Puts a store in as it is (a state file's), in place of any the world has. */
  put<T>(part: WorldPart<T>, value: T): void {
    this.#parts.set(part, value)
  }

  raise(event: RaisedEvent): void {
    this.server.raise(this, event)
  }

  changed(): void {
    this.server.changed(this)
  }

  /** The bytes its stores hold at most: what the bound on all applications counts. */
  weight(): number {
    let bytes = 0
    for (const [part, value] of this.#parts) bytes += part.weigh(value)
    return bytes
  }
}

/**
 * Something every application's world holds one of, made the first time that application needs
 * it: a resource's store. A resource exports its parts, and another resource reaches a store
 * only through them (`world.get(CUSTOMERS)`), never through the store's fields.
 */
export interface WorldPart<T> {
  /** The part's name, for messages. */
  readonly name: string
  create(world: ApplicationWorld): T
  /**
   * At most how many bytes it holds now: the bound on all applications together adds these up.
   * Worst cases per record, measured by the resource's memory tests, times its records.
   */
  weigh(value: T): number
}

/**
 * Something a server holds one of, made the first time it is needed: what a resource keeps
 * across applications (the customers' seeds, say).
 */
export interface ServiceKey<T> {
  readonly name: string
  create(): T
}
