import type { HalLink } from '../../errors.js'
import { HalLinks } from '../../hal/hal-links.js'
import type { BeneficialOwner, OwnershipStatus } from './beneficial-owner.js'

/**
 * An owner as GET, POST (update) and the list answer it (beneficial-owners/retrieve.mdx): `self`,
 * plus `verify-with-document` in `document` and `retry-verification` in `incomplete`; `created`
 * with milliseconds and Z, which the `dwolla` SDK requires; never ssn, dateOfBirth or passport.
 */
export function ownerRepresentation(owner: BeneficialOwner, links: HalLinks): Record<string, unknown> {
  const _links: Record<string, HalLink> = { self: links.to('beneficial-owner', owner.id) }
  if (owner.verificationStatus === 'document')
    _links['verify-with-document'] = links.link(HalLinks.pathOf('beneficial-owner', owner.id, 'documents'), 'document')
  if (owner.verificationStatus === 'incomplete') _links['retry-verification'] = links.to('beneficial-owner', owner.id)
  return {
    _links,
    id: owner.id,
    firstName: owner.firstName,
    lastName: owner.lastName,
    address: { ...owner.address },
    verificationStatus: owner.verificationStatus,
    created: new Date(owner.created).toISOString(),
  }
}

/** A business's owners (beneficial-owners/list.mdx): no paging is documented, so all of them, with `total`. */
export function ownerList(customerId: string, owners: readonly BeneficialOwner[], links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.link(HalLinks.pathOf('customer', customerId, 'beneficial-owners'), 'beneficial-owner') },
    _embedded: { 'beneficial-owners': owners.map((owner) => ownerRepresentation(owner, links)) },
    total: owners.length,
  }
}

/** GET and POST /customers/{id}/beneficial-ownership (retrieve-beneficial-ownership-status.mdx). */
export function ownershipRepresentation(customerId: string, status: OwnershipStatus, links: HalLinks): Record<string, unknown> {
  return { _links: { self: ownershipLink(customerId, links) }, status }
}

export function ownershipLink(customerId: string, links: HalLinks): HalLink {
  return links.link(HalLinks.pathOf('customer', customerId, 'beneficial-ownership'), 'beneficial-ownership')
}
