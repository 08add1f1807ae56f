import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCES } from '../../funding-sources/index.js'
import { balanceAccount } from '../ledger-accounts.js'
import { LEDGER } from '../ledger-part.js'
import { balanceRepresentation } from '../representation.js'

/**
 * GET /funding-sources/{id}/balance: a balance funding source's money, from the ledger. A bank
 * or a VAN: `400 UnsupportedOperation` (retrieve-funding-source-balance.mdx); an unknown id (or
 * another application's): 404 "Funding source not found.".
 */
export function getFundingSourceBalance(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'getFundingSourceBalance')
      const world = mock.worlds.open(clientId)
      const source = problems.path.length > 0 ? undefined : world.get(FUNDING_SOURCES).get(id)
      if (source === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.fundingSource })
      if (source.type !== 'balance') throw new DwollaError('UnsupportedOperation')
      const ledger = world.get(LEDGER)
      const account = balanceAccount(source.id)
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, balanceRepresentation(source.id, ledger.state(account), ledger.lastUpdated(account) ?? source.created, links))
    },
  }
}
