import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { EXCHANGES } from '../exchanges-part.js'
import { exchangeRepresentation } from '../representation.js'

/**
 * GET /exchanges/{id}: one of the application's exchanges, the Account's or a customer's; any
 * other id (another application's too) is 404 "… Check Exchange ID." (Dwolla's spec).
 */
export function getExchange(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'getExchange')
      const exchange =
        problems.path.length > 0
          ? undefined
          : mock.worlds
              .open(clientId)
              .get(EXCHANGES)
              .get((request.params as { id: string }).id)
      if (exchange === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.exchange })
      return halBody(reply, exchangeRepresentation(exchange, linksFor(request, mock.options.publicUrl), { accountId: accountIdFor(clientId) }))
    },
  }
}
