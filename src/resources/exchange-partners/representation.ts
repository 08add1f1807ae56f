import type { HalLinks } from '../../hal/hal-links.js'
import type { ExchangePartner } from './catalogue.js'

/**
 * A partner as GET /exchange-partners and GET /exchange-partners/{id} answer it
 * (list-exchange-partners.mdx): `self`, and `funding-source` at /funding-sources, where a
 * funding source is made from an exchange with it; `status` is always `active` (the SDK's only value).
 */
export function exchangePartnerRepresentation(partner: ExchangePartner, links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.to('exchange-partner', partner.id), 'funding-source': links.to('funding-source') },
    id: partner.id,
    name: partner.name,
    status: 'active',
    created: partner.created,
  }
}
