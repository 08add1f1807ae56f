import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { cancelTransfer as cancel } from '../cancel.js'
import { transferRepresentation } from '../representation.js'
import { TRANSFER_MESSAGES } from '../transfer-messages.js'
import { beginTransferCall } from './begin-transfer-call.js'

/**
 * POST /transfers/{id} `{"status": "cancelled"}` (cancel.mdx): 200 with the cancelled transfer.
 * Any other status is 400 `Invalid` "Status invalid."; a transfer past cancelling 400
 * `NotAllowed` "Status not allowed.", both at `/status`.
 */
export function cancelTransfer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, world, problems, transfer } = beginTransferCall(request, check, mock, 'cancelTransfer')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const body = request.body
      const status = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>).status : undefined
      if (status !== 'cancelled') throw validationError([{ code: 'Invalid', message: TRANSFER_MESSAGES.statusInvalid, path: '/status', _links: {} }])
      const cancelled = cancel(world, transfer.id)
      return halBody(reply, transferRepresentation(cancelled, clientId, linksFor(request, mock.options.publicUrl)))
    },
  }
}
