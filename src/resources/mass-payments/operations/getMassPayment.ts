import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { MASS_PAYMENT_MESSAGES } from '../mass-payment.js'
import { massPaymentRepresentation } from '../representation.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'

/** GET /mass-payments/{id}: its status, total and links; another application's is 404 "Mass payment not found.". */
export function getMassPayment(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, pathProblem } = beginMassPaymentsCall(request, check, mock, 'getMassPayment')
      const massPayment = pathProblem ? undefined : store.get((request.params as { id: string }).id)
      if (massPayment === undefined) throw new DwollaError('NotFound', { message: MASS_PAYMENT_MESSAGES.notFound })
      return halBody(reply, massPaymentRepresentation(massPayment, linksFor(request, mock.options.publicUrl)))
    },
  }
}
