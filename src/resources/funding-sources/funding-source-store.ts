import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import { countsAgainstBankLimit, type FundingSource, type Owner } from './funding-source.js'
import type { FundingSourceTopic } from './funding-source-events.js'
import { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
import * as microDeposits from './micro-deposits.js'
import type { Adder, FundingSourceDraft } from './read-create-request.js'
import * as transitions from './transitions.js'

export interface FundingSourceStoreOptions {
  /** The application (its key) these funding sources belong to. */
  clientId: string
  /** Most funding sources it holds besides balances (one per verified customer, bounded by them); removed ones count. */
  limit: number
  /** Most active banks and VANs one customer may have (`customerBankLimit`). */
  bankLimit: number
  autoVerifyBanks: boolean
  now: () => number
  /** Told of every topic a change raises, after the change is stored. */
  raise: (topic: FundingSourceTopic, source: FundingSource) => void
  /** Called after every change, so persistence can write (it never knows what changed). */
  onChange: () => void
}

/** Thrown for a bank its owner already has: the HTTP layer answers DuplicateResource with `_links.about`. */
export class DuplicateBank extends Error {
  constructor(readonly existingId: string) {
    super(`Bank already exists: id=${existingId}`)
    this.name = 'DuplicateBank'
  }
}

/** One owner's funding sources: its balance apart (always listed first), the rest in the order they were added. */
interface OwnerIndex {
  balanceId: string | undefined
  /** Every other funding source's id, removed ones too, oldest first. */
  ids: Set<string>
  /** Banks by fingerprint, removed ones too: a duplicate or a re-add is found without a scan. */
  byFingerprint: Map<string, Set<string>>
  /** Active banks and VANs: what the bank limit counts. */
  active: number
}

const ACCOUNT_KEY = 'account'

function ownerKey(owner: Owner): string {
  return owner.kind === 'account' ? ACCOUNT_KEY : owner.customerId.toLowerCase()
}

function keyOf(source: FundingSource): string {
  return source.customerId ?? ACCOUNT_KEY
}

/** At most this many pending micro-deposits are processed by one simulation ("the last 500", testing/index.mdx). */
export const SIMULATION_BATCH = 500

/**
 * One application's funding sources: the Account's and every customer's, bounded, indexed by id
 * and by owner (so a list costs its owner's funding sources, never every one stored), and the
 * only place the transitions' results are applied. It raises each transition's topics and says it
 * changed; it never knows about HTTP, customers or files.
 */
export class FundingSourceStore {
  readonly #sources = new Map<string, FundingSource>()
  readonly #owners = new Map<string, OwnerIndex>()
  /** Banks whose micro-deposits are pending, in the order they were initiated. */
  readonly #pending = new Set<string>()
  /** Funding sources other than balances: what `limit` counts. */
  #bounded = 0

  constructor(private readonly options: FundingSourceStoreOptions) {}

  get clientId(): string {
    return this.options.clientId
  }

  /** Every funding source held, balances and removed ones included. */
  get size(): number {
    return this.#sources.size
  }

  get(id: string): FundingSource | undefined {
    return this.#sources.get(id.toLowerCase())
  }

  /**
   * An owner's funding sources: its balance first, then the others in the order they were added
   * (inferred: Dwolla documents no order). `removed`: undefined for all, false for those not
   * removed, true for the removed ones only (list-funding-sources-for-a-customer.mdx).
   */
  list(owner: Owner, removed?: boolean): FundingSource[] {
    const index = this.#owners.get(ownerKey(owner))
    if (index === undefined) return []
    const listed: FundingSource[] = []
    const balance = index.balanceId === undefined ? undefined : this.#sources.get(index.balanceId)
    if (balance !== undefined && removed !== true) listed.push(balance)
    for (const id of index.ids) {
      const source = this.#sources.get(id) as FundingSource
      if (removed === undefined || source.removed === removed) listed.push(source)
    }
    return listed
  }

  /** A customer's balance, if it has one. */
  balanceOf(customerId: string): FundingSource | undefined {
    const id = this.#owners.get(customerId.toLowerCase())?.balanceId
    return id === undefined ? undefined : this.#sources.get(id)
  }

  /** A Verified Customer's balance, made the first time it is needed; no event (help.dwolla.com 2444678). */
  ensureBalance(customerId: string): FundingSource {
    return (
      this.balanceOf(customerId) ?? this.#apply({ source: transitions.createBalance(randomUUID(), customerId.toLowerCase(), this.options.now()), topics: [] })
    )
  }

  /**
   * A new funding source for an owner, from a checked draft: a bank the owner has already (same
   * fingerprint, not removed) is a {@link DuplicateBank}; a removed unverified one added within
   * 48 hours comes back with its id; past the customer's bank limit or the store's,
   * MaxNumberOfResources. Returns the stored funding source.
   */
  create(owner: Owner, draft: FundingSourceDraft): FundingSource {
    const now = this.options.now()
    const index = this.#owners.get(ownerKey(owner))
    const fingerprint = transitions.draftFingerprint(draft)
    let readdable: FundingSource | undefined
    for (const id of fingerprint === undefined ? [] : (index?.byFingerprint.get(fingerprint) ?? [])) {
      const existing = this.#sources.get(id) as FundingSource
      if (!existing.removed) throw new DuplicateBank(existing.id)
      if (transitions.isReaddable(existing, now)) readdable = existing
    }
    if (owner.kind === 'customer' && (index?.active ?? 0) >= this.options.bankLimit) {
      throw new DwollaError('MaxNumberOfResources', { message: FUNDING_SOURCE_MESSAGES.tooManyBanks })
    }
    if (readdable !== undefined) return this.#apply(transitions.readd(readdable, draft), readdable)
    if (this.#bounded >= this.options.limit) throw new DwollaError('MaxNumberOfResources', { message: FUNDING_SOURCE_MESSAGES.tooManyFundingSources })
    return this.#apply(transitions.createFundingSource(randomUUID(), owner, draft, { now, autoVerifyBanks: this.options.autoVerifyBanks }))
  }

  /** POST /funding-sources/{id} `{"removed": true}`. */
  remove(id: string): FundingSource {
    const source = this.#require(id)
    return this.#apply(transitions.remove(source), source)
  }

  /** A return code's systematic action on a bank (R22). */
  unverify(id: string): FundingSource {
    const source = this.#require(id)
    return this.#apply(transitions.unverify(source), source)
  }

  /**
   * Says a balance went below zero (a debit return pulled out money it had already spent): the
   * ledger holds the money; this raises `funding_source_negative` for the balance's owner.
   */
  announceNegative(id: string): void {
    const source = this.#require(id)
    if (source.type !== 'balance') throw new RangeError(`funding source ${id} is not a balance`)
    this.options.raise('funding_source_negative', source)
  }

  /** POST /funding-sources/{id} with a new name (and, unverified, new numbers or type). */
  update(id: string, body: Record<string, unknown>, adder: Adder): FundingSource {
    const source = this.#require(id)
    const transition = transitions.update(source, body, adder)
    const fingerprint = transition.source.fingerprint
    if (fingerprint !== source.fingerprint && fingerprint !== undefined) {
      for (const otherId of this.#owners.get(keyOf(source))?.byFingerprint.get(fingerprint) ?? []) {
        const other = this.#sources.get(otherId) as FundingSource
        if (!other.removed) throw new DuplicateBank(other.id)
      }
    }
    return this.#apply(transition, source)
  }

  initiateMicroDeposits(id: string): FundingSource {
    const source = this.#require(id)
    return this.#apply(microDeposits.initiate(source, this.options.now()), source)
  }

  /** The amounts entered: whether they verified the bank. A wrong attempt is counted (and stored) all the same. */
  verifyMicroDeposits(id: string, body: Record<string, unknown>): { source: FundingSource; verified: boolean } {
    const source = this.#require(id)
    const verification = microDeposits.verify(source, body)
    return { source: this.#apply(verification, source), verified: verification.verified }
  }

  /** The sandbox's processing: the most recent {@link SIMULATION_BATCH} pending micro-deposits settle; how many did. */
  processPendingMicroDeposits(): number {
    const batch = [...this.#pending].slice(-SIMULATION_BATCH)
    for (const id of batch) {
      const source = this.#sources.get(id) as FundingSource
      this.#apply(microDeposits.process(source), source)
    }
    return batch.length
  }

  /**
   * Puts a funding source in as it is: the Account's seeds, balances and restored state. Raises
   * nothing (they are not events). Ids must be new.
   */
  insert(source: FundingSource): FundingSource {
    if (this.#sources.has(source.id)) throw new RangeError(`funding source ${source.id} already exists for application ${this.clientId}`)
    return this.#store(source)
  }

  /** One page of every funding source held, newest first (the dashboard's): only the page's records are read. */
  newest(offset: number, limit: number): FundingSource[] {
    const all = [...this.#sources.values()]
    const end = all.length - offset
    return end <= 0 ? [] : all.slice(Math.max(0, end - limit), end).reverse()
  }

  snapshot(): FundingSource[] {
    return [...this.#sources.values()].map((source) => structuredClone(source))
  }

  #require(id: string): FundingSource {
    const source = this.get(id)
    if (source === undefined) throw new RangeError(`no funding source ${id} for application ${this.clientId}`)
    return source
  }

  #apply(transition: transitions.Transition, previous?: FundingSource): FundingSource {
    const stored = this.#store(transition.source, previous)
    for (const topic of transition.topics) this.options.raise(topic, stored)
    this.options.onChange()
    return stored
  }

  /** Stores a funding source (new or changed) and keeps every index true to it. */
  #store(source: FundingSource, previous?: FundingSource): FundingSource {
    const key = keyOf(source)
    let index = this.#owners.get(key)
    if (index === undefined) {
      index = { balanceId: undefined, ids: new Set(), byFingerprint: new Map(), active: 0 }
      this.#owners.set(key, index)
    }
    if (previous === undefined) {
      if (source.type === 'balance') index.balanceId = source.id
      else {
        index.ids.add(source.id)
        this.#bounded += 1
      }
      if (source.fingerprint !== undefined && source.type === 'bank') {
        const ids = index.byFingerprint.get(source.fingerprint) ?? new Set<string>()
        ids.add(source.id)
        index.byFingerprint.set(source.fingerprint, ids)
      }
    } else {
      if (countsAgainstBankLimit(previous)) index.active -= 1
      if (previous.fingerprint !== source.fingerprint && previous.type === 'bank') {
        if (previous.fingerprint !== undefined) {
          const ids = index.byFingerprint.get(previous.fingerprint)
          ids?.delete(source.id)
          if (ids?.size === 0) index.byFingerprint.delete(previous.fingerprint)
        }
        if (source.fingerprint !== undefined)
          index.byFingerprint.set(source.fingerprint, (index.byFingerprint.get(source.fingerprint) ?? new Set()).add(source.id))
      }
    }
    if (countsAgainstBankLimit(source)) index.active += 1
    if (source.microDeposits?.status === 'pending') this.#pending.add(source.id)
    else this.#pending.delete(source.id)
    this.#sources.set(source.id, source)
    return source
  }
}
