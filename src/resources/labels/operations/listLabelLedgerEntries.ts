import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { ledgerEntryRepresentation } from '../representation.js'
import { beginLabelRecordCall } from './begin-label-call.js'

/**
 * GET /labels/{id}/ledger-entries: the label's entries under `_embedded["ledger-entries"]`, newest
 * first, paged by `limit` and `offset` (listLabelLedgerEntries), with `_links.label`. The first is
 * the label's creation.
 */
export function listLabelLedgerEntries(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { store, record } = beginLabelRecordCall(
        request,
        check,
        mock,
        'listLabelLedgerEntries',
        'id',
        (labels, id) => labels.get(id),
        NOT_FOUND_MESSAGES.label,
      )
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: HalLinks.pathOf('label', record.id, 'ledger-entries'), resourceType: 'ledger-entry', embedded: 'ledger-entries' } as const
      const list = pagedList(links, shape, store.entriesOf(record.id), pageWindowOf(request.query as PageQuery), (entry) =>
        ledgerEntryRepresentation(entry, links),
      )
      return halBody(reply, { ...list, _links: { ...(list._links as object), label: links.to('label', record.id) } })
    },
  }
}
