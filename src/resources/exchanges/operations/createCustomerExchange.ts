import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { readExchangeRequest } from '../read-exchange-request.js'
import { beginCustomerExchangesCall } from './begin-exchange-call.js'

/**
 * POST /customers/{id}/exchanges: an exchange for a customer, of any type or status (Dwolla's
 * own samples make them for unverified customers). `201 Created`, an absolute `Location` and no
 * body (the `dwolla` SDK reads `headers.location[0]`).
 */
export function createCustomerExchange(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { problems, store, customer } = beginCustomerExchangesCall(request, check, mock, 'createCustomerExchange')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const exchange = store.create({ kind: 'customer', customerId: customer.id }, readExchangeRequest(request.body, mock.options.checkoutComPartner))
      const links = linksFor(request, mock.options.publicUrl)
      return reply
        .code(201)
        .header('location', links.url(HalLinks.pathOf('exchange', exchange.id)))
        .send()
    },
  }
}
