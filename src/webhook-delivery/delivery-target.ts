/** A webhook subscription as delivery needs it: where to, signed with what, on whose behalf. */
export interface DeliveryTarget {
  id: string
  /** The application that subscribed. */
  clientId: string
  url: string
  secret: string
  paused: boolean
  /** The mock's base URL as the subscribing request reached it: the hrefs in what it is sent. */
  baseUrl: string
}

/** A subscription as the test double shows it: never its secret. */
export interface SubscriptionView {
  id: string
  application: string
  url: string
  paused: boolean
  created: string
}

/**
 * Every application's webhook subscriptions, as the webhook-subscriptions resource keeps them:
 * delivery reads them through this, and tells it how each attempt went.
 */
export interface DeliveryTargets {
  /** The application's subscriptions, paused ones included. */
  forApplication(clientId: string): readonly DeliveryTarget[]
  byId(clientId: string, id: string): DeliveryTarget | undefined
  /** How a delivery went, for Dwolla's automatic pause after a run of failures. */
  recordDelivery(target: DeliveryTarget, succeeded: boolean, at: number): void
  views(): SubscriptionView[]
  /** Calls `listener` with every subscription deleted from now on. */
  onRemove(listener: (target: DeliveryTarget) => void): void
}
