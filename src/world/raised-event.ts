import type { ResourceType } from '../hal/hal-links.js'

/**
 * What a resource's transition raises: Dwolla's webhook topic and what it is about. The world
 * records it as an event of its application (GET /events) and the webhooks deliver it; the
 * resource raising it knows neither.
 */
export interface RaisedEvent {
  /** Dwolla's topic, e.g. `customer_created` or `customer_transfer_completed`. */
  topic: string
  /** What the event's `_links.resource` points at. */
  resourceType: ResourceType
  resourceId: string
  /** The customer the event concerns, for `_links.customer` (every `customer_*` topic has one). */
  customerId?: string
  /** A transfer's `correlationId`, carried by its events. */
  correlationId?: string
  /** When it happened, in milliseconds by the mock's clock. */
  at: number
}
