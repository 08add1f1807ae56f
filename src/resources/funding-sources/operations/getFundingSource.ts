import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownerViewOf } from '../owners.js'
import { fundingSourceRepresentation } from '../representation.js'
import { beginFundingSourceCall } from './begin-funding-source-call.js'

/**
 * GET /funding-sources/{id}: the funding source with the `_links` of its state, removed ones too.
 * A client token for `customer.fundingsources.read` may read its own customer's.
 */
export function getFundingSource(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, source, customer } = beginFundingSourceCall(request, check, mock, 'getFundingSource')
      return halBody(reply, fundingSourceRepresentation(source, ownerViewOf(clientId, customer), linksFor(request, mock.options.publicUrl)))
    },
  }
}
