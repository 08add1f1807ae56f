import { CustomerProblems } from '../customer-problems.js'
import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { customerValidationError } from '../validation-error.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { customersOf } from '../customers-part.js'
import { createOnce } from '../../idempotency/index.js'
import type { MockContext } from '../../../world/mock-context.js'

/**
 * POST /customers: `201 Created`, an absolute `Location` and no body, as Dwolla answers (the
 * `dwolla` SDK reads `headers.location[0]`, dwolla-v2 users `headers.get('location')`). The
 * fields are checked by the customer model, in Dwolla's words. An Idempotency-Key is honoured as
 * on every creating POST (createOnce): a repeat answers the first creation again and creates
 * nothing, or 409 while the first is still on its way.
 */
export function createCustomer(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createCustomer')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const links = linksFor(request, mock.options.publicUrl)
      try {
        return createOnce(request, reply, mock.worlds.open(clientId), links, 'createCustomer', () =>
          HalLinks.pathOf('customer', customersOf(mock, clientId).create(request.body).id),
        )
      } catch (error) {
        throw error instanceof CustomerProblems ? customerValidationError(error, links) : error
      }
    },
  }
}
