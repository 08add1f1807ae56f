import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { exchangePartnersServed } from '../catalogue.js'
import { exchangePartnerRepresentation } from '../representation.js'

/** GET /exchange-partners: the partners served, oldest first, with their `total` (no pages). */
export function listExchangePartners(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      beginApiCall(request, check, mock, 'listExchangePartners')
      const links = linksFor(request, mock.options.publicUrl)
      const partners = exchangePartnersServed(mock.options.checkoutComPartner)
      return halBody(reply, {
        _links: { self: links.to('exchange-partner') },
        _embedded: { 'exchange-partners': partners.map((partner) => exchangePartnerRepresentation(partner, links)) },
        total: partners.length,
      })
    },
  }
}
