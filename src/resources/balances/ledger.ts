/**
 * One application's money, as a double-entry ledger: every movement is a posting of a whole
 * number of cents from one account to another, so the accounts always add up to zero. The
 * sandbox's own funding, a customer's bank, a transfer's money in flight: each is an account too,
 * so nothing is ever created or destroyed, only moved. This is the only code that changes a
 * balance; everything else (the test double, and transfers later) asks it to.
 *
 * Every operation is synchronous and checks before it changes anything: with no await between a
 * check and its posting, concurrent requests cannot overdraw an account.
 */

/**
 * What an account is. `balance`: a Dwolla balance funding source (the Account's or a Verified
 * Customer's), never below zero except through a debit return. `transit`: money in flight (a
 * transfer's, between its legs), never below zero. `bank` and `external`: outside Dwolla (a
 * bank funding source, the sandbox's own funding, the test double), either sign: they are where
 * money comes from and goes to.
 */
export type LedgerAccountKind = 'balance' | 'transit' | 'bank' | 'external'

export const LEDGER_ACCOUNT_KINDS: readonly LedgerAccountKind[] = ['balance', 'transit', 'bank', 'external']

export interface LedgerAccount {
  kind: LedgerAccountKind
  /** A funding source's id for `balance` and `bank`; a transfer's for `transit`; a name for `external`. */
  id: string
}

/** The most (and, negated, the least) an account may hold: $10 trillion, well inside exact integers. */
export const LEDGER_LIMIT_CENTS = 1_000_000_000_000_000

/** An account's state: what it can spend, what labels hold of it, and when it last changed. */
export interface AccountState {
  /** Cents that can be sent, withdrawn or labelled (Dwolla's `balance`). */
  available: number
  /** Cents held for labels: part of the `total`, not available. */
  held: number
  /** When a posting last touched it, in milliseconds by the mock's clock. */
  lastUpdated: number
}

/** One account as the state file keeps it. */
export interface LedgerEntry extends LedgerAccount, AccountState {}

/** A movement the ledger refused; nothing changed. */
export class LedgerRefusal extends Error {
  constructor(
    /** `insufficient-funds`: the source cannot go that low; `limit`: an account would pass {@link LEDGER_LIMIT_CENTS}. */
    readonly reason: 'insufficient-funds' | 'limit',
    message: string,
  ) {
    super(message)
    this.name = 'LedgerRefusal'
  }
}

export interface MoveOptions {
  /** When, in milliseconds by the mock's clock. */
  at: number
  /**
   * Lets a `balance` go below zero: only for a debit return, which pulls money back out of a
   * balance that already spent it (Dwolla: `customer_funding_source_negative`).
   */
  debitReturn?: boolean
}

const ZERO: AccountState = Object.freeze({ available: 0, held: 0, lastUpdated: 0 })

function keyOf({ kind, id }: LedgerAccount): string {
  return `${kind}:${id}`
}

function requireCents(cents: number): void {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError(`a posting moves a positive whole number of cents, not ${cents}`)
}

export class Ledger {
  readonly #accounts = new Map<string, LedgerEntry>()

  constructor(private readonly onChange: () => void = () => undefined) {}

  /** How many accounts it holds (an account at zero that never mattered is not held). */
  get size(): number {
    return this.#accounts.size
  }

  /** An account's state; zero for an account never posted to. */
  state(account: LedgerAccount): AccountState {
    const entry = this.#accounts.get(keyOf(account))
    return entry === undefined ? ZERO : { available: entry.available, held: entry.held, lastUpdated: entry.lastUpdated }
  }

  /** Cents it can spend. */
  available(account: LedgerAccount): number {
    return this.#accounts.get(keyOf(account))?.available ?? 0
  }

  /** Cents it holds in all: available and held. */
  total(account: LedgerAccount): number {
    const entry = this.#accounts.get(keyOf(account))
    return entry === undefined ? 0 : entry.available + entry.held
  }

  /** When a posting last touched it; undefined when none ever did. */
  lastUpdated(account: LedgerAccount): number | undefined {
    return this.#accounts.get(keyOf(account))?.lastUpdated
  }

  /**
   * Posts `cents` from one account's available money to another's. A `balance` or `transit`
   * source must hold them (a `balance` may go below zero on a debit return only); no account
   * may pass the limit. Refuses with a {@link LedgerRefusal}, changing nothing.
   */
  move(from: LedgerAccount, to: LedgerAccount, cents: number, options: MoveOptions): void {
    requireCents(cents)
    if (keyOf(from) === keyOf(to)) throw new RangeError(`a posting moves money between two accounts, not within ${keyOf(from)}`)
    const source = this.#entry(from)
    const destination = this.#entry(to)
    const mayGoNegative = from.kind === 'bank' || from.kind === 'external' || (from.kind === 'balance' && options.debitReturn === true)
    if (!mayGoNegative && source.available < cents) {
      throw new LedgerRefusal('insufficient-funds', `${keyOf(from)} holds ${source.available} cents, not ${cents}`)
    }
    if (source.available - cents < -LEDGER_LIMIT_CENTS || destination.available + destination.held + cents > LEDGER_LIMIT_CENTS) {
      throw new LedgerRefusal('limit', `moving ${cents} cents would take an account past ${LEDGER_LIMIT_CENTS} cents`)
    }
    source.available -= cents
    destination.available += cents
    source.lastUpdated = options.at
    destination.lastUpdated = options.at
    this.#keep(source)
    this.#keep(destination)
    this.onChange()
  }

  /** Sets part of an account's available money aside (a label's): it stays in the total. */
  hold(account: LedgerAccount, cents: number, at: number): void {
    requireCents(cents)
    const entry = this.#entry(account)
    if (entry.available < cents) throw new LedgerRefusal('insufficient-funds', `${keyOf(account)} has ${entry.available} cents available, not ${cents}`)
    entry.available -= cents
    entry.held += cents
    entry.lastUpdated = at
    this.#keep(entry)
    this.onChange()
  }

  /** Makes held money available again. */
  release(account: LedgerAccount, cents: number, at: number): void {
    requireCents(cents)
    const entry = this.#entry(account)
    if (entry.held < cents) throw new LedgerRefusal('insufficient-funds', `${keyOf(account)} holds ${entry.held} cents aside, not ${cents}`)
    entry.held -= cents
    entry.available += cents
    entry.lastUpdated = at
    this.#keep(entry)
    this.onChange()
  }

  /** What every account holds together: zero, always (what the ledger's tests check). */
  sum(): number {
    let sum = 0
    for (const entry of this.#accounts.values()) sum += entry.available + entry.held
    return sum
  }

  snapshot(): LedgerEntry[] {
    return [...this.#accounts.values()].map((entry) => ({ ...entry }))
  }

  /** Puts a snapshot's accounts in, as they were (checked by the caller: they add up to zero). */
  restore(entries: readonly LedgerEntry[]): void {
    this.#accounts.clear()
    for (const entry of entries) this.#accounts.set(keyOf(entry), { ...entry })
  }

  /** The account's live entry, a new one (not yet kept) when it was never posted to. */
  #entry(account: LedgerAccount): LedgerEntry {
    return this.#accounts.get(keyOf(account)) ?? { kind: account.kind, id: account.id, ...ZERO }
  }

  /**
   * Keeps an entry, or lets go of money in flight once it has all moved on: a transfer's
   * `transit` account at zero tells nothing, and thousands of transfers must not leave
   * thousands of them. Every other account is kept, for its `lastUpdated`.
   */
  #keep(entry: LedgerEntry): void {
    if (entry.kind === 'transit' && entry.available === 0 && entry.held === 0) this.#accounts.delete(keyOf(entry))
    else this.#accounts.set(keyOf(entry), entry)
  }
}
