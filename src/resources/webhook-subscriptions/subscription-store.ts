import { randomUUID } from 'node:crypto'
import { namesAdminApi } from '../../admin/admin-path.js'
import { DwollaError, LIMIT_MESSAGES, validationError, type EmbeddedError } from '../../errors.js'

/**
 * A webhook subscription (dev-portal api-reference/webhook-subscriptions): where an application
 * wants its events POSTed, and the secret their signatures are made with. The secret never
 * leaves the mock except as those signatures (and in the user's own state file).
 */
export interface WebhookSubscription {
  id: string
  /** The application (its key) that subscribed; only its events go to this URL. */
  clientId: string
  url: string
  secret: string
  paused: boolean
  /** In milliseconds by the mock's clock. */
  created: number
  /**
   * The mock's base URL as the subscribing request reached it: the hrefs in the events delivered
   * to this subscription use it, so they are the hrefs the application itself would follow.
   */
  baseUrl: string
}

/** A subscription written down, as a state file keeps it (in its application's entry). */
export interface SubscriptionDocument {
  id: string
  url: string
  secret: string
  paused: boolean
  /** ISO 8601. */
  created: string
  baseUrl: string
}

/**
 * "The webhook subscription will be paused after 400 consecutive failures and 24 hours since the
 * last success" (dev-portal api-reference/webhook-subscriptions, automatic pause).
 */
export const AUTO_PAUSE_FAILURES = 400
export const AUTO_PAUSE_QUIET_MS = 24 * 60 * 60 * 1000

/** The longest url accepted (inferred: Dwolla documents none; common servers refuse longer request lines). */
export const URL_MAX_LENGTH = 2048
/** "Secret must be 128 or fewer characters." (Dwolla's SecretTooLongError). */
export const SECRET_MAX_LENGTH = 128

/** Dwolla's embedded errors for a subscription's fields (InvalidUrlFormatError, SecretTooLongError). */
export const SUBSCRIPTION_FIELD_ERRORS = {
  urlRequired: { code: 'Required', message: 'Url required.', path: '/url', _links: {} },
  urlInvalid: { code: 'InvalidFormat', message: 'Url must be a valid url.', path: '/url', _links: {} },
  /** The mock's own: a webhook must never drive a mock's test-double routes (issue 27 item 5). */
  urlAdminApi: { code: 'InvalidFormat', message: 'Url must not point at the mock’s own admin API (/__mock).', path: '/url', _links: {} },
  secretRequired: { code: 'Required', message: 'Secret required.', path: '/secret', _links: {} },
  secretInvalid: { code: 'Invalid', message: 'Secret invalid.', path: '/secret', _links: {} },
  secretTooLong: { code: 'InvalidFormat', message: 'Secret must be 128 or fewer characters.', path: '/secret', _links: {} },
} as const satisfies Record<string, EmbeddedError>

/**
 * What is wrong with a subscription's url and secret, in Dwolla's embedded errors; empty when
 * nothing. The url must be an absolute http or https URL without credentials (local URLs are the
 * point), port 0 or a control character or space anywhere is no valid url, and no path may name
 * the mock's admin API; an empty secret counts as missing, one that is not a string is Invalid
 * (all inferred).
 */
export function subscriptionProblems(url: unknown, secret: unknown): EmbeddedError[] {
  const problems: EmbeddedError[] = []
  if (url === undefined) problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.urlRequired })
  else {
    const parsed = deliverableUrl(url)
    if (parsed === undefined) problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.urlInvalid })
    else if (namesAdminApi(parsed.pathname)) problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.urlAdminApi })
  }
  if (secret === undefined || secret === '') problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.secretRequired })
  else if (typeof secret !== 'string') problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.secretInvalid })
  else if (secret.length > SECRET_MAX_LENGTH) problems.push({ ...SUBSCRIPTION_FIELD_ERRORS.secretTooLong })
  return problems
}

/**
 * A control character or a space, which the URL parser would quietly strip (tabs and newlines
 * anywhere, the rest at the ends) while the url is kept and shown as given.
 */
function hasControlOrSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code <= 0x20 || code === 0x7f) return true
  }
  return false
}

/** The url parsed, when it is one the mock can deliver to. Port 0 is refused: node:http would send to port 80. */
function deliverableUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > URL_MAX_LENGTH || hasControlOrSpace(value)) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return undefined
  }
  const deliverable =
    (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '' && url.port !== '0'
  return deliverable ? url : undefined
}

export interface SubscriptionStoreOptions {
  /** The application (its key) whose subscriptions these are. */
  clientId: string
  /** Most subscriptions it holds (Dwolla's sandbox: 10). */
  limit: number
  now: () => number
}

/**
 * One application's webhook subscriptions, at most `limit` of them. It also keeps each
 * subscription's run of failed deliveries, to pause it as Dwolla does. No HTTP, no I/O:
 * persistence listens through `onChange`, the webhooks through `onRemove`.
 */
export class SubscriptionStore {
  /** By id, in the order created. */
  readonly #subscriptions = new Map<string, WebhookSubscription>()
  /** Failures in a row and the last success, per subscription: not persisted (a restart forgives). */
  readonly #health = new Map<string, { failures: number; lastSuccess: number }>()
  readonly #changeListeners = new Set<() => void>()
  readonly #removeListeners = new Set<(subscription: WebhookSubscription) => void>()

  constructor(private readonly options: SubscriptionStoreOptions) {}

  /** Calls `listener` after every change (create, pause, delete, clear); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#changeListeners.add(listener)
    return () => void this.#changeListeners.delete(listener)
  }

  /** Calls `listener` with each subscription deleted (not on clear); returns the unsubscribe. */
  onRemove(listener: (subscription: WebhookSubscription) => void): () => void {
    this.#removeListeners.add(listener)
    return () => void this.#removeListeners.delete(listener)
  }

  /**
   * POST /webhook-subscriptions: checks the fields (400 ValidationError), then the bounds (400
   * MaxNumberOfResources "The maximum number of subscriptions has been reached."), then stores it.
   */
  create(body: { url?: unknown; secret?: unknown }, baseUrl: string): WebhookSubscription {
    const problems = subscriptionProblems(body.url, body.secret)
    if (problems.length > 0) throw validationError(problems)
    if (this.#subscriptions.size >= this.options.limit) throw new DwollaError('MaxNumberOfResources', { message: LIMIT_MESSAGES.subscriptions })
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      clientId: this.options.clientId,
      url: body.url as string,
      secret: body.secret as string,
      paused: false,
      created: this.options.now(),
      baseUrl,
    }
    this.#subscriptions.set(subscription.id, subscription)
    this.#changed()
    return subscription
  }

  get size(): number {
    return this.#subscriptions.size
  }

  /** Newest first (inferred: Dwolla's other lists are). */
  list(): WebhookSubscription[] {
    return [...this.#subscriptions.values()].reverse()
  }

  /** By id, in any case. */
  get(id: string): WebhookSubscription | undefined {
    return this.#subscriptions.get(id.toLowerCase())
  }

  /** POST /webhook-subscriptions/{id} `{paused}`; unpausing forgives the failures so far. */
  setPaused(subscription: WebhookSubscription, paused: boolean): WebhookSubscription {
    subscription.paused = paused
    if (!paused) this.#health.delete(subscription.id)
    this.#changed()
    return subscription
  }

  /** DELETE /webhook-subscriptions/{id}: gone, and its listeners told (its deliveries stop). */
  remove(subscription: WebhookSubscription): WebhookSubscription {
    this.#subscriptions.delete(subscription.id)
    this.#health.delete(subscription.id)
    for (const listener of this.#removeListeners) listener(subscription)
    this.#changed()
    return subscription
  }

  /**
   * Notes how a delivery to the subscription went. After AUTO_PAUSE_FAILURES failures in a row
   * with no success for AUTO_PAUSE_QUIET_MS (since it was created, if never), it is paused, as
   * Dwolla pauses endpoints that are no longer reachable. Says whether it paused it now.
   */
  recordDelivery(subscription: WebhookSubscription, succeeded: boolean, at: number): boolean {
    if (!this.#subscriptions.has(subscription.id)) return false
    if (succeeded) {
      this.#health.set(subscription.id, { failures: 0, lastSuccess: at })
      return false
    }
    const health = this.#health.get(subscription.id) ?? { failures: 0, lastSuccess: subscription.created }
    health.failures += 1
    this.#health.set(subscription.id, health)
    if (subscription.paused || health.failures < AUTO_PAUSE_FAILURES || at - health.lastSuccess < AUTO_PAUSE_QUIET_MS) return false
    this.setPaused(subscription, true)
    return true
  }

  snapshot(): SubscriptionDocument[] {
    return [...this.#subscriptions.values()].map(({ clientId: _clientId, created, ...rest }) => ({ ...rest, created: new Date(created).toISOString() }))
  }

  /**
   * Replaces everything with what a state file holds (its fields checked by the caller), without
   * announcing a change. More than the limit allows: MaxNumberOfResources, and nothing changes.
   */
  restore(documents: readonly SubscriptionDocument[]): void {
    if (documents.length > this.options.limit) throw new DwollaError('MaxNumberOfResources', { message: LIMIT_MESSAGES.subscriptions })
    this.#subscriptions.clear()
    this.#health.clear()
    for (const { created, ...rest } of documents) {
      this.#subscriptions.set(rest.id, { ...rest, clientId: this.options.clientId, created: Date.parse(created) })
    }
  }

  #changed(): void {
    for (const listener of this.#changeListeners) listener()
  }
}
