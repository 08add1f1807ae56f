import { DWOLLA_ERRORS, DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { mayChangeOwners } from '../eligibility.js'
import { ownersOf } from '../owners-part.js'
import { beginBusinessCall } from './begin-owner-call.js'
import { asDwollaError } from './owner-validation-error.js'

/**
 * POST /customers/{id}/beneficial-owners: `201` with the owner's absolute `Location` and no body.
 * Only an active `llc`, `corporation` or `partnership` has owners; anyone else is
 * `403 InvalidResourceState` (inferred: Dwolla documents no answer). An unknown customer is
 * Dwolla's plain 404 (dwolla-v2-python#51 quotes it).
 */
export function createBeneficialOwnerForCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, customer } = beginBusinessCall(request, check, mock, 'createBeneficialOwnerForCustomer', DWOLLA_ERRORS.NotFound.message)
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      if (!mayChangeOwners(customer)) throw new DwollaError('InvalidResourceState')
      let id: string
      try {
        id = ownersOf(mock, clientId).create(customer.id, request.body).id
      } catch (error) {
        throw asDwollaError(error)
      }
      const links = linksFor(request, mock.options.publicUrl)
      return reply
        .code(201)
        .header('location', links.url(HalLinks.pathOf('beneficial-owner', id)))
        .send()
    },
  }
}
