import { DwollaError, validationError } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { Customer } from '../customers/index.js'
import { EXCHANGES, type ExchangeOwner } from '../exchanges/index.js'
import { ON_DEMAND_AUTHORIZATIONS } from '../on-demand-authorizations/index.js'
import type { FundingSource } from './funding-source.js'
import { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'
import { adderOf, customerOwner, hasBalance, requireModifiable } from './owners.js'
import { invalid, readCreateRequest } from './read-create-request.js'

const AUTHORIZATION_HREF = '/_links/on-demand-authorization/href'
const EXCHANGE_HREF = '/_links/exchange/href'

/**
 * Adds a funding source from a create body, for a customer or (without one) the Account: what
 * POST /customers/{id}/funding-sources, POST /funding-sources and the test double all do. The
 * customer's status first (403), then the body (400), then an on-demand authorization named in
 * it, which must be this application's and unused, and an exchange named in it, which must be the
 * owner's, active (else InactiveExchange) and unused; each is marked used only once the funding
 * source exists. All of it synchronous: nothing else runs between the checks and the change.
 */
export function addFundingSource(world: ApplicationWorld, customer: Customer | undefined, body: unknown): FundingSource {
  requireModifiable(customer)
  const store = world.get(FUNDING_SOURCES)
  if (customer !== undefined && hasBalance(customer)) store.ensureBalance(customer.id)
  const draft = readCreateRequest(body, adderOf(customer, customer !== undefined && hasBalance(customer)))
  const authorizationId = draft.kind === 'numbers' || draft.kind === 'exchange' ? draft.onDemandAuthorizationId : undefined
  const authorizations = authorizationId === undefined ? undefined : world.get(ON_DEMAND_AUTHORIZATIONS)
  if (authorizations !== undefined && authorizationId !== undefined) {
    const problem = authorizations.problem(authorizationId)
    if (problem !== undefined) {
      throw validationError([
        invalid(AUTHORIZATION_HREF, problem === 'used' ? FUNDING_SOURCE_MESSAGES.authorizationUsed : FUNDING_SOURCE_MESSAGES.authorizationUnknown),
      ])
    }
  }
  const exchangeOwner: ExchangeOwner = customer === undefined ? { kind: 'account' } : { kind: 'customer', customerId: customer.id }
  const exchanges = draft.kind === 'exchange' ? world.get(EXCHANGES) : undefined
  if (exchanges !== undefined && draft.kind === 'exchange') {
    const problem = exchanges.problem(draft.exchangeId, exchangeOwner)
    if (problem === 'inactive') throw new DwollaError('InactiveExchange')
    // A second funding source from one exchange: Dwolla's duplicate message (create-funding-source-for-customer.mdx).
    if (problem !== undefined) {
      throw validationError([invalid(EXCHANGE_HREF, problem === 'used' ? FUNDING_SOURCE_MESSAGES.authorizationUsed : FUNDING_SOURCE_MESSAGES.exchangeUnknown)])
    }
  }
  const source = store.create(customer === undefined ? { kind: 'account' } : customerOwner(customer), draft)
  if (authorizations !== undefined && authorizationId !== undefined) authorizations.use(authorizationId, source.id)
  if (exchanges !== undefined && draft.kind === 'exchange') exchanges.use(draft.exchangeId, source.id)
  return source
}
