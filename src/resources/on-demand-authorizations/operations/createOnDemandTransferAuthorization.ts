import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ON_DEMAND_AUTHORIZATIONS } from '../authorizations-part.js'
import { authorizationRepresentation } from '../representation.js'

/**
 * POST /on-demand-authorizations (Dwolla's `createOnDemandTransferAuthorization`): no body (the
 * `dwolla` SDK sends none, and no content type), and `200`, not 201, with the authorization
 * (`dwolla@1.1.1` treats anything else as an error). Any body is ignored.
 */
export function createOnDemandTransferAuthorization(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'createOnDemandTransferAuthorization')
      const authorization = mock.worlds.open(clientId).get(ON_DEMAND_AUTHORIZATIONS).issue()
      return halBody(reply, authorizationRepresentation(authorization, clientId, linksFor(request, mock.options.publicUrl)))
    },
  }
}
