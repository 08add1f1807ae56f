import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownersOf } from '../owners-part.js'
import { ownerRepresentation } from '../representation.js'
import { beginOwnerCall } from './begin-owner-call.js'

/**
 * DELETE /beneficial-owners/{id}: `200` with the removed owner as its JSON body. The `dwolla` SDK
 * needs a JSON object here (an empty body makes `beneficialOwners.delete` reject with a raw
 * SyntaxError, a 204 with an APIError); Dwolla's docs show the owner.
 */
export function deleteBeneficialOwner(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, owner } = beginOwnerCall(request, check, mock, 'deleteBeneficialOwner')
      const removed = ownersOf(mock, clientId).remove(owner.id)
      return halBody(reply, ownerRepresentation(removed, linksFor(request, mock.options.publicUrl)))
    },
  }
}
