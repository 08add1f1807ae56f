import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { createOnce } from '../../idempotency/index.js'
import { readAmount } from '../read-amount.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/**
 * POST /labels/{id}/ledger-entries `{"amount": {"value": "-5.00", "currency": "USD"}}`: adds to
 * the label (more of the balance set aside; 400 InsufficientFunds past what is available) or
 * takes from it (400 Invalid "Amount can not cause label balance to be negative." below zero).
 * `201 Created` with the entry's absolute `Location`; raises `customer_label_ledger_entry_created`.
 * An Idempotency-Key is honoured, as for every creating POST.
 */
export function createLabelLedgerEntry(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { world, store, record } = beginLabelRecordCall(
        request,
        check,
        mock,
        'createLabelLedgerEntry',
        'id',
        (labels, id) => labels.get(id),
        NOT_FOUND_MESSAGES.label,
      )
      const cents = readAmount(request.body, { signed: true })
      const links = linksFor(request, mock.options.publicUrl)
      return createOnce(request, reply, world, links, 'createLabelLedgerEntry', () => HalLinks.pathOf('ledger-entry', store.addEntry(record.id, cents).id))
    },
  }
}
