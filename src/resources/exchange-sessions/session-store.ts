import { randomBytes, randomUUID } from 'node:crypto'
import type { AvailableConnection, ExchangeSession, SessionCompletion, SessionFlow } from './exchange-session.js'

export interface SessionStoreOptions {
  clientId: string
  /** Most sessions one application keeps; past it the oldest is forgotten (it then answers 404). */
  limit: number
  now: () => number
  /** A completed re-authentication session's exchange is active again. */
  reauthenticated: (exchangeId: string) => void
  onChange: () => void
}

/** What a new session is made from. */
export interface SessionDraft {
  customerId: string
  partnerId: string
  flow: SessionFlow
  redirectUrl?: string
  exchangeId?: string
}

function base64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64')
}

/** MX's two sandbox accounts for a completed session (inferred names; the tokens are MX's shape, base64 of `{accountId, memberId}`). */
function mxConnections(): AvailableConnection[] {
  const memberId = `MBR-${randomUUID()}`
  return [
    { name: 'MX Bank Checking', availableConnectionToken: base64Json({ accountId: `ACT-${randomUUID()}`, memberId }) },
    { name: 'MX Bank Savings', availableConnectionToken: base64Json({ accountId: `ACT-${randomUUID()}`, memberId }) },
  ]
}

/**
 * One application's exchange sessions, oldest first, bounded (a session is short-lived: the
 * oldest goes first), indexed by customer for its available connections. Single use is not
 * enforced (dwolla-verification-facts §8, Mock).
 */
export class SessionStore {
  readonly #sessions = new Map<string, ExchangeSession>()
  readonly #byCustomer = new Map<string, Set<string>>()

  constructor(private readonly options: SessionStoreOptions) {}

  get clientId(): string {
    return this.options.clientId
  }

  get size(): number {
    return this.#sessions.size
  }

  get(id: string): ExchangeSession | undefined {
    return this.#sessions.get(id.toLowerCase())
  }

  create(draft: SessionDraft): ExchangeSession {
    const id = randomUUID()
    const session: ExchangeSession = {
      id,
      customerId: draft.customerId.toLowerCase(),
      partnerId: draft.partnerId,
      flow: draft.flow,
      created: this.options.now(),
      ...(draft.redirectUrl === undefined ? {} : { redirectUrl: draft.redirectUrl }),
      ...(draft.exchangeId === undefined ? {} : { exchangeId: draft.exchangeId }),
      ...(draft.flow === 'plaid' ? { externalProviderSessionToken: `link-sandbox-${randomUUID()}` } : {}),
      ...(draft.flow === 'checkout'
        ? {
            externalProviderSessionData: {
              id: `ps_${randomBytes(13).toString('hex')}`,
              payment_session_secret: `pss_${randomUUID()}`,
              payment_session_token: base64Json({ id, amount: 0, currency: 'USD' }),
            },
          }
        : {}),
      completed: false,
    }
    this.#put(session)
    if (this.#sessions.size > this.options.limit) this.#forget(this.#sessions.keys().next().value as string)
    this.options.onChange()
    return session
  }

  /** The accounts a customer linked through MX Connect, oldest first: what completed MX sessions made. */
  availableConnections(customerId: string): AvailableConnection[] {
    return [...(this.#byCustomer.get(customerId.toLowerCase()) ?? [])].flatMap((id) => this.#sessions.get(id)?.connections ?? [])
  }

  /**
   * The partner's flow, done: what it hands back (the same again for a session completed
   * before). A re-authentication session makes its exchange active again.
   */
  complete(id: string): SessionCompletion {
    const session = this.get(id)
    if (session === undefined) throw new RangeError(`no exchange session ${id} for application ${this.clientId}`)
    if (!session.completed) {
      session.completed = true
      if (session.flow === 'mx') session.connections = mxConnections()
      if (session.exchangeId !== undefined) this.options.reauthenticated(session.exchangeId)
      this.options.onChange()
    }
    return {
      ...(session.flow === 'plaid' ? { publicToken: `public-sandbox-${session.id}` } : {}),
      ...(session.connections === undefined ? {} : { availableConnections: session.connections.map((connection) => ({ ...connection })) }),
      ...(session.flow === 'checkout' ? { token: `pay_${session.id.replaceAll('-', '')}` } : {}),
      ...(session.exchangeId === undefined ? {} : { exchangeId: session.exchangeId }),
    }
  }

  snapshot(): ExchangeSession[] {
    return [...this.#sessions.values()].map((session) => structuredClone(session))
  }

  /** Puts a state file's sessions back as they were, oldest first: no change told. */
  restore(sessions: readonly ExchangeSession[]): void {
    for (const session of sessions) this.#put(structuredClone(session))
  }

  #put(session: ExchangeSession): void {
    this.#sessions.set(session.id, session)
    const ids = this.#byCustomer.get(session.customerId) ?? new Set<string>()
    ids.add(session.id)
    this.#byCustomer.set(session.customerId, ids)
  }

  #forget(id: string): void {
    const session = this.#sessions.get(id)
    if (session === undefined) return
    this.#sessions.delete(id)
    const ids = this.#byCustomer.get(session.customerId)
    ids?.delete(id)
    if (ids?.size === 0) this.#byCustomer.delete(session.customerId)
  }
}
