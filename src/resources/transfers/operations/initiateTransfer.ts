import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCES } from '../../funding-sources/index.js'
import { createOnce } from '../../idempotency/index.js'
import { initiatePayment } from '../payments.js'
import { idInHref, readTransferRequest } from '../read-transfer-request.js'

/** The customer whose funding source pays: what a `customer.transfers.send` client token must be for. */
function payingCustomer(mock: MockContext, body: unknown) {
  return (clientId: string): string | undefined => {
    const links = typeof body === 'object' && body !== null ? (body as { _links?: { source?: { href?: unknown } } })._links : undefined
    const id = idInHref(links?.source?.href, 'funding-sources')
    return id === undefined ? undefined : mock.worlds.open(clientId).get(FUNDING_SOURCES).get(id)?.customerId
  }
}

/**
 * POST /transfers (initiate.mdx): `201 Created`, the main transfer's absolute `Location`, no
 * body. The body's formats are checked first, all problems at once; then the payment model
 * checks who may pay whom, the limits and the funds, one refusal at a time. An Idempotency-Key
 * seen in the last 24 hours answers the first `Location` again (or 409 while it is in flight).
 */
export function initiateTransfer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'initiateTransfer', payingCustomer(mock, request.body))
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const world = mock.worlds.open(clientId)
      const links = linksFor(request, mock.options.publicUrl)
      return createOnce(request, reply, world, links, 'initiateTransfer', () => {
        const read = readTransferRequest(request.body)
        if ('problems' in read) throw validationError(read.problems)
        return HalLinks.pathOf('transfer', initiatePayment(world, read.request).id)
      })
    },
  }
}
