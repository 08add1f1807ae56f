import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { addFundingSource } from '../add-funding-source.js'
import { beginCustomerFundingSourcesCall } from './begin-funding-source-call.js'
import { answeringDuplicates } from './duplicate-resource.js'

/**
 * POST /customers/{id}/funding-sources: a bank by its numbers (optionally with an on-demand
 * authorization), a bank through Plaid, or a VAN. `201 Created`, an absolute `Location` and no
 * body (the `dwolla` SDK reads `headers.location[0]`); a removed unverified bank added again
 * within 48 hours answers its old id. A client token for `customer.fundingsources.create` may
 * call it for its own customer.
 */
export function createCustomerFundingSource(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { world, problems, customer } = beginCustomerFundingSourcesCall(request, check, mock, 'createCustomerFundingSource')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const links = linksFor(request, mock.options.publicUrl)
      const source = answeringDuplicates(links, () => addFundingSource(world, customer, request.body))
      return reply
        .code(201)
        .header('location', links.url(HalLinks.pathOf('funding-source', source.id)))
        .send()
    },
  }
}
