import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { accountIdFor } from '../../accounts/index.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'
import { massPaymentList } from './mass-payment-list.js'

/**
 * GET /accounts/{id}/mass-payments: the mass payments the Account made, newest first
 * (`dwolla@1.1.1` always sends `limit=25&offset=0`). Any account but the caller's is 404.
 */
export function listMassPayments(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, store } = beginMassPaymentsCall(request, check, mock, 'listMassPayments')
      const accountId = accountIdFor(clientId)
      if ((request.params as { id: string }).id.toLowerCase() !== accountId) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.account })
      const { correlationId } = request.query as { correlationId?: string }
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, massPaymentList(links, HalLinks.pathOf('account', accountId, 'mass-payments'), store.list(undefined, correlationId), request.query))
    },
  }
}
