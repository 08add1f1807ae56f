import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { MASS_PAYMENT_MESSAGES, type MassPaymentItemStatus } from '../mass-payment.js'
import { massPaymentItemRepresentation } from '../representation.js'
import { beginMassPaymentsCall, statusesOf } from './begin-mass-payment-call.js'

/**
 * GET /mass-payments/{id}/items (list-items-for-a-mass-payment.mdx): the items in the order given,
 * paged by `limit` and `offset`, filtered by `status` (repeatable: pending, success, failed).
 */
export function listMassPaymentItems(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, pathProblem } = beginMassPaymentsCall(request, check, mock, 'listMassPaymentItems')
      const massPayment = pathProblem ? undefined : store.get((request.params as { id: string }).id)
      if (massPayment === undefined) throw new DwollaError('NotFound', { message: MASS_PAYMENT_MESSAGES.notFound })
      const statuses = statusesOf(request.query) as MassPaymentItemStatus[]
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: HalLinks.pathOf('mass-payment', massPayment.id, 'items'), resourceType: 'mass-payment-item', embedded: 'items' } as const
      return halBody(
        reply,
        pagedList(
          links,
          shape,
          store.itemsOf(massPayment, statuses),
          pageWindowOf(request.query as PageQuery),
          (item) => massPaymentItemRepresentation(item, links),
          statuses.map((status) => ['status', status]),
        ),
      )
    },
  }
}
