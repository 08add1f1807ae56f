import { DwollaError, NOT_FOUND_MESSAGES, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { FUNDING_SOURCES } from '../funding-sources-part.js'
import { ownerViewOf } from '../owners.js'
import { fundingSourceList, removedFilter } from './funding-source-list.js'

/**
 * GET /accounts/{id}/funding-sources (Dwolla's `listFundingSources`): the Account's funding
 * sources, its balance first, then "Superhero Savings Bank" and what was added. Any account but
 * the calling application's own is 404 "Account not found.".
 */
export function listFundingSources(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'listFundingSources')
      const accountId = accountIdFor(clientId)
      if ((request.params as { id: string }).id.toLowerCase() !== accountId) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.account })
      if (problems.query.length > 0) throw validationError(problems.query)
      const removed = removedFilter(request.query)
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(
        reply,
        fundingSourceList(
          links,
          HalLinks.pathOf('account', accountId, 'funding-sources'),
          links.to('account', accountId),
          ownerViewOf(clientId, undefined),
          mock.worlds.open(clientId).get(FUNDING_SOURCES).list({ kind: 'account' }, removed),
          removed,
        ),
      )
    },
  }
}
