import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { transferRepresentation } from '../representation.js'
import { transferOf } from '../transfer-reading.js'
import { beginTransferCall } from './begin-transfer-call.js'

/**
 * GET /transfers/{id}/fees (list-fees-for-a-transfer.mdx): `{transactions, total}`, no `_embedded`
 * and no `_links`, as Dwolla answers it. A fee is `pending` until its transfer processes.
 */
export function listTransferFees(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, world, transfer } = beginTransferCall(request, check, mock, 'listTransferFees')
      const links = linksFor(request, mock.options.publicUrl)
      const transactions = (transfer.feeIds ?? []).flatMap((id) => {
        const fee = transferOf(world, id)
        return fee === undefined ? [] : [transferRepresentation(fee, clientId, links)]
      })
      return halBody(reply, { transactions, total: transactions.length })
    },
  }
}
