import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { labelRepresentation } from '../representation.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/**
 * DELETE /labels/{id}: removes a label that holds nothing, answering `200` with it (amount
 * `0.00`; `dwolla@1.1.1` parses a Label body, and Dwolla's test reads its `id` and `links.self`).
 * A label that still holds money: 403 InvalidResourceState "Amount must be zero to remove label.".
 */
export function removeLabel(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, record } = beginLabelRecordCall(request, check, mock, 'removeLabel', 'id', (labels, id) => labels.get(id), NOT_FOUND_MESSAGES.label)
      return halBody(reply, labelRepresentation(store.remove(record.id), linksFor(request, mock.options.publicUrl)))
    },
  }
}
