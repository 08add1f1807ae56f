import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ownersOf } from '../owners-part.js'
import { ownerList } from '../representation.js'
import { beginBusinessCall } from './begin-owner-call.js'

/**
 * GET /customers/{id}/beneficial-owners: the business's owners, oldest first, with `total`. A
 * customer that has no owners (personal, sole proprietorship) lists none (inferred: reading
 * refuses nothing).
 */
export function listBeneficialOwnersForCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, customer } = beginBusinessCall(request, check, mock, 'listBeneficialOwnersForCustomer')
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, ownerList(customer.id, ownersOf(mock, clientId).list(customer.id), links))
    },
  }
}
