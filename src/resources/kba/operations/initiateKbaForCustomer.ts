import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { kbaOf } from '../kba-part.js'

/**
 * POST /customers/{id}/kba (no body; `dwolla@1.1.1` sends none and no Content-Type, dwolla-v2
 * `application/json` and nothing): `201` with the session's absolute `Location`. Only a personal
 * customer in `kba` (kba/initiate-kba-session.mdx's errors).
 */
export function initiateKbaForCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { id } = request.params as { id: string }
      const { clientId, problems } = beginApiCall(request, check, mock, 'initiateKbaForCustomer', id)
      const customer = problems.path.length > 0 ? undefined : customersOf(mock, clientId).get(id)
      if (customer === undefined) throw new DwollaError('NotFound', { message: 'Customer not found. Check CustomerId.' })
      if (customer.type !== 'personal' || customer.status !== 'kba') {
        throw new DwollaError('InvalidResourceState', { message: 'Customer verification status is not valid for kba.' })
      }
      const session = kbaOf(mock, clientId).open(customer.id)
      const links = linksFor(request, mock.options.publicUrl)
      return reply
        .code(201)
        .header('location', links.url(HalLinks.pathOf('kba', session.id)))
        .send()
    },
  }
}
