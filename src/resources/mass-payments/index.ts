import type { Resource } from '../../world/resource.js'
import { getMassPayment } from './operations/getMassPayment.js'
import { getMassPaymentItem } from './operations/getMassPaymentItem.js'
import { initiateMassPayment } from './operations/initiateMassPayment.js'
import { listCustomerMassPayments } from './operations/listCustomerMassPayments.js'
import { listMassPaymentItems } from './operations/listMassPaymentItems.js'
import { listMassPayments } from './operations/listMassPayments.js'
import { updateMassPayment } from './operations/updateMassPayment.js'
import { PERSISTED_MASS_PAYMENTS } from './persisted-mass-payments.js'
import { MASS_PAYMENT_PROCESSOR } from './processor.js'
import { MASS_PAYMENTS_SECTION } from './dashboard-section.js'

export { MASS_PAYMENTS } from './mass-payments-part.js'
export { MASS_PAYMENT_TOPICS } from './mass-payment-events.js'
export { MASS_PAYMENT_MESSAGES, MAX_ITEMS } from './mass-payment.js'

/**
 * Mass payments: up to 5,000 payments from one funding source, processed in the background a
 * slice at a time, each item a transfer under the same rules as POST /transfers.
 */
export const massPayments: Resource = {
  name: 'mass-payments',
  operations: {
    initiateMassPayment,
    getMassPayment,
    updateMassPayment,
    listMassPaymentItems,
    getMassPaymentItem,
    listCustomerMassPayments,
    listMassPayments,
  },
  persisted: PERSISTED_MASS_PAYMENTS,
  dashboard: MASS_PAYMENTS_SECTION,
  // No routes of its own under /__mock: the hook stops the processing when the server closes.
  adminRoutes: (admin, mock) => {
    admin.addHook('onClose', (_instance, done) => {
      mock.service(MASS_PAYMENT_PROCESSOR).close()
      done()
    })
  },
  reset: (mock) => mock.service(MASS_PAYMENT_PROCESSOR).clear(),
}
