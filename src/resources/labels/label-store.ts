import { randomUUID } from 'node:crypto'
import { DwollaError, validationError, type EmbeddedError } from '../../errors.js'
import { balanceAccount, LedgerRefusal, type Ledger } from '../balances/index.js'
import type { Label, LabelLedgerEntry, LabelReallocation } from './label.js'
import type { LabelTopic } from './label-events.js'
import { LABEL_MESSAGES } from './label-messages.js'

export interface LabelStoreOptions {
  clientId: string
  now: () => number
  /** The application's ledger, asked each time (a state file's restore puts a new one in). */
  ledger: () => Ledger
  /**
   * Most labels and most ledger entries it holds at once (`labelLimit`, `labelLedgerEntryLimit`),
   * read at each use; past them a create answers MaxNumberOfResources. Dwolla documents no bound;
   * a removed label frees its own and its entries' room.
   */
  limits: () => { labels: number; entries: number }
  /** Told of every topic a change raises, after the change is stored. */
  raise: (topic: LabelTopic, about: { resourceType: 'label' | 'ledger-entry'; id: string; customerId: string }) => void
  /** Called after every change, so persistence can write. */
  onChange: () => void
}

/** What the store holds, as the state file keeps it and puts it back. */
export interface LabelRecords {
  labels: Label[]
  entries: LabelLedgerEntry[]
  reallocations: LabelReallocation[]
}

const amountProblem = (code: EmbeddedError['code'], message: string): DwollaError => validationError([{ code, message, path: '/amount/value', _links: {} }])

/**
 * One application's labels, their ledger entries and reallocations: indexed by customer and by
 * label (a list costs its own records, never every one stored), bounded, and the only place a
 * label's amount changes. Every change that sets money aside or gives it back asks the ledger
 * first, synchronously, and changes nothing when the ledger refuses: concurrent requests cannot
 * label more than a balance has available.
 */
export class LabelStore {
  readonly #labels = new Map<string, Label>()
  /** Each customer's labels, oldest first. */
  readonly #byCustomer = new Map<string, Set<string>>()
  readonly #entries = new Map<string, LabelLedgerEntry>()
  /** Each label's ledger entries, oldest first. */
  readonly #byLabel = new Map<string, string[]>()
  readonly #reallocations = new Map<string, LabelReallocation>()
  /** What changed since takeChanges() last answered; undefined until first asked (see persisted-labels.ts). */
  #unsaved: { labels: Set<string>; entries: Set<string>; reallocations: Set<string> } | undefined
  /** Records were forgotten (a removed label's): the next takeChanges() has the part written whole. */
  #forgot = false

  constructor(private readonly options: LabelStoreOptions) {}

  /** Labels, ledger entries and reallocations held: what the bound counts. */
  get counts(): { labels: number; entries: number; reallocations: number } {
    return { labels: this.#labels.size, entries: this.#entries.size, reallocations: this.#reallocations.size }
  }

  get(id: string): Label | undefined {
    return this.#labels.get(id.toLowerCase())
  }

  getEntry(id: string): LabelLedgerEntry | undefined {
    return this.#entries.get(id.toLowerCase())
  }

  getReallocation(id: string): LabelReallocation | undefined {
    return this.#reallocations.get(id.toLowerCase())
  }

  /** One page of every label held, newest first (the dashboard's): only the page's are read. */
  newest(offset: number, limit: number): Label[] {
    const all = [...this.#labels.values()]
    const end = all.length - offset
    return end <= 0 ? [] : all.slice(Math.max(0, end - limit), end).reverse()
  }

  /** A customer's labels, newest first (listCustomerLabels: "sorted by creation date (most recent first)"). */
  list(customerId: string): Label[] {
    const ids = [...(this.#byCustomer.get(customerId.toLowerCase()) ?? [])]
    return ids.reverse().map((id) => this.#labels.get(id) as Label)
  }

  /** A label's ledger entries, newest first (listLabelLedgerEntries: "sorted by creation date (newest first)"). */
  entriesOf(labelId: string): LabelLedgerEntry[] {
    const ids = [...(this.#byLabel.get(labelId.toLowerCase()) ?? [])]
    return ids.reverse().map((id) => this.#entries.get(id) as LabelLedgerEntry)
  }

  /**
   * A new label holding `cents` of the customer's balance, with its first ledger entry (same
   * amount, same time: createCustomerLabel). More than the balance has available is a
   * ValidationError InsufficientFunds, and nothing changes.
   */
  create(customerId: string, balanceId: string, cents: number): Label {
    if (this.#labels.size >= this.options.limits().labels) throw new DwollaError('MaxNumberOfResources', { message: LABEL_MESSAGES.tooManyLabels })
    this.#requireEntryRoom(1)
    const at = this.options.now()
    this.#hold(balanceId, cents, at)
    const label: Label = { id: randomUUID(), customerId: customerId.toLowerCase(), balanceId: balanceId.toLowerCase(), created: at, cents }
    this.#putLabel(label)
    this.#putEntry({ id: randomUUID(), labelId: label.id, cents, created: at })
    this.options.raise('customer_label_created', { resourceType: 'label', id: label.id, customerId: label.customerId })
    this.options.onChange()
    return label
  }

  /**
   * A ledger entry: a positive amount sets more of the balance aside (InsufficientFunds past what
   * is available), a negative one gives it back (never below the label's zero).
   */
  addEntry(labelId: string, cents: number): LabelLedgerEntry {
    const label = this.#require(labelId)
    this.#requireEntryRoom(1)
    const at = this.options.now()
    if (cents < 0 && label.cents + cents < 0) throw amountProblem('Invalid', LABEL_MESSAGES.negative)
    if (cents > 0) this.#hold(label.balanceId, cents, at)
    else this.options.ledger().release(balanceAccount(label.balanceId), -cents, at)
    const entry = this.#entry(label, cents, at)
    this.options.onChange()
    return entry
  }

  /**
   * Moves `cents` from one of a customer's labels to another: a negative ledger entry on `from`,
   * a positive one on `to`, both at once. The balance's held total does not change, so the
   * ledger is not asked.
   */
  reallocate(fromId: string, toId: string, cents: number): LabelReallocation {
    const from = this.#require(fromId)
    const to = this.#require(toId)
    const otherLabel = (message: string) => validationError([{ code: 'Invalid', message, path: '/_links/to/href', _links: {} }])
    if (from.id === to.id) throw otherLabel(LABEL_MESSAGES.sameLabel)
    if (from.customerId !== to.customerId) throw otherLabel(LABEL_MESSAGES.otherCustomer)
    if (from.cents < cents) throw amountProblem('Invalid', LABEL_MESSAGES.negative)
    this.#requireEntryRoom(2)
    const at = this.options.now()
    const id = randomUUID()
    const fromEntry = this.#entry(from, -cents, at, id)
    const toEntry = this.#entry(to, cents, at, id)
    const reallocation: LabelReallocation = { id, fromEntryId: fromEntry.id, toEntryId: toEntry.id, created: at }
    this.#reallocations.set(id, reallocation)
    this.#unsaved?.reallocations.add(id)
    this.options.onChange()
    return reallocation
  }

  /**
   * Removes a label at zero (403 InvalidResourceState otherwise): it, its ledger entries and the
   * reallocations they were part of are forgotten (they answer 404 from now on). Returns it as it
   * was, for the answer.
   */
  remove(labelId: string): Label {
    const label = this.#require(labelId)
    if (label.cents !== 0) throw new DwollaError('InvalidResourceState', { message: LABEL_MESSAGES.notZero })
    for (const entryId of this.#byLabel.get(label.id) ?? []) {
      const entry = this.#entries.get(entryId) as LabelLedgerEntry
      if (entry.reallocationId !== undefined) this.#reallocations.delete(entry.reallocationId)
      this.#entries.delete(entryId)
    }
    this.#byLabel.delete(label.id)
    this.#labels.delete(label.id)
    const owned = this.#byCustomer.get(label.customerId)
    owned?.delete(label.id)
    if (owned?.size === 0) this.#byCustomer.delete(label.customerId)
    this.#forgot = true
    this.options.raise('customer_label_removed', { resourceType: 'label', id: label.id, customerId: label.customerId })
    this.options.onChange()
    return label
  }

  snapshot(): LabelRecords {
    return {
      labels: [...this.#labels.values()].map((label) => ({ ...label })),
      entries: [...this.#entries.values()].map((entry) => ({ ...entry })),
      reallocations: [...this.#reallocations.values()].map((reallocation) => ({ ...reallocation })),
    }
  }

  /** Puts records in as snapshot() gave them (checked by the caller), oldest first; raises nothing. */
  restore(records: LabelRecords): void {
    for (const label of records.labels) this.#putLabel({ ...label })
    for (const entry of records.entries) this.#putEntry({ ...entry })
    for (const reallocation of records.reallocations) this.#reallocations.set(reallocation.id, { ...reallocation })
  }

  /**
   * The records changed since the last call, for the state file's journal. The first call starts
   * noting changes, and a call after records were forgotten (a label removed) answers undefined
   * too: the part is then written whole, which is how the journal forgets records.
   */
  takeChanges(): LabelRecords | undefined {
    if (this.#unsaved === undefined || this.#forgot) {
      this.#unsaved = { labels: new Set(), entries: new Set(), reallocations: new Set() }
      this.#forgot = false
      return undefined
    }
    const { labels, entries, reallocations } = this.#unsaved
    const changes: LabelRecords = {
      labels: [...labels].map((id) => ({ ...(this.#labels.get(id) as Label) })),
      entries: [...entries].map((id) => ({ ...(this.#entries.get(id) as LabelLedgerEntry) })),
      reallocations: [...reallocations].map((id) => ({ ...(this.#reallocations.get(id) as LabelReallocation) })),
    }
    labels.clear()
    entries.clear()
    reallocations.clear()
    return changes
  }

  #require(id: string): Label {
    const label = this.get(id)
    if (label === undefined) throw new RangeError(`no label ${id} for application ${this.options.clientId}`)
    return label
  }

  #requireEntryRoom(count: number): void {
    if (this.#entries.size + count > this.options.limits().entries)
      throw new DwollaError('MaxNumberOfResources', { message: LABEL_MESSAGES.tooManyLedgerEntries })
  }

  /** Sets money aside in the ledger, or refuses as Dwolla would: more than is available. */
  #hold(balanceId: string, cents: number, at: number): void {
    try {
      this.options.ledger().hold(balanceAccount(balanceId), cents, at)
    } catch (error) {
      if (error instanceof LedgerRefusal) throw amountProblem('InsufficientFunds', LABEL_MESSAGES.insufficientFunds)
      throw error
    }
  }

  /** A ledger entry on a label whose money has already moved (or needs none): the label's amount follows, and its event is raised. */
  #entry(label: Label, cents: number, at: number, reallocationId?: string): LabelLedgerEntry {
    label.cents += cents
    this.#unsaved?.labels.add(label.id)
    const entry: LabelLedgerEntry = { id: randomUUID(), labelId: label.id, cents, created: at, ...(reallocationId === undefined ? {} : { reallocationId }) }
    this.#putEntry(entry)
    this.options.raise('customer_label_ledger_entry_created', { resourceType: 'ledger-entry', id: entry.id, customerId: label.customerId })
    return entry
  }

  #putLabel(label: Label): void {
    this.#labels.set(label.id, label)
    const owned = this.#byCustomer.get(label.customerId) ?? new Set<string>()
    owned.add(label.id)
    this.#byCustomer.set(label.customerId, owned)
    this.#unsaved?.labels.add(label.id)
  }

  #putEntry(entry: LabelLedgerEntry): void {
    this.#entries.set(entry.id, entry)
    const entries = this.#byLabel.get(entry.labelId) ?? []
    entries.push(entry.id)
    this.#byLabel.set(entry.labelId, entries)
    this.#unsaved?.entries.add(entry.id)
  }
}
