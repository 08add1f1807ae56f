import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { labelRepresentation } from '../representation.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/** GET /labels/{id}: the label and what it holds; a removed one is 404 "Label not found.". */
export function getLabel(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { record } = beginLabelRecordCall(request, check, mock, 'getLabel', 'id', (store, id) => store.get(id), NOT_FOUND_MESSAGES.label)
      return halBody(reply, labelRepresentation(record, linksFor(request, mock.options.publicUrl)))
    },
  }
}
