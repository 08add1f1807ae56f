import type { Resource } from '../../world/resource.js'
import { getExchangePartner } from './operations/getExchangePartner.js'
import { listExchangePartners } from './operations/listExchangePartners.js'

export { exchangePartnerById, exchangePartnerFromHref, type ExchangePartner } from './catalogue.js'

/** Exchange partners: the open-banking and secure-exchange providers an exchange is made with. */
export const exchangePartners: Resource = {
  name: 'exchange-partners',
  operations: { listExchangePartners, getExchangePartner },
}
