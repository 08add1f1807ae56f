import { businessClassificationById } from '../catalogue.js'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { businessClassificationRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'

/** GET /business-classifications/{id}: one business classification (an industry classification's id is not one). */
export function retrieveBusinessClassification(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      beginApiCall(request, check, mock, 'retrieveBusinessClassification')
      const classification = businessClassificationById((request.params as { id: string }).id)
      if (classification === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.businessClassification })
      return halBody(reply, businessClassificationRepresentation(classification, linksFor(request, mock.options.publicUrl)))
    },
  }
}
