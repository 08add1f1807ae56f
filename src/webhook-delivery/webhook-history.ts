import type { Header } from './post-webhook.js'

/** What made an attempt: the first delivery, a retry on the schedule, or `POST /webhooks/{id}/retries`. */
export type AttemptCause = 'first' | 'retry' | 'manual'

/** One POST of a webhook and what came of it, as Dwolla's webhook resource lists its attempts. */
export interface Attempt {
  id: string
  cause: AttemptCause
  /** Order among every attempt the mock has made (attempts of several webhooks interleave). */
  sequence: number
  /** When and where it was sent; the headers and body sent are the webhook's own, the same every time. */
  request: { timestamp: number; url: string }
  /**
   * `headers` packed, as post-webhook.ts keeps them (unpackHeaders); `body` the bytes read, one
   * character a byte (responseText decodes them).
   */
  response: { timestamp: number; headers: string; statusCode: number | undefined; body: string }
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

/**
 * Where a webhook's delivery stands: an attempt `waiting` (for its time, or for room), one
 * `sending`, or `over` (delivered, or failed with no retry left, or dropped by a pause). `gone`
 * once the history has let it go: nothing is sent or recorded for it after that.
 */
export type DeliveryState = 'waiting' | 'sending' | 'over' | 'gone'

/** One event on its way to one subscription: Dwolla's "webhook", with its attempts. */
export interface Webhook {
  id: string
  subscriptionId: string
  clientId: string
  eventId: string
  topic: string
  /** The exact body every attempt sends: the event as GET /events/{id} renders it. */
  body: string
  /** The headers every attempt sends, the signature of `body` among them. */
  headers: readonly Header[]
  created: number
  /** The last ATTEMPTS_KEPT attempts, oldest first. */
  attempts: Attempt[]
  /** The last RETRIES_KEPT manual retries, oldest first. */
  retries: Retry[]
  /** Retries on the schedule made so far: which delay comes next. */
  scheduledRetries: number
  state: DeliveryState
  /** What it holds, by the history's reckoning (see {@link WebhookHistory.bytes}). */
  bytes: number
}

/** Attempts kept per webhook: the first and Dwolla's 8 retries, plus one (older ones go first). */
export const ATTEMPTS_KEPT = 10
/** Manual retries kept per webhook (older ones go first). */
export const RETRIES_KEPT = 10

/**
 * What a webhook costs besides its body and headers: the record, its ids, the header objects and
 * its places in the history's maps. Measured, with the strings at their longest and at their
 * shortest, by test/webhooks/memory.test.ts, which holds the history's reckoning to the heap.
 */
const WEBHOOK_RECORD_BYTES = 1_280
/**
 * What an attempt costs besides the answer it keeps: the record and its two inner ones, its id,
 * its times and duration, its place in the list (measured at 0.9 to 1.3 KiB: the heap after
 * collections varies with the machine's load, so the reckoning keeps a margin of a quarter above the most).
 */
const ATTEMPT_RECORD_BYTES = 1_700
/** A manual retry: the record and its id. */
const RETRY_BYTES = 192

/** A string's characters, at two bytes each: what V8 needs for it at most, whatever it holds. */
const atMost = (text: string): number => 2 * text.length

/** The bytes a webhook holds without its attempts and retries. */
function webhookBytes(webhook: Webhook): number {
  let bytes = WEBHOOK_RECORD_BYTES + atMost(webhook.body)
  for (const { name, value } of webhook.headers) bytes += atMost(name) + atMost(value)
  return bytes
}

/** The bytes an attempt holds: the answer's body and headers are one byte a character (post-webhook.ts). */
function attemptBytes(attempt: Attempt): number {
  return ATTEMPT_RECORD_BYTES + attempt.response.body.length + attempt.response.headers.length + (attempt.error === undefined ? 0 : atMost(attempt.error))
}

export interface HistoryBounds {
  /** Most webhooks kept. */
  limit: number
  /** Most bytes they hold, attempts included, by the history's reckoning. */
  byteLimit: number
}

/** Webhooks let go to make room: those whose delivery was over, and those still on their way. */
export interface DroppedCounts {
  finished: number
  undelivered: number
}

/**
 * One application's webhooks, at most `limit` of them holding at most `byteLimit` bytes, each
 * with its last ATTEMPTS_KEPT attempts (an attempt keeps at most 4 KiB of the answer's body and
 * 1 KiB of its headers, post-webhook.ts). Each application has its own, in its world, so one
 * application's burst never lets go of another's webhooks, and dropping an application drops them.
 *
 * Making room for a new webhook, or for an attempt's answer, lets go of one other than the one
 * that needs the room, in this order: the oldest whose delivery is over; else the oldest with an
 * attempt waiting (its delivery stops); else the oldest in flight (its attempt is aborted). A
 * webhook just made is never the one let go, so it is always delivered. Each one let go is
 * counted in `dropped`, and the caller stops its deliveries.
 */
export class WebhookHistory {
  /** By id, in the order made: the first is the oldest. */
  readonly #all = new Map<string, Webhook>()
  /** Those whose delivery is over, in the order it ended. */
  readonly #over = new Map<string, Webhook>()
  /** Those with an attempt waiting, in the order it began to wait. */
  readonly #waiting = new Map<string, Webhook>()
  #bytes = 0
  readonly dropped: DroppedCounts = { finished: 0, undelivered: 0 }

  constructor(
    readonly clientId: string,
    private readonly bounds: () => HistoryBounds,
  ) {}

  get size(): number {
    return this.#all.size
  }

  /**
   * What its webhooks hold at most, in bytes: each record's measured cost, its body and headers
   * at two bytes a character, and each attempt's answer at one byte a character. Kept as they
   * come and go, so weighing the history is O(1).
   */
  get bytes(): number {
    return this.#bytes
  }

  /** Keeps a new webhook, its first attempt waiting; returns those let go to make room. */
  add(webhook: Webhook): Webhook[] {
    webhook.state = 'waiting'
    webhook.bytes = webhookBytes(webhook)
    this.#all.set(webhook.id, webhook)
    this.#waiting.set(webhook.id, webhook)
    this.#bytes += webhook.bytes
    return this.#makeRoom(webhook)
  }

  /** Files a webhook under where its delivery now stands (the engine says). */
  setState(webhook: Webhook, state: Exclude<DeliveryState, 'gone'>): void {
    if (webhook.state === 'gone' || webhook.state === state || this.#all.get(webhook.id) !== webhook) return
    this.#unfile(webhook)
    webhook.state = state
    if (state === 'over') this.#over.set(webhook.id, webhook)
    else if (state === 'waiting') this.#waiting.set(webhook.id, webhook)
  }

  has(webhook: Webhook): boolean {
    return this.#all.get(webhook.id) === webhook
  }

  /** By id, in any case. */
  get(id: string): Webhook | undefined {
    return this.#all.get(id.toLowerCase())
  }

  /** A subscription's webhooks, newest first (inferred: Dwolla's other lists are). */
  forSubscription(subscriptionId: string): Webhook[] {
    const webhooks: Webhook[] = []
    for (const webhook of this.#all.values()) if (webhook.subscriptionId === subscriptionId) webhooks.push(webhook)
    return webhooks.reverse()
  }

  /** Every webhook kept, oldest first. */
  all(): IterableIterator<Webhook> {
    return this.#all.values()
  }

  /** Keeps an attempt (the oldest goes past ATTEMPTS_KEPT); returns the webhooks let go to stay within the bytes. */
  recordAttempt(webhook: Webhook, attempt: Attempt): Webhook[] {
    if (!this.has(webhook)) return []
    webhook.attempts.push(attempt)
    this.#grow(webhook, attemptBytes(attempt))
    if (webhook.attempts.length > ATTEMPTS_KEPT) this.#grow(webhook, -attemptBytes(webhook.attempts.shift() as Attempt))
    return this.#makeRoom(webhook)
  }

  recordRetry(webhook: Webhook, retry: Retry): void {
    if (!this.has(webhook)) return
    webhook.retries.push(retry)
    if (webhook.retries.length > RETRIES_KEPT) webhook.retries.shift()
    else this.#grow(webhook, RETRY_BYTES)
  }

  /** A deleted subscription's webhooks go with it (not counted as dropped); returns them. */
  removeSubscription(subscriptionId: string): Webhook[] {
    const removed: Webhook[] = []
    for (const webhook of this.#all.values()) {
      if (webhook.subscriptionId !== subscriptionId) continue
      this.#remove(webhook)
      removed.push(webhook)
    }
    return removed
  }

  #grow(webhook: Webhook, bytes: number): void {
    webhook.bytes += bytes
    this.#bytes += bytes
  }

  #makeRoom(needsRoom: Webhook): Webhook[] {
    const { limit, byteLimit } = this.bounds()
    const letGo: Webhook[] = []
    while (this.#all.size > limit || this.#bytes > byteLimit) {
      const chosen = oldestOtherThan(this.#over, needsRoom) ?? oldestOtherThan(this.#waiting, needsRoom) ?? oldestOtherThan(this.#all, needsRoom)
      if (chosen === undefined) break
      if (chosen.state === 'over') this.dropped.finished += 1
      else this.dropped.undelivered += 1
      this.#remove(chosen)
      letGo.push(chosen)
    }
    return letGo
  }

  #remove(webhook: Webhook): void {
    this.#unfile(webhook)
    this.#all.delete(webhook.id)
    this.#bytes -= webhook.bytes
    webhook.state = 'gone'
  }

  #unfile(webhook: Webhook): void {
    if (webhook.state === 'over') this.#over.delete(webhook.id)
    else if (webhook.state === 'waiting') this.#waiting.delete(webhook.id)
  }
}

/** The first of a map's webhooks that is not `except` (at most two are looked at). */
function oldestOtherThan(webhooks: ReadonlyMap<string, Webhook>, except: Webhook): Webhook | undefined {
  for (const webhook of webhooks.values()) if (webhook !== except) return webhook
  return undefined
}
