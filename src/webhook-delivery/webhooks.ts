import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'
import { DeliveryEngine, type PendingView } from './delivery-engine.js'
import type { DeliveryTargets, SubscriptionView } from './delivery-target.js'
import { unpackHeaders, type Header, type PostOutcome, type WebhookPost } from './post-webhook.js'
import { webhookHeaders } from './webhook-headers.js'
import { WebhookHistory, type Attempt, type AttemptCause, type Retry, type Webhook } from './webhook-history.js'

export interface WebhooksOptions {
  clock: Clock
  /** The webhook subscriptions, every application's. */
  targets: DeliveryTargets
  /** Webhooks kept, with their attempts. */
  historyLimit: number
  retryDelays: readonly number[]
  timeoutMs: number
  /** Attempts in flight per subscription. */
  concurrency: number
  post?: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
}

/** Attempts in flight in all, whatever the number of subscriptions: well under a process's file limit. */
export const TOTAL_CONCURRENCY = 100

/** One attempt as the test double shows it: what was sent, what came back. */
export interface DeliveryView {
  id: string
  webhookId: string
  subscriptionId: string
  application: string
  eventId: string
  topic: string
  cause: AttemptCause
  /** When it was sent, by the mock's clock (ISO 8601). */
  time: string
  url: string
  /** Header names in lowercase, as a receiver's framework shows them; the body as sent. */
  request: { headers: Record<string, string>; body: string }
  /** `status` undefined when nothing was answered; at most 4 KiB of the body. */
  response: { status: number | undefined; headers: Record<string, string>; body: string }
  error: string | undefined
  succeeded: boolean
  durationMs: number
}

export interface DeliveryFilter {
  topic?: string
  subscriptionId?: string
  eventId?: string
  webhookId?: string
}

/** The test double's view of webhooks: `server.webhooks` and /__mock/webhooks. */
export type { SubscriptionView }

export type WebhookControls = Pick<Webhooks, 'deliveries' | 'settle' | 'pending' | 'subscriptions'>

/** An event on its way to its application's subscriptions: its body, rendered for each subscription's base URL. */
export interface Deliverable {
  clientId: string
  eventId: string
  topic: string
  /** The body every attempt to a subscription reached through `baseUrl` sends (hrefs on that base). */
  bodyFor(baseUrl: string): string
}

/**
 * The webhooks of a running mock: the history of what was delivered, and the engine delivering
 * it. Each event goes to every subscription of its own application that is not paused, as one
 * webhook whose body is the event as GET /events/{id} renders it, with hrefs on the base URL the
 * subscription was made through.
 */
export class Webhooks {
  readonly history: WebhookHistory
  readonly engine: DeliveryEngine
  /** Told of every attempt (the server logs it). */
  onAttempt: ((webhook: Webhook, attempt: Attempt) => void) | undefined
  readonly #clock: Clock
  readonly #targets: DeliveryTargets

  constructor(options: WebhooksOptions) {
    this.#clock = options.clock
    this.#targets = options.targets
    this.history = new WebhookHistory(options.historyLimit)
    this.engine = new DeliveryEngine({
      ...options,
      history: this.history,
      totalConcurrency: TOTAL_CONCURRENCY,
      onAttempt: (webhook, attempt) => this.onAttempt?.(webhook, attempt),
    })
    options.targets.onRemove((subscriptionId) => this.#forgetSubscription(subscriptionId))
  }

  /** A subscription was deleted: its webhooks stop, and leave the history. */
  #forgetSubscription(subscriptionId: string): void {
    for (const webhook of this.history.forSubscription(subscriptionId)) this.engine.cancel(webhook, 'the subscription was deleted')
    this.history.removeSubscription(subscriptionId)
  }

  /** Makes the event's webhooks, one per active subscription of its application, and sends them on their way. */
  deliver(event: Deliverable): Webhook[] {
    const made: Webhook[] = []
    for (const subscription of this.#targets.forApplication(event.clientId)) {
      if (subscription.paused) continue
      const body = event.bodyFor(subscription.baseUrl)
      const webhook: Webhook = {
        id: randomUUID(),
        subscriptionId: subscription.id,
        clientId: event.clientId,
        eventId: event.eventId,
        topic: event.topic,
        body,
        headers: webhookHeaders(event.topic, body, subscription.secret),
        created: this.#clock.now(),
        attempts: [],
        retries: [],
        scheduledRetries: 0,
      }
      for (const evicted of this.history.add(webhook, (kept) => this.engine.inProgress(kept))) this.engine.cancel(evicted, 'the webhook history is full')
      this.engine.schedule(webhook)
      made.push(webhook)
    }
    return made
  }

  /** POST /webhooks/{id}/retries: a retry recorded, and an attempt on its way now. */
  redeliver(webhook: Webhook): Retry {
    const retry: Retry = { id: randomUUID(), timestamp: this.#clock.now() }
    this.history.recordRetry(webhook, retry)
    this.engine.redeliver(webhook)
    return retry
  }

  /** Every attempt kept, oldest first, with what was sent and what came back. */
  deliveries(filter: DeliveryFilter = {}): DeliveryView[] {
    const views: Array<{ sequence: number; view: DeliveryView }> = []
    for (const webhook of this.history.all()) {
      if (filter.topic !== undefined && webhook.topic !== filter.topic) continue
      if (filter.subscriptionId !== undefined && webhook.subscriptionId !== filter.subscriptionId) continue
      if (filter.eventId !== undefined && webhook.eventId !== filter.eventId) continue
      if (filter.webhookId !== undefined && webhook.id !== filter.webhookId) continue
      for (const attempt of webhook.attempts) views.push({ sequence: attempt.sequence, view: deliveryView(webhook, attempt) })
    }
    return views.sort((a, b) => a.sequence - b.sequence).map(({ view }) => view)
  }

  /** Resolves once every delivery due by the mock's clock has been attempted: what tests await instead of sleeping. */
  settle(): Promise<void> {
    return this.engine.settle()
  }

  /** The attempts waiting for their time (retries, mostly), soonest first. */
  pending(): PendingView[] {
    return this.engine.pending()
  }

  /** Every application's subscriptions, newest first, without their secrets. */
  subscriptions(): SubscriptionView[] {
    return this.#targets.views()
  }

  /** No history, nothing waiting or in flight (the subscriptions go with their applications' worlds). */
  reset(): void {
    this.engine.reset()
    this.history.clear()
  }

  close(): void {
    this.engine.close()
  }
}

function headerRecord(headers: readonly Header[]): Record<string, string> {
  const record: Record<string, string> = {}
  for (const { name, value } of headers) {
    const key = name.toLowerCase()
    // Object.defineProperty: a header named __proto__ stays a header.
    Object.defineProperty(record, key, {
      value: Object.hasOwn(record, key) ? `${record[key]}, ${value}` : value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return record
}

function deliveryView(webhook: Webhook, attempt: Attempt): DeliveryView {
  return {
    id: attempt.id,
    webhookId: webhook.id,
    subscriptionId: webhook.subscriptionId,
    application: webhook.clientId,
    eventId: webhook.eventId,
    topic: webhook.topic,
    cause: attempt.cause,
    time: new Date(attempt.request.timestamp).toISOString(),
    url: attempt.request.url,
    request: { headers: headerRecord(webhook.headers), body: webhook.body },
    response: { status: attempt.response.statusCode, headers: headerRecord(unpackHeaders(attempt.response.headers)), body: attempt.response.body },
    error: attempt.error,
    succeeded: attempt.succeeded,
    durationMs: Math.round(attempt.durationMs * 1000) / 1000,
  }
}
