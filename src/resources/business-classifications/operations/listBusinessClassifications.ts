import { BUSINESS_CLASSIFICATIONS } from '../catalogue.js'
import { linksFor } from '../../../hal/base-url.js'
import { businessClassificationRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'

/** GET /business-classifications: the whole catalogue, each with its industry classifications. */
export function listBusinessClassifications(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      beginApiCall(request, check, mock, 'listBusinessClassifications')
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, {
        _links: { self: links.to('business-classification') },
        _embedded: {
          'business-classifications': BUSINESS_CLASSIFICATIONS.map((classification) => businessClassificationRepresentation(classification, links)),
        },
        total: BUSINESS_CLASSIFICATIONS.length,
      })
    },
  }
}
