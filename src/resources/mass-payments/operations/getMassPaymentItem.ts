import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { MASS_PAYMENT_MESSAGES } from '../mass-payment.js'
import { massPaymentItemRepresentation } from '../representation.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'

/** GET /mass-payment-items/{itemId}: one item, its transfer once paid, its errors once failed. */
export function getMassPaymentItem(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, pathProblem } = beginMassPaymentsCall(request, check, mock, 'getMassPaymentItem')
      const item = pathProblem ? undefined : store.getItem((request.params as { itemId: string }).itemId)
      if (item === undefined) throw new DwollaError('NotFound', { message: MASS_PAYMENT_MESSAGES.itemNotFound })
      return halBody(reply, massPaymentItemRepresentation(item, linksFor(request, mock.options.publicUrl)))
    },
  }
}
