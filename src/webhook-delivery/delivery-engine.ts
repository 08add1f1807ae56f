import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Clock } from '../clock.js'
import { postWebhook, type PostOutcome, type WebhookPost } from './post-webhook.js'
import type { DeliveryTargets } from './delivery-target.js'
import type { Attempt, AttemptCause, Webhook, WebhookHistory } from './webhook-history.js'

export interface DeliveryEngineOptions {
  clock: Clock
  targets: DeliveryTargets
  history: WebhookHistory
  /** The delays between attempts, in milliseconds by the mock's clock (retry-schedule.ts). */
  retryDelays: readonly number[]
  /** How long a receiver has to answer, headers and body (Dwolla: 10 s). */
  timeoutMs: number
  /** Attempts in flight to one subscription at once (Dwolla: bursts of up to 10). */
  concurrency: number
  /** Attempts in flight in all, so many subscriptions cannot open sockets without bound. */
  totalConcurrency: number
  /** Told of every attempt made (the server logs it). */
  onAttempt?: (webhook: Webhook, attempt: Attempt) => void
  /** The POST itself; a test may put its own in (the default is node:http). */
  post?: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
}

/** An attempt waiting for its time: at most one per webhook. */
interface Pending {
  webhook: Webhook
  dueAt: number
  cause: AttemptCause
  /** Order of scheduling, among those due at the same time. */
  order: number
}

interface InFlight {
  webhook: Webhook
  controller: AbortController
  /** When it times out, by the mock's clock (advancing the clock past it aborts it at once). */
  deadline: number
  timer: NodeJS.Timeout
}

/** What the test double shows of an attempt still to come. */
export interface PendingView {
  webhookId: string
  subscriptionId: string
  eventId: string
  topic: string
  cause: AttemptCause
  dueAt: string
}

/**
 * Delivers webhooks: the only part of the mock that makes outgoing requests. Each webhook has at
 * most one attempt waiting, due at a time on the mock's clock: the first delivery now, each retry
 * after the schedule's next delay, a manual retry now. Due attempts start while there is room
 * (`concurrency` per subscription, `totalConcurrency` in all); the rest wait their turn, so a
 * receiver that hangs holds only its own subscription's slots, and only until the timeout.
 *
 * Time is the mock's clock: a timer (never keeping the process alive) wakes the engine when the
 * next attempt is due, and advancing the clock wakes it at once, starting what became due and
 * timing out what ran past its deadline. `settle()` resolves once nothing due is left unattempted.
 * `close()` aborts what is in flight and drops what waits, without waiting for either.
 */
export class DeliveryEngine {
  readonly #pending = new Map<string, Pending>()
  readonly #inFlight = new Map<string, InFlight>()
  readonly #perSubscription = new Map<string, number>()
  readonly #settleWaiters: Array<() => void> = []
  readonly #stopWatchingClock: () => void
  readonly #post: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
  #wakeTimer: NodeJS.Timeout | undefined
  #order = 0
  #sequence = 0
  /** Bumped by reset and close: attempts started before it record nothing when they end. */
  #generation = 0
  #closed = false

  constructor(private readonly options: DeliveryEngineOptions) {
    this.#post = options.post ?? postWebhook
    this.#stopWatchingClock = options.clock.onAdvance(() => this.#wake())
  }

  /** Puts a new webhook's first attempt in line, due now. */
  schedule(webhook: Webhook): void {
    this.#enqueue(webhook, this.options.clock.now(), 'first')
    this.#wake()
  }

  /**
   * POST /webhooks/{id}/retries: an attempt now, in place of any retry waiting (the schedule goes
   * on after it, should it fail). While an attempt is in flight, it follows that one.
   */
  redeliver(webhook: Webhook): void {
    this.#enqueue(webhook, this.options.clock.now(), 'manual')
    this.#wake()
  }

  /** Stops a webhook's deliveries: what waits is dropped, what is in flight aborted. */
  cancel(webhook: Webhook, reason: string): void {
    this.#pending.delete(webhook.id)
    this.#inFlight.get(webhook.id)?.controller.abort(new Error(reason))
    this.#wake()
  }

  /** Resolves once every attempt due by the mock's clock has been made (and none is in flight). */
  settle(): Promise<void> {
    return new Promise((resolve) => {
      this.#settleWaiters.push(resolve)
      this.#wake()
    })
  }

  /** The attempts waiting, soonest first. */
  pending(): PendingView[] {
    return this.#queue().map(({ webhook, dueAt, cause }) => ({
      webhookId: webhook.id,
      subscriptionId: webhook.subscriptionId,
      eventId: webhook.eventId,
      topic: webhook.topic,
      cause,
      dueAt: new Date(dueAt).toISOString(),
    }))
  }

  /** Whether a webhook still has an attempt waiting or in flight. */
  inProgress(webhook: Webhook): boolean {
    return this.#pending.has(webhook.id) || this.#inFlight.has(webhook.id)
  }

  get inFlight(): number {
    return this.#inFlight.size
  }

  /** Drops everything waiting and aborts everything in flight; what ends after records nothing. */
  reset(): void {
    this.#generation += 1
    for (const { controller } of this.#inFlight.values()) controller.abort(new Error('the mock was reset'))
    this.#pending.clear()
    this.#wake()
  }

  /** As reset, for good: nothing is delivered after it, and no timer is left behind. */
  close(): void {
    this.#closed = true
    this.#stopWatchingClock()
    this.reset()
  }

  #enqueue(webhook: Webhook, dueAt: number, cause: AttemptCause): void {
    if (this.#closed) return
    this.#pending.set(webhook.id, { webhook, dueAt, cause, order: (this.#order += 1) })
  }

  #queue(): Pending[] {
    return [...this.#pending.values()].sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)
  }

  /** Times out what ran past its deadline, starts what is due and has room, arms the next wake-up. */
  #wake(): void {
    clearTimeout(this.#wakeTimer)
    this.#wakeTimer = undefined
    const now = this.options.clock.now()
    for (const flight of this.#inFlight.values()) {
      if (flight.deadline <= now) flight.controller.abort(new Error(`no answer within ${this.options.timeoutMs} ms`))
    }
    let nextDue: number | undefined
    for (const pending of this.#queue()) {
      if (pending.dueAt > now) {
        nextDue ??= pending.dueAt
        continue
      }
      if (this.#inFlight.has(pending.webhook.id)) continue
      const subscription = this.options.targets.byId(pending.webhook.clientId, pending.webhook.subscriptionId)
      // Deleted, or paused: a paused subscription gets nothing but what is asked for by hand.
      if (subscription === undefined || (subscription.paused && pending.cause !== 'manual') || !this.options.history.has(pending.webhook)) {
        this.#pending.delete(pending.webhook.id)
        continue
      }
      if (this.#inFlight.size >= this.options.totalConcurrency) break
      if ((this.#perSubscription.get(subscription.id) ?? 0) >= this.options.concurrency) continue
      this.#pending.delete(pending.webhook.id)
      this.#start(pending, subscription.url)
    }
    if (nextDue !== undefined && !this.#closed) {
      // Real time moves the clock too (unless a test froze it): wake when the next one is due.
      this.#wakeTimer = setTimeout(() => this.#wake(), Math.min(Math.max(nextDue - now, 0), 2 ** 31 - 1))
      this.#wakeTimer.unref()
    }
    if (this.#isSettled(now)) for (const resolve of this.#settleWaiters.splice(0)) resolve()
  }

  #isSettled(now: number): boolean {
    if (this.#closed) return true
    if (this.#inFlight.size > 0) return false
    for (const pending of this.#pending.values()) if (pending.dueAt <= now) return false
    return true
  }

  #start({ webhook, cause }: Pending, url: string): void {
    const { clock, timeoutMs } = this.options
    const generation = this.#generation
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    timer.unref()
    const startedAt = clock.now()
    this.#inFlight.set(webhook.id, { webhook, controller, deadline: startedAt + timeoutMs, timer })
    this.#perSubscription.set(webhook.subscriptionId, (this.#perSubscription.get(webhook.subscriptionId) ?? 0) + 1)
    if (cause === 'retry') webhook.scheduledRetries += 1
    const started = performance.now()
    void this.#post({ url, headers: webhook.headers, body: webhook.body }, controller.signal).then((outcome) => {
      clearTimeout(timer)
      this.#inFlight.delete(webhook.id)
      const count = (this.#perSubscription.get(webhook.subscriptionId) ?? 1) - 1
      if (count === 0) this.#perSubscription.delete(webhook.subscriptionId)
      else this.#perSubscription.set(webhook.subscriptionId, count)
      if (generation === this.#generation) this.#finish(webhook, cause, { url, startedAt, durationMs: performance.now() - started }, outcome)
      this.#wake()
    })
  }

  /** Records an attempt's outcome and, when it failed, puts the schedule's next retry in line. */
  #finish(webhook: Webhook, cause: AttemptCause, sent: { url: string; startedAt: number; durationMs: number }, outcome: PostOutcome): void {
    const { clock, history, targets, retryDelays } = this.options
    if (!history.has(webhook)) return
    const now = clock.now()
    const succeeded = outcome.error === undefined && outcome.statusCode !== undefined && outcome.statusCode >= 200 && outcome.statusCode < 300
    const attempt: Attempt = {
      id: randomUUID(),
      cause,
      sequence: (this.#sequence += 1),
      request: { timestamp: sent.startedAt, url: sent.url },
      response: { timestamp: now, headers: outcome.headers, statusCode: outcome.statusCode, body: outcome.body },
      error: outcome.error,
      succeeded,
      durationMs: sent.durationMs,
    }
    history.recordAttempt(webhook, attempt)
    const subscription = targets.byId(webhook.clientId, webhook.subscriptionId)
    if (subscription !== undefined) targets.recordDelivery(subscription, succeeded, now)
    this.options.onAttempt?.(webhook, attempt)
    // A manual retry asked for while this one was in flight goes next, in place of the schedule.
    if (succeeded || this.#pending.has(webhook.id)) return
    const delay = retryDelays[webhook.scheduledRetries]
    if (delay !== undefined) this.#enqueue(webhook, now + delay, 'retry')
  }
}
