import type { CustomerDocument } from './customer-document.js'

/** A seeded customer and where it was written, for messages ("my.yaml at /customers/2"). */
export interface CustomerSeed {
  document: CustomerDocument
  source: string
}

/**
 * The customers every application's store starts with: the fixture files' seeds (replaced on
 * reload, for stores made afterwards) and the test double's creations made without an
 * application (kept until the next reset). One per server.
 */
export class CustomerSeeds {
  #seeds: readonly CustomerSeed[] = []
  #shared: CustomerSeed[] = []

  replace(seeds: readonly CustomerSeed[]): void {
    this.#seeds = seeds
  }

  /** A test-double customer for every application, those made later included. */
  share(document: CustomerDocument): void {
    this.#shared.push({ document, source: 'the test double' })
  }

  /** A shared customer changed in every application (a status set for all): those made later get it as it now is. */
  updateShared(document: CustomerDocument): void {
    const index = this.#shared.findIndex((seed) => seed.document.id === document.id)
    if (index !== -1) this.#shared[index] = { document, source: 'the test double' }
  }

  /** Forgets the test double's shared customers (a reset); the fixture files' seeds stay. */
  forgetShared(): void {
    this.#shared = []
  }

  /** The seeds an application's store gets (undefined: an application no seed names). */
  for(application: string | undefined): CustomerSeed[] {
    return seedsFor(application, [...this.#seeds, ...this.#shared])
  }

  /**
   * Every set of seeds a store can start with: that of an application no seed names, and that of
   * each application a seed names. What must fit one store must fit each of these.
   */
  seedSets(): CustomerSeed[][] {
    const named = new Set(this.#seeds.flatMap(({ document }) => (document.application === undefined ? [] : [document.application])))
    return [undefined, ...named].map((application) => this.for(application))
  }

  /** The test double's shared customers: a reload's seeds must fit with them ({@link CustomerSeeds.problem}). */
  shared(): readonly CustomerSeed[] {
    return this.#shared
  }

  /**
   * Why these seeds could not all go into one store, checked at start so no request ever meets
   * it: for the shared seeds and for each application named, the customers it would get must
   * fit the limit and have distinct emails and correlationIds. Undefined when they fit.
   */
  static problem(seeds: readonly CustomerSeed[], customerLimit: number): string | undefined {
    const applications = new Set(seeds.map(({ document }) => document.application))
    for (const application of applications) {
      const stored = seedsFor(application, seeds)
      if (stored.length > customerLimit) {
        return `${stored.length} customers are seeded${application === undefined ? '' : ` for application ${application}`}, more than customerLimit (${customerLimit})`
      }
      for (const field of ['email', 'correlationId'] as const) {
        const seen = new Map<string, CustomerSeed>()
        for (const seed of stored) {
          const value = seed.document[field]?.toLowerCase()
          if (value === undefined) continue
          const other = seen.get(value)
          if (other !== undefined) return `${seed.source}: ${field} ${value} is also seeded by ${other.source}`
          seen.set(value, seed)
        }
      }
    }
    return undefined
  }
}

/**
 * The seeds an application's store gets: those for every application and those naming it; of
 * several with one id, the last (fixture files override the shipped defaults this way).
 */
function seedsFor(application: string | undefined, seeds: readonly CustomerSeed[]): CustomerSeed[] {
  const byId = new Map<string, CustomerSeed>()
  for (const seed of seeds) {
    const { id, application: owner } = seed.document
    if (owner !== undefined && owner !== application) continue
    byId.delete(id.toLowerCase())
    byId.set(id.toLowerCase(), seed)
  }
  return [...byId.values()]
}
