import { DwollaError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { microDepositsRepresentation } from '../representation.js'
import { beginFundingSourceCall } from './begin-funding-source-call.js'

/**
 * GET /funding-sources/{id}/micro-deposits: `created`, `status` (`pending`, `processed` or
 * `failed` with its `failure`), what `Location` pointed at after initiating. A funding source
 * whose micro-deposits were never initiated: 404 "The requested resource was not found."
 * (retrieve-micro-deposits.mdx).
 */
export function getMicroDeposits(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { source } = beginFundingSourceCall(request, check, mock, 'getMicroDeposits')
      if (source.microDeposits === undefined) throw new DwollaError('NotFound')
      return halBody(reply, microDepositsRepresentation(source, linksFor(request, mock.options.publicUrl)))
    },
  }
}
