import { randomUUID } from 'node:crypto'

/**
 * An on-demand transfer authorization (dev-portal transfers/create-an-on-demand-transfer-
 * authorization.mdx): the customer's agreement to future debits, given once, then named by one
 * bank when it is added (`_links["on-demand-authorization"]`).
 */
export interface OnDemandAuthorization {
  id: string
  /** In milliseconds by the mock's clock. */
  created: number
  /** The funding source that used it; an authorization is used once. */
  usedBy?: string
}

/**
 * Most authorizations one application keeps: past it the oldest is forgotten (it then answers as
 * one never given). Dwolla documents no bound; one is issued per bank a customer adds.
 */
export const AUTHORIZATION_LIMIT = 1_000

/** Why an authorization cannot be used: never given (or forgotten), or used already. */
export type AuthorizationProblem = 'unknown' | 'used'

/** One application's on-demand authorizations, oldest first, bounded. */
export class AuthorizationStore {
  readonly #authorizations = new Map<string, OnDemandAuthorization>()

  constructor(
    private readonly now: () => number,
    private readonly onChange: () => void,
  ) {}

  get size(): number {
    return this.#authorizations.size
  }

  get(id: string): OnDemandAuthorization | undefined {
    return this.#authorizations.get(id.toLowerCase())
  }

  /** A new authorization; the oldest goes past {@link AUTHORIZATION_LIMIT}. */
  issue(): OnDemandAuthorization {
    const authorization = { id: randomUUID(), created: this.now() }
    this.#put(authorization)
    this.onChange()
    return authorization
  }

  /** Why it cannot be used now; undefined when it can. */
  problem(id: string): AuthorizationProblem | undefined {
    const authorization = this.get(id)
    if (authorization === undefined) return 'unknown'
    return authorization.usedBy === undefined ? undefined : 'used'
  }

  /** Marks it used by a funding source (after {@link problem} said it could be). */
  use(id: string, fundingSourceId: string): void {
    const authorization = this.get(id)
    if (authorization === undefined || authorization.usedBy !== undefined) throw new RangeError(`on-demand authorization ${id} cannot be used`)
    authorization.usedBy = fundingSourceId
    this.onChange()
  }

  snapshot(): OnDemandAuthorization[] {
    return [...this.#authorizations.values()].map((authorization) => ({ ...authorization }))
  }

  /** Authorizations as snapshot() gave them, oldest first. */
  restore(authorizations: readonly OnDemandAuthorization[]): void {
    this.#authorizations.clear()
    for (const authorization of authorizations) this.#put({ ...authorization })
  }

  #put(authorization: OnDemandAuthorization): void {
    this.#authorizations.set(authorization.id, authorization)
    if (this.#authorizations.size > AUTHORIZATION_LIMIT) this.#authorizations.delete(this.#authorizations.keys().next().value as string)
  }
}
