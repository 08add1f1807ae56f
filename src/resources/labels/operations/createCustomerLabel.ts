import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCES } from '../../funding-sources/index.js'
import { createOnce } from '../../idempotency/index.js'
import { readAmount } from '../read-amount.js'
import { beginCustomerLabelsCall } from './begin-label-call.js'

/**
 * POST /customers/{id}/labels `{"amount": {"value", "currency"}}`: a label holding that much of
 * the customer's balance. `201 Created`, an absolute `Location` and no body. Labels are for
 * Verified Customers, which have a balance (labels/index.mdx); any other customer is 403
 * InvalidResourceState (inferred). More than the balance has available: 400 ValidationError
 * InsufficientFunds at `/amount/value` (inferred wording). An Idempotency-Key is honoured
 * (idempotency-key.mdx): the same key again answers the first label's `Location`.
 */
export function createCustomerLabel(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { world, store, customer } = beginCustomerLabelsCall(request, check, mock, 'createCustomerLabel')
      if ((customer.type !== 'personal' && customer.type !== 'business') || customer.status !== 'verified') throw new DwollaError('InvalidResourceState')
      const cents = readAmount(request.body)
      const balance = world.get(FUNDING_SOURCES).ensureBalance(customer.id)
      const links = linksFor(request, mock.options.publicUrl)
      return createOnce(request, reply, world, links, 'createCustomerLabel', () => HalLinks.pathOf('label', store.create(customer.id, balance.id, cents).id))
    },
  }
}
