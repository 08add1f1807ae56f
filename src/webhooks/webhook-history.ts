import type { CustomerTopic } from '../customers/customer-events.js'
import type { Header } from './post-webhook.js'

/** What made an attempt: the first delivery, a retry on the schedule, or `POST /webhooks/{id}/retries`. */
export type AttemptCause = 'first' | 'retry' | 'manual'

/** One POST of a webhook and what came of it, as Dwolla's webhook resource lists its attempts. */
export interface Attempt {
  id: string
  cause: AttemptCause
  /** Order among every attempt the mock has made (attempts of several webhooks interleave). */
  sequence: number
  request: { timestamp: number; url: string; headers: Header[]; body: string }
  response: { timestamp: number; headers: Header[]; statusCode: number | undefined; body: string }
  /** Why the exchange did not finish (refused, reset, timed out); undefined when it did. */
  error: string | undefined
  /** A 2xx answer, in full, within the timeout. */
  succeeded: boolean
  durationMs: number
}

/** A manual redelivery, as GET /webhooks/{id}/retries lists them. */
export interface Retry {
  id: string
  timestamp: number
}

/** One event on its way to one subscription: Dwolla's "webhook", with its attempts. */
export interface Webhook {
  id: string
  subscriptionId: string
  clientId: string
  eventId: string
  topic: CustomerTopic
  /** The exact body every attempt sends: the event as GET /events/{id} renders it. */
  body: string
  created: number
  /** The last ATTEMPTS_KEPT attempts, oldest first. */
  attempts: Attempt[]
  /** The last RETRIES_KEPT manual retries, oldest first. */
  retries: Retry[]
  /** Retries on the schedule made so far: which delay comes next. */
  scheduledRetries: number
}

/** Attempts kept per webhook: the first and Dwolla's 8 retries, plus one (older ones go first). */
export const ATTEMPTS_KEPT = 10
/** Manual retries kept per webhook (older ones go first). */
export const RETRIES_KEPT = 10

/**
 * The webhooks the mock has made, at most `limit` of them (the oldest go first, with their
 * attempts), each keeping its last ATTEMPTS_KEPT attempts. An attempt keeps at most 4 KiB of the
 * answer's body and 1 KiB of its headers (post-webhook.ts), and shares the webhook's body, so the
 * history's memory is bounded however many events there are and whatever receivers answer.
 */
export class WebhookHistory {
  /** By id, in the order made: the first key is the oldest. */
  readonly #webhooks = new Map<string, Webhook>()

  constructor(readonly limit: number) {}

  get size(): number {
    return this.#webhooks.size
  }

  /** Keeps a new webhook; returns those let go to make room (their deliveries must stop). */
  add(webhook: Webhook): Webhook[] {
    this.#webhooks.set(webhook.id, webhook)
    const evicted: Webhook[] = []
    while (this.#webhooks.size > this.limit) {
      const oldest = this.#webhooks.values().next().value as Webhook
      this.#webhooks.delete(oldest.id)
      evicted.push(oldest)
    }
    return evicted
  }

  has(webhook: Webhook): boolean {
    return this.#webhooks.get(webhook.id) === webhook
  }

  /** One application's webhook; another application's is not found. */
  get(clientId: string, id: string): Webhook | undefined {
    const webhook = this.#webhooks.get(id.toLowerCase())
    return webhook?.clientId === clientId ? webhook : undefined
  }

  /** A subscription's webhooks, newest first (inferred: Dwolla's other lists are). */
  forSubscription(subscriptionId: string): Webhook[] {
    return this.all()
      .filter((webhook) => webhook.subscriptionId === subscriptionId)
      .reverse()
  }

  /** Every webhook kept, oldest first. */
  all(): Webhook[] {
    return [...this.#webhooks.values()]
  }

  recordAttempt(webhook: Webhook, attempt: Attempt): void {
    webhook.attempts.push(attempt)
    if (webhook.attempts.length > ATTEMPTS_KEPT) webhook.attempts.shift()
  }

  recordRetry(webhook: Webhook, retry: Retry): void {
    webhook.retries.push(retry)
    if (webhook.retries.length > RETRIES_KEPT) webhook.retries.shift()
  }

  /** A deleted subscription's webhooks go with it. */
  removeSubscription(subscriptionId: string): void {
    for (const webhook of this.#webhooks.values()) if (webhook.subscriptionId === subscriptionId) this.#webhooks.delete(webhook.id)
  }

  clear(): void {
    this.#webhooks.clear()
  }
}
