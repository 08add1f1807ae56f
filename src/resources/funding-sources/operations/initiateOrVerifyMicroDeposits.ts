import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { FUNDING_SOURCE_MESSAGES } from '../funding-source-messages.js'
import { requireModifiable } from '../owners.js'
import { invalid } from '../read-create-request.js'
import { microDepositsVerifiedRepresentation } from '../representation.js'
import { beginFundingSourceCall } from './begin-funding-source-call.js'

/**
 * The names client-token grants know the two halves of this operation by (as the `dwolla` SDK's
 * own operations are named): `customer.microdeposits.create` grants the first,
 * `customer.microdeposits.verify` the second, so a token for one cannot do the other.
 */
export const INITIATE_GRANT = 'initiateMicroDeposits'
export const VERIFY_GRANT = 'verifyMicroDeposits'

/**
 * POST /funding-sources/{id}/micro-deposits: with no body (or `{}`), initiates them: `201` and
 * a `Location` a GET can follow, no body. With the amounts, verifies them: `200` with a JSON body
 * (an empty 200 makes `dwolla@1.1.1` throw a SyntaxError), or a wrong pair: `400
 * ValidationError` `Invalid` "Wrong amount(s)." at `/amount1/value` (inferred path), the attempt
 * counted.
 */
export function initiateOrVerifyMicroDeposits(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const body = request.body
      const initiating = body === undefined || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0)
      const { problems, store, source, customer } = beginFundingSourceCall(request, check, mock, initiating ? INITIATE_GRANT : VERIFY_GRANT)
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      requireModifiable(customer)
      const links = linksFor(request, mock.options.publicUrl)
      if (initiating) {
        store.initiateMicroDeposits(source.id)
        return reply
          .code(201)
          .header('location', links.url(HalLinks.pathOf('funding-source', source.id, 'micro-deposits')))
          .send()
      }
      const { source: verified, verified: right } = store.verifyMicroDeposits(source.id, body as Record<string, unknown>)
      if (!right) throw validationError([invalid('/amount1/value', FUNDING_SOURCE_MESSAGES.wrongAmounts)])
      return halBody(reply, microDepositsVerifiedRepresentation(verified, links))
    },
  }
}
