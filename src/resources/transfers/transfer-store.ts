import type { Party, Transfer } from './transfer.js'

/** The most transfers one simulation processes: "the last 500 bank transfers" (testing/index.mdx). */
export const SIMULATION_BATCH = 500

function partyKey(party: Party): string {
  return party.kind === 'account' ? 'account' : party.customerId
}

/** What a transfer costs beyond its fixed part: its strings, at two bytes a character (V8's worst). */
export function variableBytesOf(transfer: Transfer): number {
  let characters = transfer.correlationId?.length ?? 0
  for (const [key, value] of Object.entries(transfer.metadata ?? {})) characters += key.length + value.length
  for (const side of [transfer.achDetails?.source, transfer.achDetails?.destination]) characters += side?.addenda.values[0]?.length ?? 0
  return characters * 2
}

/**
 * One application's transfers: every leg of every payment, indexed by id, by party (newest
 * last, so a page of the newest costs the page) and the pending bank legs in the order they
 * were made (what a simulation processes). Only the payment code (payments.ts, processing.ts)
 * changes them, through {@link put}; it raises their events and moves their money.
 */
export class TransferStore {
  readonly #transfers = new Map<string, Transfer>()
  readonly #byParty = new Map<string, Transfer[]>()
  readonly #pendingBankLegs = new Set<string>()
  readonly #failLater = new Set<string>()
  #variableBytes = 0
  /** The ids put since takeChanges() last answered; undefined until it is first asked. */
  #unsaved: Set<string> | undefined

  constructor(
    /** Most transfers it holds (`transferLimit`), read at each use. */
    readonly limit: () => number,
    private readonly onChange: () => void,
  ) {}

  get size(): number {
    return this.#transfers.size
  }

  /** What its transfers' strings add to their fixed cost, in bytes. */
  get variableBytes(): number {
    return this.#variableBytes
  }

  get(id: string): Transfer | undefined {
    return this.#transfers.get(id.toLowerCase())
  }

  /** A party's transfers (as source or destination), oldest first; the array is the store's own, not to be changed. */
  ofParty(party: Party): readonly Transfer[] {
    return this.#byParty.get(partyKey(party)) ?? []
  }

  /** Every transfer, oldest first. */
  all(): IterableIterator<Transfer> {
    return this.#transfers.values()
  }

  /** The pending bank legs, oldest first, and those due to fail late. */
  pendingBankLegs(): string[] {
    return [...this.#pendingBankLegs]
  }

  failingLater(): string[] {
    return [...this.#failLater]
  }

  /**
   * Stores a transfer, new or changed, keeping the indexes true to it. `restoring`: a state
   * file's transfer going back in, which is no change to write.
   */
  put(transfer: Transfer, restoring = false): Transfer {
    const previous = this.#transfers.get(transfer.id)
    if (previous === undefined) {
      for (const party of transfer.source.kind === 'customer' &&
      transfer.destination.kind === 'customer' &&
      transfer.source.customerId === transfer.destination.customerId
        ? [transfer.source]
        : transfer.source.kind === 'account' && transfer.destination.kind === 'account'
          ? [transfer.source]
          : [transfer.source, transfer.destination]) {
        const key = partyKey(party)
        const list = this.#byParty.get(key)
        if (list === undefined) this.#byParty.set(key, [transfer])
        else list.push(transfer)
      }
    } else {
      this.#variableBytes -= variableBytesOf(previous)
      // The party lists hold the object itself: changed in place, they stay true.
      Object.assign(previous, transfer)
      transfer = previous
    }
    this.#variableBytes += variableBytesOf(transfer)
    this.#transfers.set(transfer.id, transfer)
    if (transfer.status === 'pending' && transfer.bank !== undefined) this.#pendingBankLegs.add(transfer.id)
    else this.#pendingBankLegs.delete(transfer.id)
    if (transfer.failLater !== undefined && transfer.status === 'processed') this.#failLater.add(transfer.id)
    else this.#failLater.delete(transfer.id)
    if (restoring) return transfer
    this.#unsaved?.add(transfer.id)
    this.onChange()
    return transfer
  }

  /** The transfers put since the last call; the first call starts noting them and answers undefined. */
  takeChanges(): Transfer[] | undefined {
    if (this.#unsaved === undefined) {
      this.#unsaved = new Set()
      return undefined
    }
    const changed = [...this.#unsaved].map((id) => structuredClone(this.#transfers.get(id) as Transfer))
    this.#unsaved.clear()
    return changed
  }

  snapshot(): Transfer[] {
    return [...this.#transfers.values()].map((transfer) => structuredClone(transfer))
  }
}
