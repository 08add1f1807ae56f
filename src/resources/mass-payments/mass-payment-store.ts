import { randomUUID } from 'node:crypto'
import { DwollaError, type EmbeddedError } from '../../errors.js'
import { MASS_PAYMENT_MESSAGES, type MassPayment, type MassPaymentItem, type MassPaymentItemStatus, type MassPaymentStatus } from './mass-payment.js'
import type { MassPaymentTopic } from './mass-payment-events.js'
import type { MassPaymentRequest } from './read-mass-payment-request.js'

export interface MassPaymentStoreOptions {
  clientId: string
  now: () => number
  /**
   * Most mass payments and most items (all its mass payments' together) it keeps
   * (`massPaymentLimit`, `massPaymentItemLimit`), read at each use; past them a create answers
   * MaxNumberOfResources (mock-dwolla's own bounds; Dwolla documents none).
   */
  limits: () => { massPayments: number; items: number }
  /** Told of every topic a change raises, after the change is stored. */
  raise: (topic: MassPaymentTopic, massPayment: MassPayment) => void
  onChange: () => void
}

/** What the store holds, as the state file keeps it. */
export interface MassPaymentRecords {
  massPayments: MassPayment[]
  items: MassPaymentItem[]
}

const ACCOUNT = 'account'

/** The characters of every string in a value (keys included), at two bytes each: what V8 may take for them. */
function stringBytes(value: unknown): number {
  if (typeof value === 'string') return 2 * value.length
  if (Array.isArray(value)) return value.reduce((sum: number, each) => sum + stringBytes(each), 0)
  if (typeof value === 'object' && value !== null) return Object.entries(value).reduce((sum, [key, each]) => sum + 2 * key.length + stringBytes(each), 0)
  return 0
}

/** Whose list a mass payment is in: its payer's. */
function ownerKey(customerId: string | undefined): string {
  return customerId ?? ACCOUNT
}

/**
 * One application's mass payments and their items: indexed by payer (a list costs its payer's,
 * never every one stored) and by mass payment, bounded, and the only place their statuses change.
 * It never makes a transfer: processing (processing.ts) asks transfers, then records here what
 * each item became.
 */
export class MassPaymentStore {
  readonly #payments = new Map<string, MassPayment>()
  readonly #items = new Map<string, MassPaymentItem>()
  /** Each payer's mass payments, oldest first. */
  readonly #byOwner = new Map<string, string[]>()
  #unsaved: { massPayments: Set<string>; items: Set<string> } | undefined
  /** What the records' own strings take (metadata, correlationIds, errors), at two bytes a character: counted apart from the fixed cost. */
  #variableBytes = 0

  constructor(private readonly options: MassPaymentStoreOptions) {}

  get counts(): { massPayments: number; items: number } {
    return { massPayments: this.#payments.size, items: this.#items.size }
  }

  /** The bytes the records' own strings take, besides each record's fixed cost. */
  get variableBytes(): number {
    return this.#variableBytes
  }

  get(id: string): MassPayment | undefined {
    return this.#payments.get(id.toLowerCase())
  }

  getItem(id: string): MassPaymentItem | undefined {
    return this.#items.get(id.toLowerCase())
  }

  /** A mass payment's items in the order given; `statuses` keeps only those (none: all). */
  itemsOf(massPayment: MassPayment, statuses: readonly MassPaymentItemStatus[] = []): MassPaymentItem[] {
    const items = massPayment.itemIds.map((id) => this.#items.get(id) as MassPaymentItem)
    return statuses.length === 0 ? items : items.filter((item) => statuses.includes(item.status))
  }

  /** A payer's mass payments (a customer's, or the Account's with undefined), newest first; `correlationId` keeps only those. */
  list(customerId: string | undefined, correlationId?: string): MassPayment[] {
    const ids = this.#byOwner.get(ownerKey(customerId?.toLowerCase())) ?? []
    const listed: MassPayment[] = []
    for (let index = ids.length - 1; index >= 0; index--) {
      const massPayment = this.#payments.get(ids[index] as string) as MassPayment
      if (correlationId === undefined || massPayment.correlationId === correlationId) listed.push(massPayment)
    }
    return listed
  }

  /** One page of every mass payment held, newest first (the dashboard's): only the page's are read. */
  newest(offset: number, limit: number): MassPayment[] {
    const all = [...this.#payments.values()]
    const end = all.length - offset
    return end <= 0 ? [] : all.slice(Math.max(0, end - limit), end).reverse()
  }

  /** Those still to process (pending or processing), for a restart to take up again. */
  unfinished(): MassPayment[] {
    return [...this.#payments.values()].filter((massPayment) => massPayment.status === 'pending' || massPayment.status === 'processing')
  }

  /**
   * A new mass payment from a checked request, its items `pending` (they exist, with ids, while
   * deferred: Dwolla's test lists them at once). Raises `*_mass_payment_created`, deferred too.
   */
  create(request: MassPaymentRequest, customerId: string | undefined): MassPayment {
    const limits = this.options.limits()
    if (this.#payments.size >= limits.massPayments || this.#items.size + request.items.length > limits.items) {
      throw new DwollaError('MaxNumberOfResources', { message: MASS_PAYMENT_MESSAGES.tooMany })
    }
    const id = randomUUID()
    const massPayment: MassPayment = {
      id,
      status: request.deferred ? 'deferred' : 'pending',
      created: this.options.now(),
      sourceId: request.sourceId,
      ...(customerId === undefined ? {} : { customerId: customerId.toLowerCase() }),
      itemIds: [],
      total: 0,
      ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
      ...(request.correlationId === undefined ? {} : { correlationId: request.correlationId }),
      ...(request.clearing === undefined ? {} : { clearing: request.clearing }),
    }
    for (const item of request.items) {
      const stored: MassPaymentItem = { id: randomUUID(), massPaymentId: id, status: 'pending', ...item }
      massPayment.itemIds.push(stored.id)
      massPayment.total += item.amount
      this.#putItem(stored)
    }
    this.#putPayment(massPayment)
    this.options.raise('mass_payment_created', massPayment)
    this.options.onChange()
    return massPayment
  }

  /**
   * updateMassPayment: a deferred mass payment to `pending` (processing follows) or `cancelled`
   * (raises `*_mass_payment_cancelled`). Anything but deferred is refused by the caller first.
   */
  release(id: string, status: 'pending' | 'cancelled'): MassPayment {
    const massPayment = this.#require(id)
    if (massPayment.status !== 'deferred') throw new RangeError(`mass payment ${id} is ${massPayment.status}, not deferred`)
    this.#setStatus(massPayment, status)
    if (status === 'cancelled') this.options.raise('mass_payment_cancelled', massPayment)
    this.options.onChange()
    return massPayment
  }

  /** Processing has begun. */
  startProcessing(massPayment: MassPayment): void {
    if (massPayment.status === 'pending') this.#setStatus(massPayment, 'processing')
  }

  /** What an item became: a transfer (`success`), or its errors (`failed`). */
  settleItem(item: MassPaymentItem, outcome: { transferId: string } | { errors: EmbeddedError[] }): void {
    if ('transferId' in outcome) {
      item.status = 'success'
      item.transferId = outcome.transferId
    } else {
      item.status = 'failed'
      item.errors = outcome.errors
      this.#variableBytes += stringBytes(outcome.errors)
    }
    this.#unsaved?.items.add(item.id)
  }

  /** Every item handled: `complete`, and `*_mass_payment_completed` (failed items included). */
  complete(massPayment: MassPayment): void {
    this.#setStatus(massPayment, 'complete')
    this.options.raise('mass_payment_completed', massPayment)
  }

  /** Says a batch of changes is done, so the state file can write it. */
  changed(): void {
    this.options.onChange()
  }

  snapshot(): MassPaymentRecords {
    return {
      massPayments: [...this.#payments.values()].map((massPayment) => structuredClone(massPayment)),
      items: [...this.#items.values()].map((item) => structuredClone(item)),
    }
  }

  /** Records as snapshot() gave them (checked by the caller), oldest first; raises nothing. */
  restore(records: MassPaymentRecords): void {
    for (const item of records.items) this.#putItem(structuredClone(item))
    for (const massPayment of records.massPayments) this.#putPayment(structuredClone(massPayment))
  }

  /** The records changed since the last call; the first call starts noting them and answers undefined (the part is written whole). */
  takeChanges(): MassPaymentRecords | undefined {
    if (this.#unsaved === undefined) {
      this.#unsaved = { massPayments: new Set(), items: new Set() }
      return undefined
    }
    const { massPayments, items } = this.#unsaved
    const changes = {
      massPayments: [...massPayments].map((id) => structuredClone(this.#payments.get(id) as MassPayment)),
      items: [...items].map((id) => structuredClone(this.#items.get(id) as MassPaymentItem)),
    }
    massPayments.clear()
    items.clear()
    return changes
  }

  #require(id: string): MassPayment {
    const massPayment = this.get(id)
    if (massPayment === undefined) throw new RangeError(`no mass payment ${id} for application ${this.options.clientId}`)
    return massPayment
  }

  #setStatus(massPayment: MassPayment, status: MassPaymentStatus): void {
    massPayment.status = status
    this.#unsaved?.massPayments.add(massPayment.id)
  }

  #putPayment(massPayment: MassPayment): void {
    this.#payments.set(massPayment.id, massPayment)
    this.#variableBytes += stringBytes([massPayment.metadata, massPayment.correlationId])
    const key = ownerKey(massPayment.customerId)
    const owned = this.#byOwner.get(key) ?? []
    owned.push(massPayment.id)
    this.#byOwner.set(key, owned)
    this.#unsaved?.massPayments.add(massPayment.id)
  }

  #putItem(item: MassPaymentItem): void {
    this.#items.set(item.id, item)
    this.#variableBytes += stringBytes([item.metadata, item.correlationId, item.errors])
    this.#unsaved?.items.add(item.id)
  }
}
