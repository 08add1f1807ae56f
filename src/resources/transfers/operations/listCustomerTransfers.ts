import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { CUSTOMERS } from '../../customers/index.js'
import { transferList } from './transfer-list.js'

/** GET /customers/{id}/transfers: the customer's transfers, newest first, filtered and a page at a time. */
export function listCustomerTransfers(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'listCustomerTransfers', id)
      const world = mock.worlds.open(clientId)
      const customer = problems.path.length > 0 ? undefined : world.get(CUSTOMERS).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
      const links = linksFor(request, mock.options.publicUrl)
      const party = { kind: 'customer', customerId: customer.id } as const
      return halBody(reply, transferList(request, problems, world, party, HalLinks.pathOf('customer', customer.id, 'transfers'), links))
    },
  }
}
