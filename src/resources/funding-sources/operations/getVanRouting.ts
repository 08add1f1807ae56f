import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { achRoutingRepresentation } from '../representation.js'
import { beginFundingSourceCall } from './begin-funding-source-call.js'

/**
 * GET /funding-sources/{id}/ach-routing (Dwolla's `getVanRouting`): a VAN's account and routing
 * numbers. Anything but a VAN is 404 "Funding source not found." (inferred: Dwolla documents
 * only the 404).
 */
export function getVanRouting(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { source } = beginFundingSourceCall(request, check, mock, 'getVanRouting')
      if (source.type !== 'virtual') throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.fundingSource })
      return halBody(reply, achRoutingRepresentation(source, linksFor(request, mock.options.publicUrl)))
    },
  }
}
