import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { flowOf, readRedirectUrl, readSessionPartner } from '../read-session-request.js'
import { SESSION_MESSAGES } from '../session-messages.js'
import { EXCHANGE_SESSIONS } from '../sessions-part.js'

/**
 * POST /customers/{id}/exchange-sessions: a session of the partner's flow for the customer.
 * `201 Created`, an absolute `Location` and no body. A partner without a session flow is 403
 * forbidden "The exchange partner specified does not support this product." (Dwolla's spec).
 */
export function createCustomerExchangeSession(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'createCustomerExchangeSession', id)
      const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const partner = readSessionPartner(request.body, mock.options.checkoutComPartner)
      const redirectUrl = readRedirectUrl(request.body)
      const flow = flowOf(partner)
      if (flow === undefined) throw new DwollaError('forbidden', { message: SESSION_MESSAGES.partnerUnsupported })
      const session = mock.worlds
        .open(clientId)
        .get(EXCHANGE_SESSIONS)
        .create({ customerId: customer.id, partnerId: partner.id, flow, ...(redirectUrl === undefined ? {} : { redirectUrl }) })
      return reply
        .code(201)
        .header('location', linksFor(request, mock.options.publicUrl).url(HalLinks.pathOf('exchange-session', session.id)))
        .send()
    },
  }
}
