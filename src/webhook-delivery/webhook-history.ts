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
  /** `headers` packed, as post-webhook.ts keeps them (unpackHeaders). */
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
}

/** Attempts kept per webhook: the first and Dwolla's 8 retries, plus one (older ones go first). */
export const ATTEMPTS_KEPT = 10
/** Manual retries kept per webhook (older ones go first). */
export const RETRIES_KEPT = 10

/**
 * The webhooks the mock has made, at most `limit` of them (the oldest go first, with their
 * attempts), each keeping its last ATTEMPTS_KEPT attempts. An attempt keeps at most 4 KiB of the
 * answer's body and 1 KiB of its headers (post-webhook.ts), and shares the webhook's own body and
 * headers, so the history's memory is bounded however many events there are and whatever
 * receivers answer (about 70 KiB per webhook at worst, measured by test/webhooks/memory.test.ts).
 */
export class WebhookHistory {
  /** By id, in the order made: the first key is the oldest. */
  readonly #webhooks = new Map<string, Webhook>()

  constructor(readonly limit: number) {}

  get size(): number {
    return this.#webhooks.size
  }

  /**
   * Keeps a new webhook; returns those let go to make room (their deliveries must stop). The
   * oldest whose delivery is over goes first (`inProgress` says which are not), so a burst of
   * events drops no delivery; only when every webhook kept is still on its way does the oldest go.
   */
  add(webhook: Webhook, inProgress: (webhook: Webhook) => boolean = () => false): Webhook[] {
    this.#webhooks.set(webhook.id, webhook)
    const evicted: Webhook[] = []
    while (this.#webhooks.size > this.limit) {
      let chosen: Webhook | undefined
      for (const kept of this.#webhooks.values()) {
        if (!inProgress(kept)) {
          chosen = kept
          break
        }
      }
      chosen ??= this.#webhooks.values().next().value as Webhook
      this.#webhooks.delete(chosen.id)
      evicted.push(chosen)
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
