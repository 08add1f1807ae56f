import type { ApplicationRegistry } from './application-registry.js'
import { CLIENT_TOKEN_ACTIONS } from './client-token-actions.js'
import { RevokedSerials } from './revoked-serials.js'
import { TOKEN_LENGTH, TokenCodec, type TokenFields } from './token-codec.js'

/** What a token lookup found. Expired tokens stay recognisable so they can answer ExpiredAccessToken. */
export type TokenLookup<T> =
  | { status: 'valid'; record: IssuedToken<T> }
  /** No record when the token outlived its application's place in the registry (long expired). */
  | { status: 'expired'; record?: IssuedToken<T> }
  | { status: 'unknown'; record?: undefined }

export interface IssuedToken<T> {
  token: string
  issuedAt: number
  expiresAt: number
  details: T
}

/** What both kinds of token are issued for; client tokens add the action and the customer. */
export interface TokenDetails {
  clientId: string
  action?: string
  customerId?: string | undefined
}

const UNKNOWN = Object.freeze({ status: 'unknown' as const })
/** Lifetime changes remembered, to tell when an old token was issued (its expiry it carries itself). */
const LIFETIME_HISTORY = 16

/**
 * The tokens of one kind. A token carries what it was issued for, its expiry and its serial
 * number, sealed under this store's key (token-codec.ts), so it stays valid for its whole
 * lifetime however many tokens are issued after it, with nothing stored per token. What is stored
 * is bounded: the `limit` most recent tokens (listed by `tokens()`) and the revoked serials
 * until they expire (revoked-serials.ts). `reset()` makes a new key, so every earlier token stops
 * working.
 *
 * The recent tokens are kept as columns of bytes and numbers (a token's 50 characters, its
 * times, serial, application and action), with no JavaScript object or string per token: a string
 * kept for a thousand issues outlives two scavenges, so every token issued was copied into the old
 * generation, which then needed full collections (200 bytes promoted per request, 8% of a
 * client-token request's CPU time). The customer a recent token was issued for is read back from
 * the token itself when needed. A recent token enters the lookup Map when it is first looked up
 * (its seal opened once), so a token an SDK sends on every call is a Map hit, and issuing costs no
 * Map update.
 */
export class TokenStore<T extends TokenDetails> {
  readonly kind: 'access' | 'client'
  readonly #limit: number
  /** The shared clock: what the registry of applications and the revocations go by. */
  readonly #now: () => number
  /** An application's clock: what its tokens' issue and expiry go by. */
  readonly #nowFor: (clientId: string) => number
  readonly #applications: ApplicationRegistry
  #codec = new TokenCodec()
  /** Recent tokens looked up at least once, by token: their slot. */
  readonly #slots = new Map<string, number>()
  /** A slot's key in #slots, while it has one. */
  readonly #mapKeys: Array<string | undefined>
  readonly #revokedSlots: Uint8Array
  /** 1 for a slot that holds a token. */
  readonly #held: Uint8Array
  /** Each slot's token, TOKEN_LENGTH characters (latin1) from TOKEN_LENGTH * slot. */
  readonly #chars: Buffer
  readonly #issuedAt: Float64Array
  readonly #expiresAt: Float64Array
  readonly #serials: Float64Array
  readonly #places: Uint16Array
  readonly #actions: Uint8Array
  /** A slot's lookup answer, made on its first lookup: a token looked up on every request is answered by one object. */
  readonly #answers: Array<{ valid: TokenLookup<T>; expired: TokenLookup<T> } | undefined>
  readonly #revoked = new RevokedSerials()
  #nextSerial = 0
  #lifetimeMs: number
  #lifetimes: Array<{ fromSerial: number; ms: number }>

  constructor(options: {
    kind: 'access' | 'client'
    limit: number
    lifetimeSeconds: number
    now: () => number
    /** An application's own clock, when applications' clocks can differ (the default is `now`). */
    nowFor?: (clientId: string) => number
    applications: ApplicationRegistry
  }) {
    const { limit } = options
    this.kind = options.kind
    this.#limit = limit
    this.#now = options.now
    this.#nowFor = options.nowFor ?? options.now
    this.#applications = options.applications
    this.#mapKeys = new Array<string | undefined>(limit).fill(undefined)
    this.#revokedSlots = new Uint8Array(limit)
    this.#held = new Uint8Array(limit)
    this.#chars = Buffer.alloc(TOKEN_LENGTH * limit)
    this.#issuedAt = new Float64Array(limit)
    this.#expiresAt = new Float64Array(limit)
    this.#serials = new Float64Array(limit)
    this.#places = new Uint16Array(limit)
    this.#actions = new Uint8Array(limit)
    this.#answers = new Array<{ valid: TokenLookup<T>; expired: TokenLookup<T> } | undefined>(limit).fill(undefined)
    this.#lifetimeMs = options.lifetimeSeconds * 1000
    this.#lifetimes = [{ fromSerial: 0, ms: this.#lifetimeMs }]
  }

  /** How many recent tokens are held for listing (revoked ones leave it). */
  get size(): number {
    let held = 0
    for (let slot = 0; slot < this.#limit; slot++) if (this.#held[slot] === 1 && this.#revokedSlots[slot] === 0) held += 1
    return held
  }

  get lifetimeSeconds(): number {
    return this.#lifetimeMs / 1000
  }

  /** Applies to tokens issued from now on (fixture files can change it on reload). */
  set lifetimeSeconds(seconds: number) {
    const ms = seconds * 1000
    if (ms === this.#lifetimeMs) return
    this.#lifetimeMs = ms
    this.#lifetimes.push({ fromSerial: this.#nextSerial, ms })
    if (this.#lifetimes.length > LIFETIME_HISTORY) this.#lifetimes.shift()
  }

  /** Issues a new token for `details` and returns it. Throws ApplicationLimitError if its application has no place. */
  issue(details: T): string {
    // Issued and expiring by its application's clock; its place is given by the shared clock,
    // which no application's is behind (application-registry.ts).
    const issuedAt = this.#nowFor(details.clientId)
    const expiresAt = issuedAt + this.#lifetimeMs
    const place = this.#applications.placeFor(details.clientId, expiresAt, this.#now())
    const serial = this.#nextSerial
    const action = this.#actionNumber(details.action)
    const slot = serial % this.#limit
    const token = this.#codec.seal({ serial, expiresAt, application: place, action, customerId: details.customerId }, this.#chars, TOKEN_LENGTH * slot)
    this.#nextSerial += 1
    this.#forgetKey(slot)
    this.#revokedSlots[slot] = 0
    this.#held[slot] = 1
    this.#issuedAt[slot] = issuedAt
    this.#expiresAt[slot] = expiresAt
    this.#serials[slot] = serial
    this.#places[slot] = place
    this.#actions[slot] = action
    this.#answers[slot] = undefined
    return token
  }

  lookup(token: string): TokenLookup<T> {
    let slot = this.#slots.get(token)
    let fields: TokenFields | undefined
    if (slot === undefined) {
      fields = this.#open(token)
      if (fields === undefined) return UNKNOWN
      slot = this.#recentSlot(token, fields)
      if (slot !== undefined) {
        this.#slots.set(token, slot)
        this.#mapKeys[slot] = token
      }
    }
    if (slot !== undefined) {
      const answers = this.#answersAt(slot, fields)
      const now = this.#nowFor((answers.valid.record as IssuedToken<T>).details.clientId)
      return now < (this.#expiresAt[slot] as number) ? answers.valid : answers.expired
    }
    // A Map hit returned above: the token was opened here.
    if (fields === undefined) return UNKNOWN
    const clientId = this.#applications.clientIdAt(fields.application, fields.expiresAt)
    // A token that outlived its application's place: by the shared clock, which no application's is behind.
    const expired = (clientId === undefined ? this.#now() : this.#nowFor(clientId)) >= fields.expiresAt
    if (clientId === undefined) return expired ? { status: 'expired' } : UNKNOWN
    const record: IssuedToken<T> = {
      token,
      issuedAt: fields.expiresAt - this.#lifetimeOf(fields.serial),
      expiresAt: fields.expiresAt,
      details: this.#details(clientId, fields.action, fields.customerId),
    }
    return expired ? { status: 'expired', record } : { status: 'valid', record }
  }

  /**
   * Revokes a token: it then answers as one never issued, until it would have expired anyway.
   * False if this store never issued it or it was already revoked. Throws RevocationLimitError
   * when it cannot be remembered (see revoked-serials.ts).
   */
  revoke(token: string): boolean {
    let slot = this.#slots.get(token)
    const found = slot !== undefined ? { serial: this.#serials[slot] as number, expiresAt: this.#expiresAt[slot] as number } : this.#open(token)
    if (found === undefined || !this.#revoked.add(found.serial, found.expiresAt, this.#now())) return false
    slot ??= this.#recentSlot(token, found)
    if (slot !== undefined) {
      this.#revokedSlots[slot] = 1
      this.#forgetKey(slot)
    }
    return true
  }

  /** The recent tokens not revoked, oldest first. */
  list(): IssuedToken<T>[] {
    const listed: IssuedToken<T>[] = []
    for (let i = 0; i < this.#limit; i++) {
      const slot = (this.#nextSerial + i) % this.#limit
      if (this.#held[slot] === 1 && this.#revokedSlots[slot] === 0) listed.push(this.#answersAt(slot).valid.record as IssuedToken<T>)
    }
    return listed
  }

  /** Forgets every token: a new key, so none issued before opens again. */
  reset(): void {
    this.#codec = new TokenCodec()
    this.#held.fill(0)
    this.#answers.fill(undefined)
    this.#mapKeys.fill(undefined)
    this.#revokedSlots.fill(0)
    this.#slots.clear()
    this.#revoked.clear()
    this.#nextSerial = 0
    this.#lifetimes = [{ fromSerial: 0, ms: this.#lifetimeMs }]
  }

  /**
   * Drops the recent tokens of the application that had `place`, once the registry has forgotten
   * it (application-registry.ts): looked up again, they are opened and found to be no one's.
   */
  forgetPlace(place: number): void {
    for (let slot = 0; slot < this.#limit; slot++) {
      if (this.#held[slot] === 0 || this.#places[slot] !== place) continue
      this.#forgetKey(slot)
      this.#held[slot] = 0
      this.#answers[slot] = undefined
    }
  }

  /** A slot's lookup answers, made once; `fields` are its token's, when the caller has opened it. */
  #answersAt(slot: number, fields?: TokenFields): { valid: TokenLookup<T>; expired: TokenLookup<T> } {
    let answers = this.#answers[slot]
    if (answers === undefined) {
      const token = this.#tokenAt(slot)
      // The place is the token's as long as it is unexpired; after that the application may be unknown.
      const clientId = this.#applications.clientIdAt(this.#places[slot] as number, this.#expiresAt[slot] as number) as string
      // A slot's token was sealed by this codec: it opens.
      const { customerId } = fields ?? this.#codec.open(token)!
      const record: IssuedToken<T> = {
        token,
        issuedAt: this.#issuedAt[slot] as number,
        expiresAt: this.#expiresAt[slot] as number,
        details: this.#details(clientId, this.#actions[slot] as number, customerId),
      }
      answers = { valid: { status: 'valid', record }, expired: { status: 'expired', record } }
      this.#answers[slot] = answers
    }
    return answers
  }

  /** The slot of a token still among the recent ones, from its serial. */
  #recentSlot(token: string, fields: { serial: number }): number | undefined {
    const slot = fields.serial % this.#limit
    if (this.#held[slot] === 0) return undefined
    const start = TOKEN_LENGTH * slot
    for (let i = 0; i < TOKEN_LENGTH; i++) if (token.charCodeAt(i) !== this.#chars[start + i]) return undefined
    return slot
  }

  #tokenAt(slot: number): string {
    return this.#chars.toString('latin1', TOKEN_LENGTH * slot, TOKEN_LENGTH * (slot + 1))
  }

  /** Takes a slot's token out of the lookup Map, if it is there. */
  #forgetKey(slot: number): void {
    const key = this.#mapKeys[slot]
    if (key === undefined) return
    this.#slots.delete(key)
    this.#mapKeys[slot] = undefined
  }

  /** The fields of a token this store sealed, of its kind, and not revoked. */
  #open(token: string): TokenFields | undefined {
    const fields = this.#codec.open(token)
    if (fields === undefined || (fields.action === 0) !== (this.kind === 'access')) return undefined
    return this.#revoked.has(fields.serial) ? undefined : fields
  }

  #actionNumber(action: string | undefined): number {
    if (this.kind === 'access') return 0
    const index = CLIENT_TOKEN_ACTIONS.indexOf(action as (typeof CLIENT_TOKEN_ACTIONS)[number])
    if (index === -1) throw new RangeError(`not a client token action: ${action}`)
    return index + 1
  }

  #details(clientId: string, action: number, customerId: string | undefined): T {
    if (this.kind === 'access') return { clientId } as T
    return { clientId, action: CLIENT_TOKEN_ACTIONS[action - 1], customerId } as T
  }

  #lifetimeOf(serial: number): number {
    for (let i = this.#lifetimes.length - 1; i > 0; i--) {
      const entry = this.#lifetimes[i] as { fromSerial: number; ms: number }
      if (serial >= entry.fromSerial) return entry.ms
    }
    return (this.#lifetimes[0] as { ms: number }).ms
  }
}
