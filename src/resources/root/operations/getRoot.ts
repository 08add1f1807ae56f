import { accountIdFor } from '../../accounts/index.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'

/**
 * GET /: the entry point an application token sees, linking its account, customers, events and
 * webhook subscriptions (dev-portal root/index.mdx; Dwolla's TS SDK tests read
 * `links.account.href` from it).
 */
export function getRoot(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'getRoot')
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, {
        _links: {
          account: links.to('account', accountIdFor(clientId)),
          customers: links.to('customer'),
          events: links.to('event'),
          'webhook-subscriptions': links.to('webhook-subscription'),
        },
      })
    },
  }
}
