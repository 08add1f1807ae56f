import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { ApplicationWorld } from '../world/application-world.js'
import type { Worlds } from '../world/worlds.js'
import { DeliveryEngine, type PendingView, type SettleOptions } from './delivery-engine.js'
import type { WebhookOrder } from './webhook-order.js'
import { readFilter } from '../test-double-filters.js'
import { readSettleOptions } from './settle-options.js'
import type { DeliveryTarget, DeliveryTargets, SubscriptionView } from './delivery-target.js'
import { responseText, unpackHeaders, type Header, type PostOutcome, type WebhookPost } from './post-webhook.js'
import { signatureOf, webhookHeaders } from './webhook-headers.js'
import type { Attempt, AttemptCause, Retry, Webhook, WebhookHistory } from './webhook-history.js'
import { WEBHOOK_HISTORY } from './webhook-history-part.js'

export interface WebhooksOptions {
  clock: Clock
  /** Every application's world: each keeps its own webhooks (WEBHOOK_HISTORY). */
  worlds: Worlds
  /** The webhook subscriptions, every application's. */
  targets: DeliveryTargets
  retryDelays: readonly number[]
  timeoutMs: number
  /** Attempts in flight per subscription. */
  concurrency: number
  /** `shuffle`: each batch's first attempts start in a random order (`webhookOrder`). */
  order?: WebhookOrder
  post?: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
}

/**
 * Attempts in flight in all beyond each subscription's first: well under a process's file limit,
 * and ten subscriptions' full bursts. Each subscription may always have one in flight besides.
 */
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
  application?: string
  topic?: string
  subscriptionId?: string
  eventId?: string
  webhookId?: string
}

/** How many webhooks there are, and how many were let go, in all or for one application. */
export interface WebhookCounts {
  /** Webhooks kept, with their attempts. */
  kept: number
  /** Attempts waiting: for their time (retries, mostly), or for room to be sent. */
  pending: number
  inFlight: number
  dropped: {
    /** Webhooks whose delivery was over, let go to make room for newer ones of their application. */
    finished: number
    /** Webhooks let go while still on their way (every one kept was): their deliveries stopped. */
    undelivered: number
    /** Webhooks that went with their application, dropped by applicationLimit or storeByteLimit (in all only). */
    withApplication: number
  }
}

/** The test double's view of webhooks: `server.webhooks` and /__mock/webhooks. */
export type { SubscriptionView }

export type WebhookControls = Pick<Webhooks, 'deliveries' | 'settle' | 'pending' | 'subscriptions' | 'counts'>

/** An event on its way to its application's subscriptions: its body, rendered for each subscription's base URL. */
export interface Deliverable {
  eventId: string
  topic: string
  /** The body every attempt to a subscription reached through `baseUrl` sends (hrefs on that base). */
  bodyFor(baseUrl: string): string
}

/**
 * The webhooks of a running mock: each application's history of what was delivered (in its
 * world), and the engine delivering it. Each event goes to every subscription of its own
 * application that is not paused, as one webhook whose body is the event as GET /events/{id}
 * renders it, with hrefs on the base URL the subscription was made through.
 */
export class Webhooks {
  readonly engine: DeliveryEngine
  /** Told of every attempt (the server logs it). */
  onAttempt: ((webhook: Webhook, attempt: Attempt) => void) | undefined
  readonly #clock: Clock
  readonly #worlds: Worlds
  readonly #targets: DeliveryTargets
  /** Webhooks that went with their application's world. */
  #droppedWithApplication = 0

  constructor(options: WebhooksOptions) {
    this.#clock = options.clock
    this.#worlds = options.worlds
    this.#targets = options.targets
    this.engine = new DeliveryEngine({
      ...options,
      totalConcurrency: TOTAL_CONCURRENCY,
      onAttempt: (webhook, attempt) => this.#record(webhook, attempt),
      onState: (webhook, state) => this.#historyOf(webhook.clientId)?.setState(webhook, state),
    })
    options.targets.onRemove((target) => this.#forgetSubscription(target))
  }

  /** Makes the event's webhooks, one per active subscription of the world's application, and sends them on their way. */
  deliver(world: ApplicationWorld, event: Deliverable): Webhook[] {
    const made: Webhook[] = []
    const subscriptions = this.#targets.forApplication(world.clientId)
    if (subscriptions.length === 0) return made
    const history = this.#historyFor(world)
    const created = this.#clock.nowFor(world.clientId)
    // Subscriptions made through the same base URL send the same body, and those with the same
    // secret the same signature: each is made once per event (and the body shared in memory).
    const bodies = new Map<string, string>()
    const signatures = new Map<string, string>()
    for (const subscription of subscriptions) {
      if (subscription.paused) continue
      const id = randomUUID()
      let body = bodies.get(subscription.baseUrl)
      if (body === undefined) bodies.set(subscription.baseUrl, (body = event.bodyFor(subscription.baseUrl)))
      const signing = `${subscription.secret}\n${subscription.baseUrl}`
      let signature = signatures.get(signing)
      if (signature === undefined) signatures.set(signing, (signature = signatureOf(body, subscription.secret)))
      const webhook: Webhook = {
        id,
        subscriptionId: subscription.id,
        clientId: world.clientId,
        eventId: event.eventId,
        topic: event.topic,
        body,
        headers: webhookHeaders(id, event.topic, signature),
        created,
        attempts: [],
        retries: [],
        scheduledRetries: 0,
        state: 'waiting',
        bytes: 0,
      }
      this.#letGo(history.add(webhook), 'the application’s webhook history is full')
      this.engine.schedule(webhook)
      made.push(webhook)
    }
    this.#worlds.reweigh(world)
    return made
  }

  /** POST /webhooks/{id}/retries: a retry recorded, and an attempt on its way now. */
  redeliver(webhook: Webhook): Retry {
    const retry: Retry = { id: randomUUID(), timestamp: this.#clock.nowFor(webhook.clientId) }
    this.#historyOf(webhook.clientId)?.recordRetry(webhook, retry)
    this.engine.redeliver(webhook)
    this.#reweigh(webhook.clientId)
    return retry
  }

  /** One application's webhook; another application's, or one let go, is not found. */
  find(clientId: string, id: string): Webhook | undefined {
    return this.#historyOf(clientId)?.get(id)
  }

  /** An application's webhooks kept, oldest first. */
  kept(clientId: string): Webhook[] {
    const history = this.#historyOf(clientId)
    return history === undefined ? [] : [...history.all()]
  }

  /** A subscription's webhooks, newest first (inferred: Dwolla's other lists are). */
  forSubscription(clientId: string, subscriptionId: string): Webhook[] {
    return this.#historyOf(clientId)?.forSubscription(subscriptionId) ?? []
  }

  /**
   * An application's world was dropped: its webhooks stop. Dropped by the bound on all
   * applications, they are counted as let go; by a reset of the application, they are not.
   */
  forgetApplication(world: ApplicationWorld, why: 'evicted' | 'reset' = 'evicted'): void {
    const history = world.peek(WEBHOOK_HISTORY)
    if (history === undefined) return
    const reason = why === 'reset' ? 'its application was reset' : 'its application was dropped'
    for (const webhook of history.all()) this.engine.cancel(webhook, reason)
    if (why === 'evicted') this.#droppedWithApplication += history.size
  }

  /** Every attempt kept, oldest first, with what was sent and what came back. */
  deliveries(given: DeliveryFilter = {}): DeliveryView[] {
    // Checked as GET /__mock/webhooks checks its query (test-double-filters.ts).
    const filter = readFilter('deliveries', given)
    const views: Array<{ sequence: number; view: DeliveryView }> = []
    for (const history of this.#histories(filter.application)) {
      for (const webhook of history.all()) {
        if (filter.topic !== undefined && webhook.topic !== filter.topic) continue
        if (filter.subscriptionId !== undefined && webhook.subscriptionId !== filter.subscriptionId) continue
        if (filter.eventId !== undefined && webhook.eventId !== filter.eventId) continue
        if (filter.webhookId !== undefined && webhook.id !== filter.webhookId) continue
        for (const attempt of webhook.attempts) views.push({ sequence: attempt.sequence, view: deliveryView(webhook, attempt) })
      }
    }
    return views.sort((a, b) => a.sequence - b.sequence).map(({ view }) => view)
  }

  /**
   * Resolves once every delivery due by the mock's clock has been attempted: what tests await
   * instead of sleeping. `{ application }` waits for one application's only; `{ timeoutMs }`
   * rejects with a SettleTimeoutError naming the webhooks still pending (ids, hosts, how long
   * each has waited) once that long has passed.
   */
  async settle(options: SettleOptions = {}): Promise<void> {
    // Async, so a bad option is a rejection, as a timeout is.
    await this.engine.settle(readSettleOptions(options))
  }

  /** The attempts waiting for their time (retries, mostly) or for room, soonest first: every application's, or one's. */
  pending(application?: string): PendingView[] {
    return this.engine.pending(readFilter('application', { application }).application)
  }

  /** Every application's subscriptions, newest first, without their secrets. */
  subscriptions(): SubscriptionView[] {
    return this.#targets.views()
  }

  /** What is kept, waiting, in flight and was let go: in all, or for one application. */
  counts(given?: string): WebhookCounts {
    const { application } = readFilter('application', { application: given })
    const counts: WebhookCounts = {
      kept: 0,
      pending: this.engine.pendingCount(application),
      inFlight: this.engine.inFlightCount(application),
      dropped: { finished: 0, undelivered: 0, withApplication: application === undefined ? this.#droppedWithApplication : 0 },
    }
    for (const history of this.#histories(application)) {
      counts.kept += history.size
      counts.dropped.finished += history.dropped.finished
      counts.dropped.undelivered += history.dropped.undelivered
    }
    return counts
  }

  /** Nothing waiting or in flight, nothing counted (the histories and subscriptions go with their applications' worlds). */
  reset(): void {
    this.engine.reset()
    this.#droppedWithApplication = 0
  }

  close(): void {
    this.engine.close()
  }

  #record(webhook: Webhook, attempt: Attempt): void {
    const history = this.#historyOf(webhook.clientId)
    if (history === undefined) return
    this.#letGo(history.recordAttempt(webhook, attempt), 'the application’s webhook history is full')
    this.#reweigh(webhook.clientId)
    this.onAttempt?.(webhook, attempt)
  }

  /** A subscription was deleted: its webhooks stop, and leave the history. */
  #forgetSubscription(target: DeliveryTarget): void {
    const history = this.#historyOf(target.clientId)
    if (history === undefined) return
    this.#letGo(history.removeSubscription(target.id), 'the subscription was deleted')
    this.#reweigh(target.clientId)
  }

  #letGo(webhooks: readonly Webhook[], reason: string): void {
    for (const webhook of webhooks) this.engine.cancel(webhook, reason)
  }

  #historyOf(clientId: string): WebhookHistory | undefined {
    return this.#worlds.find(clientId)?.peek(WEBHOOK_HISTORY)
  }

  /** Made when its first webhook is; put in without announcing a change (it is not in the state file). */
  #historyFor(world: ApplicationWorld): WebhookHistory {
    let history = world.peek(WEBHOOK_HISTORY)
    if (history === undefined) {
      history = WEBHOOK_HISTORY.create(world)
      world.put(WEBHOOK_HISTORY, history)
    }
    return history
  }

  #histories(application: string | undefined): WebhookHistory[] {
    const worlds = application === undefined ? this.#worlds.all() : [this.#worlds.find(application)]
    const histories: WebhookHistory[] = []
    for (const world of worlds) {
      const history = world?.peek(WEBHOOK_HISTORY)
      if (history !== undefined) histories.push(history)
    }
    return histories
  }

  /** Attempts and retries change what a history holds: its world is weighed again. */
  #reweigh(clientId: string): void {
    const world = this.#worlds.find(clientId)
    if (world !== undefined) this.#worlds.reweigh(world)
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
    response: {
      status: attempt.response.statusCode,
      headers: headerRecord(unpackHeaders(attempt.response.headers)),
      body: responseText(attempt.response.body),
    },
    error: attempt.error,
    succeeded: attempt.succeeded,
    durationMs: Math.round(attempt.durationMs * 1000) / 1000,
  }
}
