import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { addFundingSource } from '../add-funding-source.js'
import { answeringDuplicates } from './duplicate-resource.js'

/**
 * POST /funding-sources: a funding source for the calling application's Account (Dwolla's
 * `createFundingSource`): a bank by its numbers (checking or savings) or a VAN. `201 Created`,
 * an absolute `Location`, no body. Raises `funding_source_added`.
 */
export function createFundingSource(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createFundingSource')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const links = linksFor(request, mock.options.publicUrl)
      const source = answeringDuplicates(links, () => addFundingSource(mock.worlds.open(clientId), undefined, request.body))
      return reply
        .code(201)
        .header('location', links.url(HalLinks.pathOf('funding-source', source.id)))
        .send()
    },
  }
}
