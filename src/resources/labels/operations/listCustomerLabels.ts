import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { labelRepresentation } from '../representation.js'
import { beginCustomerLabelsCall } from './begin-label-call.js'

/**
 * GET /customers/{id}/labels: the customer's labels, newest first, paged by `limit` and `offset`
 * (listCustomerLabels), with `_links.customer`. A customer without labels lists none.
 */
export function listCustomerLabels(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, customer } = beginCustomerLabelsCall(request, check, mock, 'listCustomerLabels')
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: HalLinks.pathOf('customer', customer.id, 'labels'), resourceType: 'label', embedded: 'labels' } as const
      const list = pagedList(links, shape, store.list(customer.id), pageWindowOf(request.query as PageQuery), (label) => labelRepresentation(label, links))
      return halBody(reply, { ...list, _links: { ...(list._links as object), customer: links.to('customer', customer.id) } })
    },
  }
}
