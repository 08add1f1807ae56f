import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { exchangePartnerById } from '../catalogue.js'
import { exchangePartnerRepresentation } from '../representation.js'

/** GET /exchange-partners/{id}: one partner; any other id is 404 "… Check Exchange Partner ID." (Dwolla's spec). */
export function getExchangePartner(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      beginApiCall(request, check, mock, 'getExchangePartner')
      const partner = exchangePartnerById((request.params as { id: string }).id, mock.options.checkoutComPartner)
      if (partner === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.exchangePartner })
      return halBody(reply, exchangePartnerRepresentation(partner, linksFor(request, mock.options.publicUrl)))
    },
  }
}
