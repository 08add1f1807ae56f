import { accountIdFor } from '../account-id.js'
import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'

/**
 * GET /accounts/{id}: the calling application's own account, named after its key. Any other id,
 * another application's account included, is answered as if it did not exist.
 */
export function getAccount(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'getAccount')
      const id = accountIdFor(clientId)
      if ((request.params as { id: string }).id.toLowerCase() !== id) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.account })
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, {
        _links: {
          self: links.to('account', id),
          receive: links.to('transfer'),
          'funding-sources': links.link(HalLinks.pathOf('account', id, 'funding-sources'), 'funding-source'),
          transfers: links.link(HalLinks.pathOf('account', id, 'transfers'), 'transfer'),
          customers: links.to('customer'),
          send: links.to('transfer'),
        },
        id,
        name: clientId,
        // Dwolla's example account; mock-dwolla has no time zone or account type of its own (inferred).
        timezoneOffset: 0,
        type: 'Commercial',
      })
    },
  }
}
