import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Clock } from '../clock.js'
import { DueQueue, type DueEntry } from './due-queue.js'
import { postWebhook, type PostOutcome, type WebhookPost } from './post-webhook.js'
import type { DeliveryTargets } from './delivery-target.js'
import { SubscriptionLane, type LaneEntry } from './subscription-lane.js'
import type { Attempt, AttemptCause, DeliveryState, Webhook } from './webhook-history.js'
import type { WebhookOrder } from './webhook-order.js'

export interface DeliveryEngineOptions {
  clock: Clock
  targets: DeliveryTargets
  /** The delays between attempts, in milliseconds by the mock's clock (retry-schedule.ts). */
  retryDelays: readonly number[]
  /** How long a receiver has to answer, headers and body (Dwolla: 10 s). */
  timeoutMs: number
  /** Attempts in flight to one subscription at once (Dwolla: bursts of up to 10). */
  concurrency: number
  /** Attempts in flight in all, beyond each subscription's first, so sockets stay bounded. */
  totalConcurrency: number
  /** Told of every attempt made, to keep it (the webhooks record it in its application's history). */
  onAttempt: (webhook: Webhook, attempt: Attempt) => void
  /** Told each time a webhook's delivery moves on: an attempt waiting, one sending, or over. */
  onState: (webhook: Webhook, state: Exclude<DeliveryState, 'gone'>) => void
  /** The POST itself; a test may put its own in (the default is node:http). */
  post?: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
  /**
   * `shuffle`: the first attempts of the webhooks made in one turn of the event loop (a batch)
   * start in a random order rather than the order they were made (Dwolla promises none).
   */
  order?: WebhookOrder
}

/** What `settle()` takes: how long to wait at most, and for which application's webhooks. */
export interface SettleOptions {
  /** Rejects with a SettleTimeoutError naming what is still pending once this many milliseconds (real time) have passed. */
  timeoutMs?: number
  /** Only this application's webhooks (a suite sharing one mock with others waits for its own). */
  application?: string
}

/** What `settle({ timeoutMs })` rejects with: every attempt still pending, with its host and how long it has waited. */
export class SettleTimeoutError extends Error {
  override readonly name = 'SettleTimeoutError'
  constructor(
    readonly timeoutMs: number,
    readonly pending: readonly UnsettledView[],
  ) {
    super(
      `webhooks not settled within ${timeoutMs} ms: ${pending.length} pending: ` +
        pending.map((item) => `${item.webhookId} to ${item.host} (${item.state}, waited ${item.waitedMs} ms)`).join('; ') +
        ' (a receiver that never answers holds an attempt for webhookTimeoutMs: set it short in a test suite)',
    )
  }
}

/** An attempt settle() still waits for. */
export interface UnsettledView {
  webhookId: string
  application: string
  /** The host of its subscription's URL. */
  host: string
  /** `in-flight`: sent, no answer yet; `due`: waiting for room to be sent. */
  state: 'in-flight' | 'due'
  /** Since it was sent (in flight), or since it became due, in milliseconds of real time. */
  waitedMs: number
}

/**
 * An attempt waiting: at most one per webhook. Before its time it is in the due queue; once due,
 * in its subscription's lane until there is room; a manual retry asked for while an attempt is in
 * flight waits for that one to end (`afterFlight`), in neither.
 */
interface Pending extends DueEntry, LaneEntry {
  webhook: Webhook
  cause: AttemptCause
  afterFlight: boolean
  /** When it became due, in real time (performance.now()), for settle()'s message. */
  readyAt: number
}

interface InFlight {
  webhook: Webhook
  lane: SubscriptionLane<Pending>
  url: string
  /** When it was sent, in real time (performance.now()). */
  sentAt: number
  controller: AbortController
  /** When it times out, by the mock's clock (advancing the clock past it aborts it at once). */
  deadline: number
  timer: NodeJS.Timeout
}

/** What the test double shows of an attempt still to come. */
export interface PendingView {
  webhookId: string
  subscriptionId: string
  application: string
  eventId: string
  topic: string
  cause: AttemptCause
  dueAt: string
}

/**
 * Delivers webhooks: the only part of the mock that makes outgoing requests. Each webhook has at
 * most one attempt waiting, due at a time on the mock's clock: the first delivery now, each retry
 * after the schedule's next delay, a manual retry now.
 *
 * Attempts not yet due wait in one queue ordered by time (a heap: O(log n) to add, take or
 * remove one). Once due, an attempt joins its subscription's lane, first come first served, and
 * starts while its subscription has fewer than `concurrency` in flight. A subscription's first
 * attempt in flight always starts; its others only while fewer than `totalConcurrency` are in
 * flight in all, else the lane waits its turn for room, lanes taking turns. So a subscription at
 * its own limit (a receiver that hangs) holds only its own slots, until the timeout, and never
 * stops another subscription or application from sending (issue 27 item 2); and no work is done
 * for attempts that cannot start.
 *
 * Time is the mock's clock: a timer (never keeping the process alive) wakes the engine when the
 * next attempt is due, and advancing the clock wakes it at once, starting what became due and
 * timing out what ran past its deadline. `settle()` resolves once nothing due is left unattempted.
 * `close()` aborts what is in flight and drops what waits, without waiting for either.
 */
export class DeliveryEngine {
  /** Every attempt waiting, by webhook id. */
  readonly #pending = new Map<string, Pending>()
  /** Those not yet due. */
  readonly #due = new DueQueue<Pending>()
  /** Each subscription with something due or in flight. */
  readonly #lanes = new Map<string, SubscriptionLane<Pending>>()
  /** Lanes with something due that wait for room in the total, in the order they began to wait. */
  readonly #waitingForRoom = new Set<SubscriptionLane<Pending>>()
  /** Attempts due, in the lanes. */
  #ready = 0
  readonly #inFlight = new Map<string, InFlight>()
  readonly #settleWaiters: Array<{ application: string | undefined; resolve: () => void }> = []
  /** Webhooks made in this turn, to be shuffled before their first attempts (`order: 'shuffle'`). */
  #batch: Webhook[] = []
  readonly #stopWatchingClock: () => void
  readonly #post: (post: WebhookPost, signal: AbortSignal) => Promise<PostOutcome>
  #wakeTimer: NodeJS.Timeout | undefined
  /** When the wake timer is set for, by the mock's clock. */
  #wakeAt: number | undefined
  #order = 0
  #sequence = 0
  #closed = false

  constructor(private readonly options: DeliveryEngineOptions) {
    this.#post = options.post ?? postWebhook
    this.#stopWatchingClock = options.clock.onAdvance(({ milliseconds, application }) => {
      if (application !== undefined) this.#shiftApplication(application, milliseconds)
      this.#timeOutPastDeadlines()
      this.#wake()
    })
  }

  /** Puts a new webhook's first attempt in line, due now (shuffled with the rest of its batch, when asked). */
  schedule(webhook: Webhook): void {
    if (this.options.order === 'shuffle') {
      if (this.#batch.length === 0) queueMicrotask(() => this.#sendBatch())
      this.#batch.push(webhook)
      return
    }
    this.#enqueue(webhook, this.options.clock.now(), 'first')
    this.#checkSettled()
  }

  /**
   * POST /webhooks/{id}/retries: an attempt now, in place of any retry waiting (the schedule goes
   * on after it, should it fail). While an attempt is in flight, it follows that one.
   */
  redeliver(webhook: Webhook): void {
    this.#enqueue(webhook, this.options.clock.now(), 'manual')
    this.#checkSettled()
  }

  /** Stops a webhook's deliveries: what waits is dropped, what is in flight aborted (its slot freed at once). */
  cancel(webhook: Webhook, reason: string): void {
    const pending = this.#pending.get(webhook.id)
    if (pending !== undefined) {
      this.#pending.delete(webhook.id)
      this.#unplace(pending)
    }
    const flight = this.#inFlight.get(webhook.id)
    if (flight !== undefined) {
      this.#inFlight.delete(webhook.id)
      clearTimeout(flight.timer)
      flight.controller.abort(new Error(reason))
      flight.lane.inFlight -= 1
      this.#serveWaitingForRoom()
      this.#serve(flight.lane)
    }
    this.#checkSettled()
  }

  /**
   * Resolves once every attempt due by the mock's clock has been made (and none is in flight):
   * every application's, or one's. With `timeoutMs`, rejects with a SettleTimeoutError naming what
   * is still pending once that long has passed.
   */
  settle(options: SettleOptions = {}): Promise<void> {
    const { timeoutMs, application } = options
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined
      const waiter = {
        application,
        resolve: () => {
          clearTimeout(timer)
          resolve()
        },
      }
      if (timeoutMs !== undefined) {
        timer = setTimeout(() => {
          const index = this.#settleWaiters.indexOf(waiter)
          if (index === -1) return
          this.#settleWaiters.splice(index, 1)
          reject(new SettleTimeoutError(timeoutMs, this.unsettled(application)))
        }, timeoutMs)
        timer.unref()
      }
      this.#settleWaiters.push(waiter)
      this.#checkSettled()
    })
  }

  /** What settle() still waits for: attempts in flight, then those due, oldest first. */
  unsettled(application?: string): UnsettledView[] {
    const now = performance.now()
    const views: UnsettledView[] = []
    const mine = (webhook: Webhook): boolean => application === undefined || webhook.clientId === application
    for (const flight of this.#inFlight.values()) {
      if (!mine(flight.webhook)) continue
      views.push({
        webhookId: flight.webhook.id,
        application: flight.webhook.clientId,
        host: hostOf(flight.url),
        state: 'in-flight',
        waitedMs: Math.round(now - flight.sentAt),
      })
    }
    for (const entry of this.#pending.values()) {
      if (!mine(entry.webhook) || entry.lane === undefined) continue
      const url = this.options.targets.byId(entry.webhook.clientId, entry.webhook.subscriptionId)?.url
      views.push({
        webhookId: entry.webhook.id,
        application: entry.webhook.clientId,
        host: hostOf(url),
        state: 'due',
        waitedMs: Math.round(now - entry.readyAt),
      })
    }
    return views
  }

  /** The attempts waiting (one application's, or every one's), soonest first. */
  pending(application?: string): PendingView[] {
    const waiting = [...this.#pending.values()].filter(({ webhook }) => application === undefined || webhook.clientId === application)
    return waiting
      .sort((a, b) => a.dueAt - b.dueAt || a.order - b.order)
      .map(({ webhook, dueAt, cause }) => ({
        webhookId: webhook.id,
        subscriptionId: webhook.subscriptionId,
        application: webhook.clientId,
        eventId: webhook.eventId,
        topic: webhook.topic,
        cause,
        // Kept on the shared clock (one queue for all); shown on its application's.
        dueAt: new Date(dueAt + this.options.clock.offsetOf(webhook.clientId)).toISOString(),
      }))
  }

  /** How many attempts wait, one application's or in all. */
  pendingCount(application?: string): number {
    if (application === undefined) return this.#pending.size
    let count = 0
    for (const { webhook } of this.#pending.values()) if (webhook.clientId === application) count += 1
    return count
  }

  /** How many attempts are in flight, one application's or in all. */
  inFlightCount(application?: string): number {
    if (application === undefined) return this.#inFlight.size
    let count = 0
    for (const { webhook } of this.#inFlight.values()) if (webhook.clientId === application) count += 1
    return count
  }

  get inFlight(): number {
    return this.#inFlight.size
  }

  /** Drops everything waiting and aborts everything in flight; what ends after records nothing. */
  reset(): void {
    for (const { controller, timer } of this.#inFlight.values()) {
      clearTimeout(timer)
      controller.abort(new Error('the mock was reset'))
    }
    this.#inFlight.clear()
    this.#pending.clear()
    this.#batch = []
    this.#due.clear()
    this.#lanes.clear()
    this.#waitingForRoom.clear()
    this.#ready = 0
    this.#arm()
    this.#checkSettled()
  }

  /** As reset, for good: nothing is delivered after it, and no timer is left behind. */
  close(): void {
    this.#closed = true
    this.#stopWatchingClock()
    this.reset()
  }

  #enqueue(webhook: Webhook, dueAt: number, cause: AttemptCause): void {
    if (this.#closed || webhook.state === 'gone') return
    const existing = this.#pending.get(webhook.id)
    if (existing !== undefined) this.#unplace(existing)
    const entry: Pending = {
      webhook,
      cause,
      dueAt,
      order: (this.#order += 1),
      queueIndex: -1,
      lane: undefined,
      laneBefore: undefined,
      laneAfter: undefined,
      afterFlight: this.#inFlight.has(webhook.id),
      readyAt: 0,
    }
    this.#pending.set(webhook.id, entry)
    if (entry.afterFlight) return
    this.options.onState(webhook, 'waiting')
    if (dueAt <= this.options.clock.now()) this.#toLane(entry)
    else {
      this.#due.push(entry)
      this.#arm()
    }
  }

  /** Takes a waiting attempt out of wherever it waits. */
  #unplace(entry: Pending): void {
    if (entry.lane !== undefined) {
      const lane = entry.lane as SubscriptionLane<Pending>
      lane.remove(entry)
      this.#ready -= 1
      this.#dropIfIdle(lane)
    } else if (entry.queueIndex !== -1) this.#due.remove(entry)
  }

  #toLane(entry: Pending): void {
    entry.readyAt = performance.now()
    const { clientId, subscriptionId } = entry.webhook
    const key = `${clientId}\n${subscriptionId}`
    let lane = this.#lanes.get(key)
    if (lane === undefined) {
      lane = new SubscriptionLane<Pending>(clientId, subscriptionId)
      this.#lanes.set(key, lane)
    }
    lane.push(entry)
    this.#ready += 1
    this.#serve(lane)
  }

  /** Starts what the lane has due, while it has room: its own, and beyond its first, the total's. */
  #serve(lane: SubscriptionLane<Pending>): void {
    const { concurrency, totalConcurrency, targets } = this.options
    while (lane.size > 0 && lane.inFlight < concurrency) {
      if (lane.inFlight > 0 && this.#inFlight.size >= totalConcurrency) {
        if (!lane.waitingForRoom) {
          lane.waitingForRoom = true
          this.#waitingForRoom.add(lane)
        }
        return
      }
      const entry = lane.shift() as Pending
      this.#ready -= 1
      this.#pending.delete(entry.webhook.id)
      const target = targets.byId(lane.clientId, lane.subscriptionId)
      // Deleted, or paused: a paused subscription gets nothing but what is asked for by hand.
      if (target === undefined || (target.paused && entry.cause !== 'manual')) {
        this.options.onState(entry.webhook, 'over')
        continue
      }
      this.#start(entry, lane, target.url)
    }
    this.#dropIfIdle(lane)
  }

  /** Room was freed in the total: the lanes waiting for it take turns, in the order they began to wait. */
  #serveWaitingForRoom(): void {
    for (const lane of this.#waitingForRoom) {
      if (this.#inFlight.size >= this.options.totalConcurrency) return
      this.#waitingForRoom.delete(lane)
      lane.waitingForRoom = false
      // Blocked again, it goes to the back of the line.
      this.#serve(lane)
    }
  }

  #dropIfIdle(lane: SubscriptionLane<Pending>): void {
    if (lane.idle && !lane.waitingForRoom) this.#lanes.delete(`${lane.clientId}\n${lane.subscriptionId}`)
  }

  #start(entry: Pending, lane: SubscriptionLane<Pending>, url: string): void {
    const { clock, timeoutMs } = this.options
    const { webhook, cause } = entry
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    timer.unref()
    // The deadline on the shared clock (as every due time here); the attempt dated by its application's.
    const startedAt = clock.nowFor(webhook.clientId)
    const flight: InFlight = { webhook, lane, url, sentAt: performance.now(), controller, deadline: clock.now() + timeoutMs, timer }
    this.#inFlight.set(webhook.id, flight)
    lane.inFlight += 1
    this.options.onState(webhook, 'sending')
    if (cause === 'retry') webhook.scheduledRetries += 1
    const started = performance.now()
    void this.#post({ url, headers: webhook.headers, body: webhook.body }, controller.signal).then((outcome) => {
      clearTimeout(timer)
      // Cancelled, reset or closed meanwhile: its slot is already free, and it records nothing.
      if (this.#inFlight.get(webhook.id) !== flight) return
      this.#inFlight.delete(webhook.id)
      lane.inFlight -= 1
      this.#finish(webhook, cause, { url, startedAt, durationMs: performance.now() - started }, outcome)
      this.#serveWaitingForRoom()
      this.#serve(lane)
      this.#checkSettled()
    })
  }

  /** Records an attempt's outcome and puts what follows in line: a manual retry asked for meanwhile, or the schedule's next retry. */
  #finish(webhook: Webhook, cause: AttemptCause, sent: { url: string; startedAt: number; durationMs: number }, outcome: PostOutcome): void {
    const { clock, targets, retryDelays } = this.options
    const now = clock.nowFor(webhook.clientId)
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
    this.options.onAttempt(webhook, attempt)
    const target = targets.byId(webhook.clientId, webhook.subscriptionId)
    if (target !== undefined) targets.recordDelivery(target, succeeded, now)
    if (webhook.state === 'gone') return
    // A manual retry asked for while this one was in flight goes next, in place of the schedule.
    const following = this.#pending.get(webhook.id)
    if (following !== undefined) {
      following.afterFlight = false
      this.options.onState(webhook, 'waiting')
      this.#toLane(following)
      return
    }
    const delay = succeeded ? undefined : retryDelays[webhook.scheduledRetries]
    if (delay === undefined) this.options.onState(webhook, 'over')
    else this.#enqueue(webhook, clock.now() + delay, 'retry')
  }

  /** The first attempts of a batch, in a random order (Fisher–Yates). */
  #sendBatch(): void {
    const batch = this.#batch
    this.#batch = []
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[batch[i], batch[j]] = [batch[j] as Webhook, batch[i] as Webhook]
    }
    const now = this.options.clock.now()
    for (const webhook of batch) this.#enqueue(webhook, now, 'first')
    this.#checkSettled()
  }

  /**
   * One application's clock moved on its own: what it has waiting comes that much sooner, and what
   * it has in flight reaches its deadline that much sooner (due times and deadlines are kept on
   * the shared clock, in one queue for every application).
   */
  #shiftApplication(application: string, milliseconds: number): void {
    for (const entry of this.#pending.values()) {
      if (entry.webhook.clientId !== application || entry.queueIndex === -1) continue
      this.#due.remove(entry)
      entry.dueAt -= milliseconds
      this.#due.push(entry)
    }
    for (const flight of this.#inFlight.values()) if (flight.webhook.clientId === application) flight.deadline -= milliseconds
  }

  /** Only a move of the clock can pass a deadline before the attempt's own timer does. */
  #timeOutPastDeadlines(): void {
    const now = this.options.clock.now()
    for (const flight of this.#inFlight.values()) {
      if (flight.deadline <= now) flight.controller.abort(new Error(`no answer within ${this.options.timeoutMs} ms`))
    }
  }

  /** Moves what became due to its lane (starting what has room) and sets the next wake-up. */
  #wake(): void {
    const now = this.options.clock.now()
    for (let next = this.#due.peek(); next !== undefined && next.dueAt <= now; next = this.#due.peek()) {
      this.#due.pop()
      this.#toLane(next)
    }
    this.#arm()
    this.#checkSettled()
  }

  /** A timer for the soonest attempt not yet due (real time moves the clock too, unless a test froze it). */
  #arm(): void {
    const next = this.#due.peek()
    if (next === undefined || this.#closed) {
      clearTimeout(this.#wakeTimer)
      this.#wakeTimer = undefined
      this.#wakeAt = undefined
      return
    }
    if (this.#wakeTimer !== undefined && this.#wakeAt === next.dueAt) return
    clearTimeout(this.#wakeTimer)
    this.#wakeAt = next.dueAt
    const delay = Math.min(Math.max(next.dueAt - this.options.clock.now(), 0), 2 ** 31 - 1)
    this.#wakeTimer = setTimeout(() => {
      this.#wakeTimer = undefined
      this.#wakeAt = undefined
      this.#wake()
    }, delay)
    this.#wakeTimer.unref()
  }

  #checkSettled(): void {
    if (this.#settleWaiters.length === 0) return
    let everyone: boolean | undefined
    for (const waiter of [...this.#settleWaiters]) {
      const settled = waiter.application === undefined ? (everyone ??= this.#isSettled()) : this.#isSettledFor(waiter.application)
      if (!settled) continue
      this.#settleWaiters.splice(this.#settleWaiters.indexOf(waiter), 1)
      waiter.resolve()
    }
  }

  #isSettled(): boolean {
    if (this.#closed) return true
    if (this.#inFlight.size > 0 || this.#ready > 0 || this.#batch.length > 0) return false
    const next = this.#due.peek()
    return next === undefined || next.dueAt > this.options.clock.now()
  }

  /** As #isSettled, for one application's webhooks only. */
  #isSettledFor(application: string): boolean {
    if (this.#closed) return true
    if (this.#batch.some((webhook) => webhook.clientId === application)) return false
    for (const flight of this.#inFlight.values()) if (flight.webhook.clientId === application) return false
    const now = this.options.clock.now()
    for (const entry of this.#pending.values()) {
      if (entry.webhook.clientId !== application || entry.afterFlight) continue
      if (entry.lane !== undefined || entry.dueAt <= now) return false
    }
    return true
  }
}

/** The host of a URL, for messages; the text itself when it is none. */
function hostOf(url: string | undefined): string {
  if (url === undefined) return 'a deleted subscription'
  try {
    return new URL(url).host
  } catch {
    return url
  }
}
