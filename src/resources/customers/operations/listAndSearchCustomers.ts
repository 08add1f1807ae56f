import type { CustomerStatus } from '../customer.js'
import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { decoratedCustomerRepresentation } from '../representation.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { customersOf } from '../customers-part.js'
import type { MockContext } from '../../../world/mock-context.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'

interface ListQuery extends PageQuery {
  search?: string
  email?: string
  status?: CustomerStatus | CustomerStatus[]
}

/**
 * GET /customers: the calling application's customers, newest first, filtered by `search`
 * (any of the names and the email, case-insensitive), `email` (exact) and `status` (one or
 * more, repeated as dwolla-v2 sends arrays). A `limit` over 200 is taken as 200 (inferred);
 * a limit, offset or status the document does not allow is a ValidationError (inferred).
 */
export function listAndSearchCustomers(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'listAndSearchCustomers')
      if (problems.query.length > 0) throw validationError(problems.query)
      const query = request.query as ListQuery
      const statuses = query.status === undefined ? undefined : [query.status].flat()
      const world = mock.worlds.open(clientId)
      const found = customersOf(mock, clientId).list({ search: query.search, email: query.email, statuses })
      const filters: Array<[string, string]> = [
        ...(query.search === undefined ? [] : [['search', query.search] as [string, string]]),
        ...(query.email === undefined ? [] : [['email', query.email] as [string, string]]),
        ...(statuses ?? []).map((status): [string, string] => ['status', status]),
      ]
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: '/customers', resourceType: 'customer', embedded: 'customers' } as const
      return halBody(
        reply,
        pagedList(links, shape, found, pageWindowOf(query), (customer) => decoratedCustomerRepresentation(mock, world, customer, links), filters),
      )
    },
  }
}
