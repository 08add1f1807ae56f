import { createHash } from 'node:crypto'

/**
 * One creating POST that carried an Idempotency-Key: the digest of the operation and the key,
 * and the path of what it created (the `Location` a repeat answers again).
 */
export interface IdempotencyRecord {
  /** SHA-256 hex of the operation and the key: keys can be long, digests are not, and nothing secret is kept. */
  key: string
  /** The created resource's path, e.g. `/transfers/{id}`: a repeat answers its URL again. */
  path: string
  /** When it was first answered, in milliseconds by the mock's clock. */
  at: number
  /**
   * Only on a record an earlier mock-dwolla kept by the digest of the key alone (POST /customers
   * did, in its own records, before it used this store): the operation it answers, and `key` is
   * then {@link keyAloneDigest} of the key. Such records come from state files written before,
   * and are kept until they expire: a repeat of their key still answers their creation.
   */
  keyAloneFor?: string
}

/** "A repeat with the same key within 24 hours returns the original response" (idempotency-key.mdx). */
export const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000

/** What a key found: the earlier creation, and whether its answer is still on its way (a repeat then answers 409). */
export interface EarlierCreation {
  path: string
  inFlight: boolean
}

/** The digest a key is kept by: the operation is part of it, so one key on two operations is two keys. */
export function idempotencyDigest(operation: string, key: string): string {
  return createHash('sha256').update(operation).update('\n').update(key).digest('hex')
}

/** The digest of the key alone, as records marked {@link IdempotencyRecord.keyAloneFor} are kept. */
export function keyAloneDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

/**
 * The Idempotency-Keys an application used on its creating POSTs (customers, transfers, mass
 * payments, labels, ledger entries, reallocations): bounded two ways, a record forgotten 24 hours
 * after it was made, and past `limit` records the oldest goes. Records are kept in the order they
 * were made (the clock only moves forward), so both evictions only look at the oldest. A record is
 * "in flight" from its creation until its answer is sent: a repeat meanwhile answers 409 Conflict
 * (idempotency-key.mdx; in-flight marks live in memory only, a restart has none).
 */
export class IdempotencyStore {
  readonly #records = new Map<string, IdempotencyRecord>()
  readonly #inFlight = new Set<string>()
  /** How many records are kept by the key alone (keyAloneFor): a key is looked up that way too only while there are some. */
  #keptByKeyAlone = 0
  /** The digests remembered since takeChanges() last answered; undefined until it is first asked. */
  #unsaved: Set<string> | undefined

  constructor(
    private readonly limit: () => number,
    private readonly now: () => number,
  ) {}

  get size(): number {
    return this.#records.size
  }

  find(operation: string, key: string): EarlierCreation | undefined {
    this.#forgetExpired()
    const digest = idempotencyDigest(operation, key)
    const record = this.#records.get(digest) ?? this.#keptByKeyAloneFor(operation, key)
    return record === undefined ? undefined : { path: record.path, inFlight: this.#inFlight.has(record.key) }
  }

  /** Remembers what a key created, in flight until {@link settle} is called with the digest returned. */
  remember(operation: string, key: string, path: string): string {
    const digest = idempotencyDigest(operation, key)
    this.#forget(digest)
    this.#records.set(digest, { key: digest, path, at: this.now() })
    this.#inFlight.add(digest)
    this.#unsaved?.add(digest)
    this.#forgetExpired()
    return digest
  }

  /** The creation's answer has gone out: a repeat now answers it again. */
  settle(digest: string): void {
    this.#inFlight.delete(digest)
  }

  /** The records remembered since the last call and still kept; the first call starts noting them and answers undefined. */
  takeChanges(): IdempotencyRecord[] | undefined {
    if (this.#unsaved === undefined) {
      this.#unsaved = new Set()
      return undefined
    }
    const changed = [...this.#unsaved].flatMap((digest) => {
      const record = this.#records.get(digest)
      return record === undefined ? [] : [{ ...record }]
    })
    this.#unsaved.clear()
    return changed
  }

  snapshot(): IdempotencyRecord[] {
    return [...this.#records.values()].map((record) => ({ ...record }))
  }

  /**
   * Records as snapshot() gave them, put in among those kept, all in the order they were made
   * whatever the order given: a state file's records may come from more than one place (a
   * journal replayed over a snapshot appends a key used again at the end; an older file's
   * customers kept theirs apart). Of two records of one digest, the later is kept.
   */
  restore(records: readonly IdempotencyRecord[]): void {
    const all = [...this.#records.values(), ...records].sort((a, b) => a.at - b.at)
    this.#records.clear()
    this.#keptByKeyAlone = 0
    for (const record of all) {
      this.#forget(record.key)
      this.#records.set(record.key, { ...record })
      if (record.keyAloneFor !== undefined) this.#keptByKeyAlone += 1
    }
    this.#forgetExpired()
  }

  #keptByKeyAloneFor(operation: string, key: string): IdempotencyRecord | undefined {
    if (this.#keptByKeyAlone === 0) return undefined
    const record = this.#records.get(keyAloneDigest(key))
    return record?.keyAloneFor === operation ? record : undefined
  }

  #forget(digest: string): void {
    const record = this.#records.get(digest)
    if (record === undefined) return
    this.#records.delete(digest)
    this.#inFlight.delete(digest)
    if (record.keyAloneFor !== undefined) this.#keptByKeyAlone -= 1
  }

  #forgetExpired(): void {
    const oldestKept = this.now() - IDEMPOTENCY_WINDOW_MS
    for (const [digest, record] of this.#records) {
      if (record.at > oldestKept && this.#records.size <= this.limit()) break
      this.#forget(digest)
    }
  }
}
