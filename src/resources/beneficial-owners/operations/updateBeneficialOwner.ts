import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownersOf } from '../owners-part.js'
import { ownerRepresentation } from '../representation.js'
import { beginOwnerCall } from './begin-owner-call.js'
import { asDwollaError } from './owner-validation-error.js'

/**
 * POST /beneficial-owners/{id}: the one retry of an `incomplete` owner, all fields again; `200`
 * with the owner as it now is. Any other owner is `403 InvalidResourceState "Owner cannot be
 * updated."` (update.mdx's message).
 */
export function updateBeneficialOwner(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, owner } = beginOwnerCall(request, check, mock, 'updateBeneficialOwner')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      try {
        const updated = ownersOf(mock, clientId).update(owner.id, request.body)
        return halBody(reply, ownerRepresentation(updated, linksFor(request, mock.options.publicUrl)))
      } catch (error) {
        throw asDwollaError(error)
      }
    },
  }
}
