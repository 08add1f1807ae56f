import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { transferRepresentation } from '../representation.js'
import { beginTransferCall } from './begin-transfer-call.js'

/** GET /transfers/{id}: any leg of a payment, with its links. */
export function getTransfer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, transfer } = beginTransferCall(request, check, mock, 'getTransfer')
      return halBody(reply, transferRepresentation(transfer, clientId, linksFor(request, mock.options.publicUrl)))
    },
  }
}
