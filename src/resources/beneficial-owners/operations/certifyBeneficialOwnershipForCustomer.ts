import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { mayChangeOwners } from '../eligibility.js'
import { ownersOf } from '../owners-part.js'
import { ownershipRepresentation } from '../representation.js'
import { beginBusinessCall } from './begin-owner-call.js'

/**
 * POST /customers/{id}/beneficial-ownership `{"status":"certified"}`: `200` with the new status,
 * whatever the owners' statuses and the customer's own (certify-beneficial-ownership.mdx; Dwolla's
 * SDK suite certified a business with incomplete owners). Another status is a ValidationError at
 * `/status`; a customer that certifies nothing, or a suspended or deactivated business, the
 * documented 403 (both inferred).
 */
export function certifyBeneficialOwnershipForCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, customer } = beginBusinessCall(request, check, mock, 'certifyBeneficialOwnershipForCustomer')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      if (!mayChangeOwners(customer)) {
        throw new DwollaError('Forbidden', { message: 'Forbidden from updating beneficial ownership status for this customer.' })
      }
      const requested = (request.body as { status?: unknown }).status
      const status = ownersOf(mock, clientId).certify(customer.id, requested)
      if (status === undefined) {
        const code = requested === undefined ? 'Required' : 'Invalid'
        throw validationError([{ code, message: `Status ${code === 'Required' ? 'required' : 'invalid'}.`, path: '/status', _links: {} }])
      }
      return halBody(reply, ownershipRepresentation(customer.id, status, linksFor(request, mock.options.publicUrl)))
    },
  }
}
