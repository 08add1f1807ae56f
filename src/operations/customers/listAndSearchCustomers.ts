import type { CustomerStatus } from '../../customers/customer.js'
import { validationError } from '../../errors.js'
import { linksFor } from '../../hal/base-url.js'
import { customerRepresentation } from '../../hal/customer-representation.js'
import { halBody } from '../../hal/send-hal.js'
import { beginApiCall } from '../../http/api-call.js'
import type { OperationHandler } from '../../http/openapi-routes.js'
import type { MockState } from '../../mock-state.js'

/** "limit: default 25, max 200" (list-and-search.mdx). */
const DEFAULT_LIMIT = 25
const MAX_LIMIT = 200

interface ListQuery {
  limit?: number | string
  offset?: number | string
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
export function listAndSearchCustomers(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, state, 'listAndSearchCustomers')
      if (problems.query.length > 0) throw validationError(problems.query)
      const query = request.query as ListQuery
      const limit = Math.min(Number(query.limit ?? DEFAULT_LIMIT), MAX_LIMIT)
      const offset = Number(query.offset ?? 0)
      const statuses = query.status === undefined ? undefined : [query.status].flat()
      const found = state.customers.storeFor(clientId).list({ search: query.search, email: query.email, statuses })
      const filters: Array<[string, string]> = [
        ...(query.search === undefined ? [] : [['search', query.search] as [string, string]]),
        ...(query.email === undefined ? [] : [['email', query.email] as [string, string]]),
        ...(statuses ?? []).map((status): [string, string] => ['status', status]),
      ]
      const links = linksFor(request, state.options.publicUrl)
      return halBody(reply, {
        _links: links.page('/customers', 'customer', { limit, offset, total: found.length }, filters),
        _embedded: { customers: found.slice(offset, offset + limit).map((customer) => customerRepresentation(customer, links)) },
        total: found.length,
      })
    },
  }
}
