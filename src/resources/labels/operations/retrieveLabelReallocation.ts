import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { reallocationRepresentation } from '../representation.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/** GET /label-reallocations/{reallocationId}: its two ledger entries and when it was made. */
export function retrieveLabelReallocation(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { record } = beginLabelRecordCall(
        request,
        check,
        mock,
        'retrieveLabelReallocation',
        'reallocationId',
        (store, id) => store.getReallocation(id),
        NOT_FOUND_MESSAGES.labelReallocation,
      )
      return halBody(reply, reallocationRepresentation(record, linksFor(request, mock.options.publicUrl)))
    },
  }
}
