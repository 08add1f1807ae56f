import { DwollaError, NOT_FOUND_MESSAGES, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { createOnce } from '../../idempotency/index.js'
import { labelLinkOf } from '../label-href.js'
import { LABELS } from '../labels-part.js'
import { readAmount } from '../read-amount.js'

/**
 * POST /label-reallocations `{"_links": {"from": {"href"}, "to": {"href"}}, "amount"}`: moves an
 * amount between two labels of one customer, as a ledger entry on each. `201 Created` with the
 * reallocation's absolute `Location`. A label that is not the application's (or removed): 404
 * "Label not found." (Dwolla's spec); two customers' labels, or one label twice: 400
 * ValidationError at `/_links/to/href` (inferred); more than `from` holds: 400 Invalid "Amount can
 * not cause label balance to be negative.". An Idempotency-Key is honoured, as for every creating POST.
 */
export function createLabelReallocation(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createLabelReallocation')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      if (problems.fields.length > 0) throw validationError(problems.fields)
      const from = labelLinkOf(request.body, 'from')
      const to = labelLinkOf(request.body, 'to')
      const linkProblems = [from, to].flatMap((link) => ('problem' in link ? [link.problem] : []))
      if ('problem' in from || 'problem' in to) throw validationError(linkProblems)
      const cents = readAmount(request.body)
      const world = mock.worlds.open(clientId)
      const store = world.get(LABELS)
      if (store.get(from.id) === undefined || store.get(to.id) === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.label })
      const links = linksFor(request, mock.options.publicUrl)
      return createOnce(request, reply, world, links, 'createLabelReallocation', () =>
        HalLinks.pathOf('label-reallocation', store.reallocate(from.id, to.id, cents).id),
      )
    },
  }
}
