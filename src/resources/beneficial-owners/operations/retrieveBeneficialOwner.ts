import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownerRepresentation } from '../representation.js'
import { beginOwnerCall } from './begin-owner-call.js'

/** GET /beneficial-owners/{id}: the owner, with its links for its status. */
export function retrieveBeneficialOwner(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { owner } = beginOwnerCall(request, check, mock, 'retrieveBeneficialOwner')
      return halBody(reply, ownerRepresentation(owner, linksFor(request, mock.options.publicUrl)))
    },
  }
}
