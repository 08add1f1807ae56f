import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ledgerEntryRepresentation } from '../representation.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/** GET /ledger-entries/{ledgerEntryId}: one entry of a label; a removed label's entries are 404 with it. */
export function getLabelLedgerEntry(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { record } = beginLabelRecordCall(
        request,
        check,
        mock,
        'getLabelLedgerEntry',
        'ledgerEntryId',
        (store, id) => store.getEntry(id),
        NOT_FOUND_MESSAGES.ledgerEntry,
      )
      return halBody(reply, ledgerEntryRepresentation(record, linksFor(request, mock.options.publicUrl)))
    },
  }
}
