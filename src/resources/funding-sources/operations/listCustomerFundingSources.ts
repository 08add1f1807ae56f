import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCES } from '../funding-sources-part.js'
import { customerOwner, hasBalance, ownerViewOf } from '../owners.js'
import { beginCustomerFundingSourcesCall } from './begin-funding-source-call.js'
import { fundingSourceList, removedFilter } from './funding-source-list.js'

/**
 * GET /customers/{id}/funding-sources: the customer's funding sources, its balance first. A
 * verified customer's balance is made here if it has none yet (a customer seeded or restored as
 * verified never raised `customer_verified`). A client token for `customer.fundingsources.read`
 * may call it for its own customer.
 */
export function listCustomerFundingSources(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, world, problems, customer } = beginCustomerFundingSourcesCall(request, check, mock, 'listCustomerFundingSources')
      if (problems.query.length > 0) throw validationError(problems.query)
      const store = world.get(FUNDING_SOURCES)
      if (hasBalance(customer)) store.ensureBalance(customer.id)
      const removed = removedFilter(request.query)
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(
        reply,
        fundingSourceList(
          links,
          HalLinks.pathOf('customer', customer.id, 'funding-sources'),
          links.to('customer', customer.id),
          ownerViewOf(clientId, customer),
          store.list(customerOwner(customer), removed),
          removed,
        ),
      )
    },
  }
}
