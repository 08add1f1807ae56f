import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { simulate } from '../simulate.js'

/**
 * POST /sandbox-simulations (Dwolla's `simulateBankTransferProcessing`): `200` with
 * `{_links.self, total}` for the empty body both SDKs send (`dwolla@1.1.1` sends the HAL type and
 * no body; dwolla-v2 `application/json` and no body), or a typed simulation's own answer.
 */
export function simulateBankTransferProcessing(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'simulateBankTransferProcessing')
      const answer = simulate(mock, mock.worlds.open(clientId), request.body, linksFor(request, mock.options.publicUrl))
      reply.code(answer.status)
      return halBody(reply, answer.body)
    },
  }
}
