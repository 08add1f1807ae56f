import { ApplicationWorld, type WorldServer } from './application-world.js'

export interface WorldsBounds {
  /** Most applications kept at once. */
  applicationLimit: number
  /** Most bytes all applications' stores hold together, by their parts' weights. */
  byteLimit: number
}

/**
 * Every application's world, bounded across all applications together: by how many there are
 * and by the bytes their stores hold. Past either bound the least recently used application is
 * dropped (never the one at work), and `onEvict` names it; a call is never refused for a limit
 * its own application did not reach. Reading never makes a world: only `open` does.
 */
export class Worlds {
  /** In order of last use: the first is the least recently used. */
  readonly #worlds = new Map<string, ApplicationWorld>()
  readonly #weights = new Map<ApplicationWorld, number>()
  #totalBytes = 0
  /** Told of every application dropped to keep within the bounds. */
  onEvict: ((world: ApplicationWorld, reason: string) => void) | undefined

  constructor(
    /** What a world asks of the server: each application's own (its `now` is the application's clock). */
    private readonly serverFor: (clientId: string) => WorldServer,
    private readonly bounds: () => WorldsBounds,
  ) {}

  get size(): number {
    return this.#worlds.size
  }

  get totalBytes(): number {
    return this.#totalBytes
  }

  /** The application's world, made on first use, and marked as the most recently used. */
  open(clientId: string): ApplicationWorld {
    const existing = this.#worlds.get(clientId)
    if (existing !== undefined) {
      if (this.#worlds.size > 1) {
        this.#worlds.delete(clientId)
        this.#worlds.set(clientId, existing)
      }
      return existing
    }
    const world = new ApplicationWorld(clientId, this.serverFor(clientId))
    this.#worlds.set(clientId, world)
    this.#weights.set(world, 0)
    this.#keepWithinBounds(world)
    return world
  }

  /** The application's world if it has one; never makes one. */
  find(clientId: string): ApplicationWorld | undefined {
    return this.#worlds.get(clientId)
  }

  /** Every world, least recently used first. */
  all(): ApplicationWorld[] {
    return [...this.#worlds.values()]
  }

  /** A world's stores changed: its weight is counted again, and others make room if need be. */
  reweigh(world: ApplicationWorld): void {
    if (this.#worlds.get(world.clientId) !== world) return
    const weight = world.weight()
    this.#totalBytes += weight - (this.#weights.get(world) ?? 0)
    this.#weights.set(world, weight)
    this.#keepWithinBounds(world)
  }

  /**
   * Makes an application's world as a state file holds it: `fill` puts its stores in. Nothing is
   * dropped to make room, and nothing is announced: this is where the world was.
   */
  restore(clientId: string, fill: (world: ApplicationWorld) => void): ApplicationWorld {
    const world = new ApplicationWorld(clientId, this.serverFor(clientId))
    fill(world)
    this.#worlds.set(clientId, world)
    const weight = world.weight()
    this.#weights.set(world, weight)
    this.#totalBytes += weight
    return world
  }

  /** Drops one application's world (a reset of that application); undefined when it has none. */
  drop(clientId: string): ApplicationWorld | undefined {
    const world = this.#worlds.get(clientId)
    if (world === undefined) return undefined
    this.#worlds.delete(clientId)
    this.#totalBytes -= this.#weights.get(world) ?? 0
    this.#weights.delete(world)
    return world
  }

  clear(): void {
    this.#worlds.clear()
    this.#weights.clear()
    this.#totalBytes = 0
  }

  #keepWithinBounds(atWork: ApplicationWorld): void {
    const { applicationLimit, byteLimit } = this.bounds()
    for (const world of this.#worlds.values()) {
      const tooMany = this.#worlds.size > applicationLimit
      if (!tooMany && this.#totalBytes <= byteLimit) return
      if (world === atWork) continue
      this.#drop(world, tooMany ? `more than applicationLimit (${applicationLimit}) applications` : `the stores passed storeByteLimit (${byteLimit} bytes)`)
    }
  }

  #drop(world: ApplicationWorld, reason: string): void {
    this.drop(world.clientId)
    this.onEvict?.(world, reason)
  }
}
