import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCES } from '../../funding-sources/index.js'
import { failureRepresentation } from '../representation.js'
import { beginTransferCall } from './begin-transfer-call.js'

/** GET /transfers/{id}/failure: the failure of a failed transfer; any other is 404 (inferred: Dwolla documents none). */
export function getTransferFailureReason(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { world, transfer } = beginTransferCall(request, check, mock, 'getTransferFailureReason')
      if (transfer.failure === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.transferFailure })
      const bank = world.get(FUNDING_SOURCES).get(transfer.failure.fundingSourceId)
      return halBody(reply, failureRepresentation(transfer, bank?.customerId, linksFor(request, mock.options.publicUrl)))
    },
  }
}
