import { randomUUID } from 'node:crypto'
import type { ResourceType } from '../../hal/hal-links.js'
import type { RaisedEvent } from '../../world/raised-event.js'

/**
 * An event as Dwolla records one (dev-portal api-reference/events): what happened (`topic`), to
 * which resource, when, for which application.
 */
export interface DwollaEvent {
  id: string
  topic: string
  resourceType: ResourceType
  /** The resource the event is about. */
  resourceId: string
  /** The customer it concerns, if any (`_links.customer`). */
  customerId: string | undefined
  correlationId: string | undefined
  /** The application (its key) whose event it is. */
  clientId: string
  /** When it happened, in milliseconds by the mock's clock. */
  created: number
  /** Its place among every application's events, for the test double's oldest-first view. */
  sequence: number
}

/** An event as the test double shows it. */
export interface EventView {
  id: string
  topic: string
  resourceId: string
  application: string
  /** ISO 8601, by the mock's clock. */
  created: string
}

/** Which events the test double lists: those of one application, one topic, one resource. */
/** What the test double's events can be filtered by (src/test-double-filters.ts checks each, on both surfaces). */
export interface EventFilter {
  application?: string
  topic?: string
  /** The customer the event concerns: an id, or a customer href. */
  customerId?: string
  /** The resource it is about. */
  resourceId?: string
}

/**
 * One application's events, bounded to its `limit` newest (Dwolla keeps 30 days; a mock that runs
 * for weeks keeps a count instead, so memory stays flat). It never knows about HTTP or webhooks.
 */
export class EventStore {
  /** By id, in the order recorded: the first key is the oldest. */
  readonly #events = new Map<string, DwollaEvent>()

  constructor(
    readonly clientId: string,
    readonly limit: number,
    private readonly nextSequence: () => number,
  ) {}

  get size(): number {
    return this.#events.size
  }

  /** Records what a transition raised, under a new event id. */
  record({ topic, resourceType, resourceId, customerId, correlationId, at }: RaisedEvent): DwollaEvent {
    const event: DwollaEvent = {
      id: randomUUID(),
      topic,
      resourceType,
      resourceId,
      customerId,
      correlationId,
      clientId: this.clientId,
      created: at,
      sequence: this.nextSequence(),
    }
    this.#events.set(event.id, event)
    if (this.#events.size > this.limit) this.#events.delete(this.#events.keys().next().value as string)
    return event
  }

  /** Newest first ("sorted by creation date (newest first)", events list docs). */
  list(): DwollaEvent[] {
    return [...this.#events.values()].reverse()
  }

  get(id: string): DwollaEvent | undefined {
    return this.#events.get(id.toLowerCase())
  }

  /** Oldest first, as the test double lists them. */
  oldestFirst(): IterableIterator<DwollaEvent> {
    return this.#events.values()
  }
}

/** The test double's view of one event. */
export function eventView({ id, topic, resourceId, clientId, created }: DwollaEvent): EventView {
  return { id, topic, resourceId, application: clientId, created: new Date(created).toISOString() }
}
