/** How many applications hold tokens at once; a token carries its application's place in 12 bits. */
export const APPLICATION_LIMIT = 4096

/** The longest client id (key) accepted; Dwolla's keys are 50 characters. */
export const CLIENT_ID_MAX_LENGTH = 256

/** Why a token cannot be issued for an application: the registry cannot hold it. */
export class ApplicationLimitError extends Error {
  constructor(readonly reason: 'too-long' | 'full') {
    super(
      reason === 'too-long'
        ? `a client id longer than ${CLIENT_ID_MAX_LENGTH} characters is not accepted`
        : `mock-dwolla holds tokens for at most ${APPLICATION_LIMIT} applications at a time, and every place holds unexpired tokens: reset it (POST /__mock/reset) or wait for tokens to expire`,
    )
    this.name = 'ApplicationLimitError'
  }
}

interface Registration {
  clientId: string
  /** When the place was given to this client id: tokens expiring by then belong to an earlier one. */
  registeredAt: number
  /** The latest expiry among its tokens: once past, the place can go to another application. */
  lastExpiresAt: number
}

/**
 * The applications (client ids) tokens were issued to, each at a small place number a token can
 * carry. Bounded: at most APPLICATION_LIMIT places of at most CLIENT_ID_MAX_LENGTH characters.
 * A place is given to a new application only once every token of its previous one has expired,
 * so no live token ever changes hands; an expired one that outlived its place is still known to
 * be expired, only not whose it was.
 */
export class ApplicationRegistry {
  readonly #places = new Map<string, number>()
  readonly #registrations: Registration[] = []

  /** The place of `clientId`, registering it, for a token expiring at `expiresAt`. */
  placeFor(clientId: string, expiresAt: number, now: number): number {
    let place = this.#places.get(clientId)
    if (place === undefined) {
      if (clientId.length > CLIENT_ID_MAX_LENGTH) throw new ApplicationLimitError('too-long')
      place = this.#freePlace(now)
      const previous = this.#registrations[place]
      if (previous !== undefined) this.#places.delete(previous.clientId)
      this.#registrations[place] = { clientId, registeredAt: now, lastExpiresAt: expiresAt }
      this.#places.set(clientId, place)
    }
    const registration = this.#registrations[place] as Registration
    if (expiresAt > registration.lastExpiresAt) registration.lastExpiresAt = expiresAt
    return place
  }

  /** The client id at `place` for a token expiring at `expiresAt`, if that token is still its. */
  clientIdAt(place: number, expiresAt: number): string | undefined {
    const registration = this.#registrations[place]
    return registration !== undefined && expiresAt > registration.registeredAt ? registration.clientId : undefined
  }

  /**
   * Forgets an application's tokens (a reset of one application with `tokens: true`): its place
   * answers for no token any more, and goes to another application only once every token it had
   * would have expired (as any place does), so none of them can ever name that one. Returns the
   * place it had, if any, for the token stores to drop what they hold of it.
   */
  forget(clientId: string): number | undefined {
    const place = this.#places.get(clientId)
    if (place === undefined) return undefined
    this.#places.delete(clientId)
    const registration = this.#registrations[place] as Registration
    // No client id is empty (the token endpoint refuses one), and no token expires after Infinity.
    this.#registrations[place] = { clientId: '', registeredAt: Number.POSITIVE_INFINITY, lastExpiresAt: registration.lastExpiresAt }
    return place
  }

  clear(): void {
    this.#places.clear()
    this.#registrations.length = 0
  }

  #freePlace(now: number): number {
    if (this.#registrations.length < APPLICATION_LIMIT) return this.#registrations.length
    const free = this.#registrations.findIndex((registration) => registration.lastExpiresAt <= now)
    if (free === -1) throw new ApplicationLimitError('full')
    return free
  }
}
