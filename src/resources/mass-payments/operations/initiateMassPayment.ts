import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { FUNDING_SOURCES } from '../../funding-sources/index.js'
import { createOnce } from '../../idempotency/index.js'
import { MASS_PAYMENT_BODY_LIMIT, MASS_PAYMENT_MESSAGES } from '../mass-payment.js'
import { MASS_PAYMENT_PROCESSOR } from '../processor.js'
import { readMassPaymentRequest } from '../read-mass-payment-request.js'
import { beginMassPaymentsCall } from './begin-mass-payment-call.js'

const invalidSource = () => validationError([{ code: 'Invalid', message: MASS_PAYMENT_MESSAGES.invalidSource, path: '/_links/source/href', _links: {} }])

/**
 * POST /mass-payments (create-mass-payment.mdx): up to 5,000 items from one bank or balance of
 * the Account or a Verified Customer. `201 Created` with the mass payment's absolute `Location`
 * and no body; `*_mass_payment_created` at once. With `status: "deferred"` it waits for an
 * update; otherwise it is processed in the background, each item a payment under the same rules
 * as POST /transfers. An Idempotency-Key is honoured (the `dwolla` SDK sends one when asked).
 * Its bodies may be up to 4 MiB, past the `bodyLimit` option: 5,000 items with their hrefs.
 */
export function initiateMassPayment(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    bodyLimit: Math.max(MASS_PAYMENT_BODY_LIMIT, mock.options.bodyLimit),
    handle(request, reply, check) {
      const { clientId, world, store } = beginMassPaymentsCall(request, check, mock, 'initiateMassPayment')
      const read = readMassPaymentRequest(request.body)
      if ('problems' in read) throw validationError(read.problems)
      const source = world.get(FUNDING_SOURCES).get(read.request.sourceId)
      if (source === undefined || source.removed || (source.type !== 'bank' && source.type !== 'balance')) throw invalidSource()
      if (source.customerId !== undefined) {
        const payer = customersOf(mock, clientId).get(source.customerId)
        if (payer === undefined || (payer.type !== 'personal' && payer.type !== 'business') || payer.status !== 'verified') throw invalidSource()
      }
      const links = linksFor(request, mock.options.publicUrl)
      return createOnce(request, reply, world, links, 'initiateMassPayment', () => {
        const massPayment = store.create(read.request, source.customerId)
        if (massPayment.status === 'pending') mock.service(MASS_PAYMENT_PROCESSOR).start(mock, world, massPayment.id)
        return HalLinks.pathOf('mass-payment', massPayment.id)
      })
    },
  }
}
