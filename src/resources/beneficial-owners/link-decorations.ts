import type { LinkDecoration } from '../../world/resource.js'
import { HalLinks } from '../../hal/hal-links.js'
import { CUSTOMERS } from '../customers/index.js'
import { mayChangeOwners } from './eligibility.js'
import { BENEFICIAL_OWNERS } from './owners-part.js'
import { ownershipLink } from './representation.js'

/**
 * What beneficial ownership does to a business customer's links (certify-beneficial-ownership.mdx,
 * business-verified-customer/index.mdx): `certify-beneficial-ownership` while certification is
 * needed (`uncertified` or `recertify`, whatever the customer's own status: the docs show it on a
 * business in `document`), and `send` only once the business is verified, certified (or within
 * its 30 days of `recertify`) and every owner is verified ("owners in incomplete or document block
 * sending"). Suspended and deactivated businesses keep the customers' own links.
 */
export const decorateBusinessLinks: LinkDecoration = (world, id, links, hal) => {
  const customer = world.get(CUSTOMERS).get(id)
  if (customer === undefined || !mayChangeOwners(customer)) return
  const owners = world.peek(BENEFICIAL_OWNERS)
  const status = owners?.certification(id) ?? 'uncertified'
  if (status === 'certified') delete links['certify-beneficial-ownership']
  else links['certify-beneficial-ownership'] = ownershipLink(customer.id, hal)
  const ownersVerified = (owners?.list(id) ?? []).every((owner) => owner.verificationStatus === 'verified')
  if (customer.status === 'verified' && status !== 'uncertified' && ownersVerified) links.send = hal.link(HalLinks.pathOf('transfer'), 'transfer')
  else delete links.send
}
