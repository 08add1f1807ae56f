import type { FastifyRequest } from 'fastify'
import { validationError } from '../../../errors.js'
import type { HalLinks } from '../../../hal/hal-links.js'
import { pageWindowOf } from '../../../hal/page-window.js'
import type { RequestProblems } from '../../../http/validation-errors.js'
import type { ApplicationWorld } from '../../../world/application-world.js'
import { accountIdFor } from '../../accounts/index.js'
import { CUSTOMERS } from '../../customers/index.js'
import { transferRepresentation } from '../representation.js'
import type { Party } from '../transfer.js'
import { readTransferFilter, searchTransfers } from '../transfer-search.js'
import { TRANSFERS } from '../transfers-part.js'

const FILTERS = ['search', 'startAmount', 'endAmount', 'startDate', 'endDate', 'correlationId'] as const

/**
 * A party's transfers as Dwolla lists them: `{_links: {self, first, last, next?, prev?},
 * _embedded: {transfers}, total}`, the query's filters kept in every paging link.
 */
export function transferList(
  request: FastifyRequest,
  problems: RequestProblems,
  world: ApplicationWorld,
  party: Party,
  path: string,
  links: HalLinks,
): Record<string, unknown> {
  if (problems.query.length > 0) throw validationError(problems.query)
  const query = request.query as Record<string, unknown>
  const read = readTransferFilter(query)
  if ('problems' in read) throw validationError(read.problems)
  const window = pageWindowOf(query)
  const customers = world.get(CUSTOMERS)
  const accountId = accountIdFor(world.clientId)
  const { page, total } = searchTransfers(world.get(TRANSFERS).ofParty(party), read.filter, window, accountId, (id) => customers.get(id))
  const kept: Array<[string, string]> = []
  for (const name of FILTERS) {
    const value = query[name]
    if (typeof value === 'string' && value !== '') kept.push([name, value])
  }
  const statuses = query.status === undefined ? [] : Array.isArray(query.status) ? query.status : [query.status]
  for (const status of statuses) if (typeof status === 'string' && status !== '') kept.push(['status', status])
  return {
    _links: links.page(path, 'transfer', { ...window, total }, kept),
    _embedded: { transfers: page.map((transfer) => transferRepresentation(transfer, world.clientId, links)) },
    total,
  }
}
