import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { EXCHANGES } from '../exchanges-part.js'
import { exchangeRepresentation } from '../representation.js'

/** GET /exchanges: the Account's exchanges, oldest first, with `total` (Dwolla pages none of its examples). */
export function listAccountExchanges(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'listAccountExchanges')
      const links = linksFor(request, mock.options.publicUrl)
      const exchanges = mock.worlds.open(clientId).get(EXCHANGES).list({ kind: 'account' })
      const accountId = accountIdFor(clientId)
      return halBody(reply, {
        _links: { self: links.to('exchange') },
        _embedded: { exchanges: exchanges.map((exchange) => exchangeRepresentation(exchange, links, { accountId })) },
        total: exchanges.length,
      })
    },
  }
}
