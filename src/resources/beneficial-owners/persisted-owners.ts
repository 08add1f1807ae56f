import type { ResolvedOptions } from '../../config.js'
import { corruptStateFile } from '../../persistence/state-file.js'
import { listInEntry } from '../../persistence/world-snapshots.js'
import type { PersistedPart } from '../../world/resource.js'
import { OWNER_STATUSES, OWNERSHIP_STATUSES, type BeneficialOwner, type OwnerAddress, type OwnershipStatus } from './beneficial-owner.js'
import type { OwnerStore } from './owner-store.js'
import { BENEFICIAL_OWNERS, emptyOwnerStore } from './owners-part.js'

/** An owner in the state file: `created` as ISO 8601, as the API shows it. */
interface OwnerRecord extends Omit<BeneficialOwner, 'created'> {
  created: string
}

interface PersistedOwners {
  owners: BeneficialOwner[]
  certifications: Array<{ customerId: string; status: OwnershipStatus }>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const ADDRESS_FIELDS = ['address1', 'address2', 'address3', 'city', 'stateProvinceRegion', 'postalCode', 'country'] as const
const REQUIRED_ADDRESS_FIELDS = new Set(['address1', 'city', 'stateProvinceRegion', 'country'])

/** An application's beneficial owners and certifications in the state file (`beneficialOwners`, `beneficialOwnership`). */
export const PERSISTED_OWNERS: PersistedPart<OwnerStore, PersistedOwners> = {
  part: BENEFICIAL_OWNERS,
  keys: ['beneficialOwners', 'beneficialOwnership'],
  save(store) {
    const { owners, certifications } = store.snapshot()
    return {
      beneficialOwners: owners.map((owner): OwnerRecord => ({ ...owner, created: new Date(owner.created).toISOString() })),
      beneficialOwnership: certifications,
    }
  },
  load(entry, at, path, options: ResolvedOptions) {
    const owners = listInEntry(entry, 'beneficialOwners', at, path).map((value, index) => ownerFrom(value, path, `${at}/beneficialOwners/${index}`))
    if (owners.length > options.beneficialOwnerLimit) {
      throw corruptStateFile(path, `${at}/beneficialOwners`, `${owners.length} owners, more than beneficialOwnerLimit (${options.beneficialOwnerLimit})`)
    }
    const certifications = listInEntry(entry, 'beneficialOwnership', at, path).map((value, index) => {
      const { customerId, status } = (value ?? {}) as Record<string, unknown>
      if (typeof customerId !== 'string' || !UUID.test(customerId) || !(OWNERSHIP_STATUSES as readonly unknown[]).includes(status)) {
        throw corruptStateFile(
          path,
          `${at}/beneficialOwnership/${index}`,
          `expected {customerId: a lowercase UUID, status: one of ${OWNERSHIP_STATUSES.join(', ')}}`,
        )
      }
      return { customerId, status: status as OwnershipStatus }
    })
    return { owners, certifications }
  },
  restore(world, { owners, certifications }) {
    const store = emptyOwnerStore(world)
    store.restore(owners, certifications)
    world.put(BENEFICIAL_OWNERS, store)
  },
}

function ownerFrom(value: unknown, path: string, pointer: string): BeneficialOwner {
  const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>
  const fail = (what: string) => corruptStateFile(path, pointer, what)
  const { id, customerId, firstName, lastName, address, verificationStatus, created, retried } = record
  if (typeof id !== 'string' || !UUID.test(id)) throw fail('id: expected a lowercase UUID')
  if (typeof customerId !== 'string' || !UUID.test(customerId)) throw fail('customerId: expected a lowercase UUID')
  if (typeof firstName !== 'string' || typeof lastName !== 'string') throw fail('firstName and lastName: expected strings')
  if (!(OWNER_STATUSES as readonly unknown[]).includes(verificationStatus)) throw fail(`verificationStatus: expected one of ${OWNER_STATUSES.join(', ')}`)
  const at = typeof created === 'string' ? Date.parse(created) : Number.NaN
  if (Number.isNaN(at)) throw fail('created: expected an ISO 8601 date')
  if (retried !== undefined && typeof retried !== 'boolean') throw fail('retried: expected true or false')
  const lines = (typeof address === 'object' && address !== null ? address : {}) as Record<string, unknown>
  const kept: Record<string, string> = {}
  for (const field of ADDRESS_FIELDS) {
    const line = lines[field]
    if (line === undefined && !REQUIRED_ADDRESS_FIELDS.has(field)) continue
    if (typeof line !== 'string') throw fail(`address.${field}: expected a string`)
    kept[field] = line
  }
  return {
    id,
    customerId,
    firstName,
    lastName,
    address: kept as unknown as OwnerAddress,
    verificationStatus: verificationStatus as BeneficialOwner['verificationStatus'],
    created: at,
    ...(retried === undefined ? {} : { retried }),
  }
}
