import { randomUUID } from 'node:crypto'
import type { CustomerEvent, CustomerTopic } from '../customers/customer-events.js'

/**
 * An event as Dwolla records one (dev-portal api-reference/events): what happened (`topic`), to
 * which resource, when. Customer events are the only kind this mock raises, so the resource is
 * always a customer.
 */
export interface DwollaEvent {
  id: string
  topic: CustomerTopic
  /** The customer the event is about. */
  resourceId: string
  /** The application (its key) whose customer it is. */
  clientId: string
  /** When it happened, in milliseconds by the mock's clock. */
  created: number
}

/** An event as the test double shows it. */
export interface EventView {
  id: string
  topic: CustomerTopic
  resourceId: string
  application: string
  /** ISO 8601, by the mock's clock. */
  created: string
}

/** Which events the test double lists: those of one application, one topic, one customer. */
export interface EventFilter {
  application?: string
  topic?: string
  resourceId?: string
}

/**
 * Every application's events, each application's bounded to its `limit` newest (Dwolla keeps 30
 * days; a mock that runs for weeks keeps a count instead, so memory stays flat). Listeners hear
 * of each new event: the webhooks deliver them. It never knows about HTTP.
 */
export class EventStore {
  /** Per application, by id in the order recorded: the first key is the oldest. */
  readonly #byApplication = new Map<string, Map<string, DwollaEvent>>()
  /** Every application's, in the order recorded, for the test double. */
  readonly #all = new Map<string, DwollaEvent>()
  readonly #listeners = new Set<(event: DwollaEvent) => void>()

  constructor(readonly limit: number) {}

  /** Records what a customer transition raised, under a new event id, and tells the listeners. */
  record({ topic, customerId, clientId, at }: CustomerEvent): DwollaEvent {
    const event: DwollaEvent = { id: randomUUID(), topic, resourceId: customerId, clientId, created: at }
    const events = this.#byApplication.get(clientId) ?? new Map<string, DwollaEvent>()
    this.#byApplication.set(clientId, events)
    events.set(event.id, event)
    this.#all.set(event.id, event)
    if (events.size > this.limit) {
      const oldest = events.keys().next().value as string
      events.delete(oldest)
      this.#all.delete(oldest)
    }
    for (const listener of this.#listeners) listener(event)
    return event
  }

  /** Calls `listener` with every event recorded from now on; returns the unsubscribe. */
  subscribe(listener: (event: DwollaEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  /** One application's events, newest first ("sorted by creation date (newest first)", events list docs). */
  list(clientId: string): DwollaEvent[] {
    return [...(this.#byApplication.get(clientId)?.values() ?? [])].reverse()
  }

  /** One of the application's events; another application's is not found. */
  get(clientId: string, id: string): DwollaEvent | undefined {
    return this.#byApplication.get(clientId)?.get(id.toLowerCase())
  }

  /** The test double's view: every application's events, oldest first (as the request journal reads). */
  all(filter: EventFilter = {}): EventView[] {
    const resourceId = filter.resourceId?.toLowerCase()
    const views: EventView[] = []
    for (const { id, topic, resourceId: customerId, clientId, created } of this.#all.values()) {
      if (filter.application !== undefined && clientId !== filter.application) continue
      if (filter.topic !== undefined && topic !== filter.topic) continue
      if (resourceId !== undefined && customerId !== resourceId) continue
      views.push({ id, topic, resourceId: customerId, application: clientId, created: new Date(created).toISOString() })
    }
    return views
  }

  clear(): void {
    this.#byApplication.clear()
    this.#all.clear()
  }
}
