import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { EXCHANGES } from '../exchanges-part.js'
import { readExchangeRequest } from '../read-exchange-request.js'

/**
 * POST /exchanges: an exchange for the Account. `201 Created`, an absolute `Location`, and a JSON
 * object body in the HAL type: `dwolla@1.1.1`'s accounts.exchanges.create parses a 201 as JSON and
 * throws on an empty body (src/funcs/accountsExchangesCreate.ts), so it gets `{}`.
 */
export function createAccountExchange(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createAccountExchange')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const draft = readExchangeRequest(request.body, mock.options.checkoutComPartner)
      const exchange = mock.worlds.open(clientId).get(EXCHANGES).create({ kind: 'account' }, draft)
      const links = linksFor(request, mock.options.publicUrl)
      reply.code(201).header('location', links.url(HalLinks.pathOf('exchange', exchange.id)))
      return halBody(reply, {})
    },
  }
}
