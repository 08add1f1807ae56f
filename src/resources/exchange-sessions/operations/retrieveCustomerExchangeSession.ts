import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { representationOrNotFound } from '../session-lookup.js'

/** GET /exchange-sessions/{id}: one of the application's sessions; any other id is 404 notFound "Exchange session not found." (Dwolla's spec). */
export function retrieveCustomerExchangeSession(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'retrieveCustomerExchangeSession')
      if (problems.path.length > 0) throw new DwollaError('notFound', { message: NOT_FOUND_MESSAGES.exchangeSession })
      return halBody(reply, representationOrNotFound(mock, clientId, (request.params as { id: string }).id, linksFor(request, mock.options.publicUrl)))
    },
  }
}
