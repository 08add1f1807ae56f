import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import type { BeneficialOwner, OwnershipStatus, OwnerStatus } from './beneficial-owner.js'
import type { OwnerTopic } from './owner-events.js'
import * as transitions from './owner-transitions.js'
import { readOwnerFields } from './validate-owner.js'

export interface OwnerStoreOptions {
  clientId: string
  /** Most owners it holds; past it a create is refused with MaxNumberOfResources. */
  limit: number
  now: () => number
  /** Raises an owner's topic as the application's event (`_links.resource` the owner). */
  raise: (topic: OwnerTopic, owner: BeneficialOwner) => void
  onChange: () => void
}

/**
 * One application's beneficial owners and its businesses' certifications: bounded, and the only
 * place the owner transitions' results are applied. A business with no record is `uncertified`.
 */
export class OwnerStore {
  readonly #owners = new Map<string, BeneficialOwner>()
  readonly #certifications = new Map<string, OwnershipStatus>()

  constructor(private readonly options: OwnerStoreOptions) {}

  get size(): number {
    return this.#owners.size
  }

  get certificationCount(): number {
    return this.#certifications.size
  }

  get(id: string): BeneficialOwner | undefined {
    return this.#owners.get(id.toLowerCase())
  }

  /** A business's owners, oldest first (the order of Dwolla's list examples, inferred). */
  list(customerId: string): BeneficialOwner[] {
    const id = customerId.toLowerCase()
    return [...this.#owners.values()].filter((owner) => owner.customerId === id)
  }

  create(customerId: string, body: unknown): BeneficialOwner {
    const fields = readOwnerFields(body, this.options.now())
    if (this.#owners.size >= this.options.limit) {
      throw new DwollaError('MaxNumberOfResources', { message: 'The maximum number of beneficial owners has been reached.' })
    }
    const { owner, topics } = transitions.createOwner(randomUUID(), customerId.toLowerCase(), fields, this.options.now())
    this.#ownersChanged(owner.customerId)
    return this.#apply(owner, topics)
  }

  update(id: string, body: unknown): BeneficialOwner {
    const owner = this.#require(id)
    // The state first: a verified owner is refused whatever the body holds.
    transitions.requireUpdatable(owner)
    const { owner: updated, topics } = transitions.updateOwner(owner, readOwnerFields(body, this.options.now()))
    this.#ownersChanged(owner.customerId)
    return this.#apply(updated, topics)
  }

  /** Deletes an owner in any status: `customer_beneficial_owner_removed`. */
  remove(id: string): BeneficialOwner {
    const owner = this.#require(id)
    this.#owners.delete(owner.id)
    this.#ownersChanged(owner.customerId)
    this.options.raise('customer_beneficial_owner_removed', owner)
    this.options.onChange()
    return owner
  }

  /** A document's review, or the test double: the owner in a status, with its topic. */
  setStatus(id: string, status: OwnerStatus): BeneficialOwner {
    const { owner, topics } = transitions.setOwnerStatus(this.#require(id), status)
    return this.#apply(owner, topics)
  }

  /** A business's certification: `uncertified` until certified. */
  certification(customerId: string): OwnershipStatus {
    return this.#certifications.get(customerId.toLowerCase()) ?? 'uncertified'
  }

  /** POST /customers/{id}/beneficial-ownership: undefined when the status asked for is not `certified`. */
  certify(customerId: string, requested: unknown): OwnershipStatus | undefined {
    const status = transitions.certify(requested)
    if (status !== undefined) this.#setCertification(customerId, status)
    return status
  }

  /** The test double: 30 days in `recertify` pass at once. */
  ageRecertification(customerId: string): OwnershipStatus {
    const status = transitions.ageRecertification(this.certification(customerId))
    this.#setCertification(customerId, status)
    return status
  }

  snapshot(): { owners: BeneficialOwner[]; certifications: Array<{ customerId: string; status: OwnershipStatus }> } {
    return {
      owners: [...this.#owners.values()].map((owner) => ({ ...owner, address: { ...owner.address } })),
      certifications: [...this.#certifications].map(([customerId, status]) => ({ customerId, status })),
    }
  }

  /** Puts a state file's owners and certifications in as they were (no events). */
  restore(owners: readonly BeneficialOwner[], certifications: ReadonlyArray<{ customerId: string; status: OwnershipStatus }>): void {
    for (const owner of owners) this.#owners.set(owner.id, owner)
    for (const { customerId, status } of certifications) this.#certifications.set(customerId, status)
  }

  #require(id: string): BeneficialOwner {
    const owner = this.get(id)
    if (owner === undefined) throw new RangeError(`no beneficial owner ${id} for application ${this.options.clientId}`)
    return owner
  }

  #setCertification(customerId: string, status: OwnershipStatus): void {
    const id = customerId.toLowerCase()
    // `uncertified` is what no record says: only other statuses take room.
    if (status === 'uncertified') this.#certifications.delete(id)
    else this.#certifications.set(id, status)
    this.options.onChange()
  }

  #ownersChanged(customerId: string): void {
    const status = this.certification(customerId)
    const next = transitions.ownershipAfterOwnerChange(status)
    if (next !== status) this.#setCertification(customerId, next)
  }

  #apply(owner: BeneficialOwner, topics: readonly OwnerTopic[]): BeneficialOwner {
    this.#owners.set(owner.id, owner)
    for (const topic of topics) this.options.raise(topic, owner)
    this.options.onChange()
    return owner
  }
}
