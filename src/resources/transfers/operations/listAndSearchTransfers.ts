import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { transferList } from './transfer-list.js'

/** GET /accounts/{id}/transfers: the Account's transfers, as a customer's are listed. Another account id is 404. */
export function listAndSearchTransfers(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'listAndSearchTransfers')
      const accountId = accountIdFor(clientId)
      if (problems.path.length > 0 || id.toLowerCase() !== accountId) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.account })
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(
        reply,
        transferList(request, problems, mock.worlds.open(clientId), { kind: 'account' }, HalLinks.pathOf('account', accountId, 'transfers'), links),
      )
    },
  }
}
