import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { hasBeneficialOwnership } from '../eligibility.js'
import { ownersOf } from '../owners-part.js'
import { ownershipRepresentation } from '../representation.js'
import { beginBusinessCall } from './begin-owner-call.js'

/**
 * GET /customers/{id}/beneficial-ownership: `uncertified`, `certified` or `recertify`. A customer
 * that certifies nothing (personal, sole proprietorship) is the documented 404 "Ownership
 * certification status not found." (inferred for them).
 */
export function getBeneficialOwnershipStatusForCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, customer } = beginBusinessCall(request, check, mock, 'getBeneficialOwnershipStatusForCustomer')
      if (!hasBeneficialOwnership(customer)) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.beneficialOwnership })
      const status = ownersOf(mock, clientId).certification(customer.id)
      return halBody(reply, ownershipRepresentation(customer.id, status, linksFor(request, mock.options.publicUrl)))
    },
  }
}
