import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'
import { massPaymentList } from './mass-payment-list.js'

/** GET /customers/{id}/mass-payments: the mass payments a Verified Customer made, newest first. */
export function listCustomerMassPayments(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, store, pathProblem } = beginMassPaymentsCall(request, check, mock, 'listCustomerMassPayments', id)
      const customer = pathProblem ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.customer })
      const { correlationId } = request.query as { correlationId?: string }
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(
        reply,
        massPaymentList(links, HalLinks.pathOf('customer', customer.id, 'mass-payments'), store.list(customer.id, correlationId), request.query),
      )
    },
  }
}
