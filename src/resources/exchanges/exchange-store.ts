import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import { isOwnedBy, type Exchange, type ExchangeOwner, type ExchangeProblem, type ExchangeStatus } from './exchange.js'
import { EXCHANGE_MESSAGES } from './exchange-messages.js'
import type { ExchangeDraft } from './read-exchange-request.js'

export interface ExchangeStoreOptions {
  clientId: string
  /** Most exchanges one application keeps; past it a create answers MaxNumberOfResources. */
  limit: number
  now: () => number
  /** `customer_exchange_reauth_required` for a customer's exchange, after it is stored. */
  raiseReauthRequired: (exchange: Exchange) => void
  onChange: () => void
}

const ACCOUNT_KEY = 'account'

function ownerKey(owner: ExchangeOwner): string {
  return owner.kind === 'account' ? ACCOUNT_KEY : owner.customerId.toLowerCase()
}

/**
 * One application's exchanges, the Account's and every customer's, bounded, indexed by id and by
 * owner (a list costs its owner's exchanges only). It never knows about HTTP or files.
 */
export class ExchangeStore {
  readonly #exchanges = new Map<string, Exchange>()
  readonly #owners = new Map<string, Set<string>>()

  constructor(private readonly options: ExchangeStoreOptions) {}

  get clientId(): string {
    return this.options.clientId
  }

  get size(): number {
    return this.#exchanges.size
  }

  get(id: string): Exchange | undefined {
    return this.#exchanges.get(id.toLowerCase())
  }

  /** An owner's exchanges, oldest first (inferred: Dwolla documents no order). */
  list(owner: ExchangeOwner): Exchange[] {
    return [...(this.#owners.get(ownerKey(owner)) ?? [])].map((id) => this.#exchanges.get(id) as Exchange)
  }

  /** A new active exchange for an owner, from a checked draft. */
  create(owner: ExchangeOwner, draft: ExchangeDraft): Exchange {
    if (this.#exchanges.size >= this.options.limit) throw new DwollaError('MaxNumberOfResources', { message: EXCHANGE_MESSAGES.tooManyExchanges })
    const exchange: Exchange = {
      id: randomUUID(),
      ...(owner.kind === 'customer' ? { customerId: owner.customerId.toLowerCase() } : {}),
      partnerId: draft.partner.id,
      status: 'active',
      created: this.options.now(),
      credential: draft.credential,
    }
    this.#put(exchange)
    this.options.onChange()
    return exchange
  }

  /** Why this owner cannot make a funding source from it now; undefined when it can. */
  problem(id: string, owner: ExchangeOwner): ExchangeProblem | undefined {
    const exchange = this.get(id)
    if (exchange === undefined || !isOwnedBy(exchange, owner)) return 'unknown'
    if (exchange.status !== 'active') return 'inactive'
    return exchange.fundingSourceId === undefined ? undefined : 'used'
  }

  /** Marks it used by a funding source (after {@link problem} said it could be). */
  use(id: string, fundingSourceId: string): void {
    const exchange = this.#require(id)
    if (exchange.fundingSourceId !== undefined) throw new RangeError(`exchange ${id} is used already`)
    exchange.fundingSourceId = fundingSourceId
    this.options.onChange()
  }

  /** Deactivates, removes or reactivates it (the test double's; a completed re-auth session reactivates). */
  setStatus(id: string, status: ExchangeStatus): Exchange {
    const exchange = this.#require(id)
    exchange.status = status
    this.options.onChange()
    return exchange
  }

  /**
   * Raises `customer_exchange_reauth_required`: Plaid's warning that the exchange will soon be
   * deactivated unless the user re-authenticates (webhook-events.mdx). Customers' exchanges only
   * (the topic is a customer's).
   */
  requireReauth(id: string): Exchange {
    const exchange = this.#require(id)
    if (exchange.customerId === undefined) throw new RangeError(`exchange ${id} is the Account's: the topic is a customer's`)
    this.options.raiseReauthRequired(exchange)
    return exchange
  }

  snapshot(): Exchange[] {
    return [...this.#exchanges.values()].map((exchange) => ({ ...exchange }))
  }

  /** Puts a state file's exchanges back as they were, oldest first: no events, no change told. */
  restore(exchanges: readonly Exchange[]): void {
    for (const exchange of exchanges) this.#put({ ...exchange })
  }

  #require(id: string): Exchange {
    const exchange = this.get(id)
    if (exchange === undefined) throw new RangeError(`no exchange ${id} for application ${this.clientId}`)
    return exchange
  }

  #put(exchange: Exchange): void {
    this.#exchanges.set(exchange.id, exchange)
    const key = exchange.customerId ?? ACCOUNT_KEY
    const ids = this.#owners.get(key) ?? new Set<string>()
    ids.add(exchange.id)
    this.#owners.set(key, ids)
  }
}
