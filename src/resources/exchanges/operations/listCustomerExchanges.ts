import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { exchangeRepresentation } from '../representation.js'
import { beginCustomerExchangesCall } from './begin-exchange-call.js'

/** GET /customers/{id}/exchanges: the customer's exchanges, oldest first, each with its `funding-sources` link. */
export function listCustomerExchanges(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, store, customer } = beginCustomerExchangesCall(request, check, mock, 'listCustomerExchanges')
      const links = linksFor(request, mock.options.publicUrl)
      const exchanges = store.list({ kind: 'customer', customerId: customer.id })
      const accountId = accountIdFor(clientId)
      return halBody(reply, {
        _links: { self: links.link(HalLinks.pathOf('customer', customer.id, 'exchanges'), 'exchange') },
        _embedded: { exchanges: exchanges.map((exchange) => exchangeRepresentation(exchange, links, { accountId, inCustomerList: true })) },
        total: exchanges.length,
      })
    },
  }
}
