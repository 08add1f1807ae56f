import type { CustomerStatus } from './customer.js'

/**
 * The webhook topics a customer's transitions raise, as Dwolla names them
 * (dev-portal balance/webhook-events.mdx). Delivering them is another module's work: the store
 * only tells its listeners.
 */
export type CustomerTopic =
  | 'customer_created'
  | 'customer_verified'
  | 'customer_reverification_needed'
  | 'customer_kba_verification_needed'
  | 'customer_verification_document_needed'
  | 'customer_suspended'
  | 'customer_activated'
  | 'customer_deactivated'

export interface CustomerEvent {
  topic: CustomerTopic
  customerId: string
  /** The application (its key) the customer belongs to. */
  clientId: string
  /** When it happened, in milliseconds by the mock's clock. */
  at: number
}

export type CustomerEventListener = (event: CustomerEvent) => void

/**
 * The topic a customer raises on entering a status, per Dwolla's "handle verification statuses"
 * guide (verified → customer_verified, retry → customer_reverification_needed, …). Entering
 * `unverified` raises nothing of its own.
 */
const TOPIC_BY_STATUS: Readonly<Partial<Record<CustomerStatus, CustomerTopic>>> = {
  verified: 'customer_verified',
  retry: 'customer_reverification_needed',
  kba: 'customer_kba_verification_needed',
  document: 'customer_verification_document_needed',
  suspended: 'customer_suspended',
  deactivated: 'customer_deactivated',
}

export function topicForStatus(status: CustomerStatus): CustomerTopic | undefined {
  return TOPIC_BY_STATUS[status]
}

/** A plain list of listeners: `subscribe` returns the function that unsubscribes. */
export class CustomerEvents {
  readonly #listeners = new Set<CustomerEventListener>()

  subscribe(listener: CustomerEventListener): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  emit(event: CustomerEvent): void {
    for (const listener of this.#listeners) listener(event)
  }
}
