import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { MASS_PAYMENT_MESSAGES } from '../mass-payment.js'
import { MASS_PAYMENT_PROCESSOR } from '../processor.js'
import { massPaymentRepresentation } from '../representation.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'

/**
 * POST /mass-payments/{id} `{"status": "pending" | "cancelled"}` (update-mass-payment.mdx): a
 * deferred mass payment is released for processing, or cancelled (`*_mass_payment_cancelled`).
 * `200` with the mass payment as it now is (`dwolla@1.1.1` parses it). Another status: 400
 * "Invalid status. Allowed types are pending, cancelled."; a mass payment that is not deferred:
 * 400 NotAllowed "Status not allowed." at `/status` (inferred, as the transfers' cancel).
 */
export function updateMassPayment(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { world, store, pathProblem } = beginMassPaymentsCall(request, check, mock, 'updateMassPayment')
      const massPayment = pathProblem ? undefined : store.get((request.params as { id: string }).id)
      if (massPayment === undefined) throw new DwollaError('NotFound', { message: MASS_PAYMENT_MESSAGES.notFound })
      const status = (request.body as { status?: unknown }).status
      if (status !== 'pending' && status !== 'cancelled') {
        throw validationError([{ code: 'Invalid', message: MASS_PAYMENT_MESSAGES.invalidStatus, path: '/status', _links: {} }])
      }
      if (massPayment.status !== 'deferred') {
        throw validationError([{ code: 'NotAllowed', message: MASS_PAYMENT_MESSAGES.statusNotAllowed, path: '/status', _links: {} }])
      }
      store.release(massPayment.id, status)
      if (status === 'pending') mock.service(MASS_PAYMENT_PROCESSOR).start(mock, world, massPayment.id)
      return halBody(reply, massPaymentRepresentation(massPayment, linksFor(request, mock.options.publicUrl)))
    },
  }
}
