import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { eventRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockState } from '../../../mock-state.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'

/** GET /events/{id}: one of the calling application's events, exactly as its webhooks carry it. */
export function getEvent(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { resource: event } = beginResourceCall(request, check, state, 'getEvent', (clientId, id) => state.events.get(clientId, id), NOT_FOUND_MESSAGES.event)
      return halBody(reply, eventRepresentation(event, linksFor(request, state.options.publicUrl)))
    },
  }
}
