import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { exchangePartnerById } from '../../exchange-partners/index.js'
import { EXCHANGES } from '../../exchanges/index.js'
import { flowOf, readRedirectUrl } from '../read-session-request.js'
import { SESSION_MESSAGES } from '../session-messages.js'
import { EXCHANGE_SESSIONS } from '../sessions-part.js'

/**
 * POST /exchanges/{id}/exchange-sessions: a re-authentication session for a customer's exchange,
 * after a balance check answered UpdateCredentials or `customer_exchange_reauth_required` came.
 * The body may be empty (`dwolla@1.1.1` sends none for web) or name a redirect URL. `201`, an
 * absolute `Location`, no body. The Account's exchange, or a partner without a session flow, is
 * 403 forbidden "Not authorized to create re-authentication exchange session." (inferred which).
 * Completing it (the test double) makes a deactivated exchange active again.
 */
export function createReAuthExchangeSession(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createReAuthExchangeSession')
      const world = mock.worlds.open(clientId)
      const exchange = problems.path.length > 0 ? undefined : world.get(EXCHANGES).get((request.params as { id: string }).id)
      if (exchange === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.exchange })
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const redirectUrl = readRedirectUrl(request.body)
      const partner = exchangePartnerById(exchange.partnerId, true)
      const flow = partner === undefined ? undefined : flowOf(partner)
      if (exchange.customerId === undefined || flow === undefined) throw new DwollaError('forbidden', { message: SESSION_MESSAGES.reauthNotAuthorized })
      const session = world.get(EXCHANGE_SESSIONS).create({
        customerId: exchange.customerId,
        partnerId: exchange.partnerId,
        flow,
        exchangeId: exchange.id,
        ...(redirectUrl === undefined ? {} : { redirectUrl }),
      })
      return reply
        .code(201)
        .header('location', linksFor(request, mock.options.publicUrl).url(HalLinks.pathOf('exchange-session', session.id)))
        .send()
    },
  }
}
