import { NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { eventRepresentation } from '../representation.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { EVENTS } from '../events-part.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginResourceCall } from '../../../http/begin-resource-call.js'

/** GET /events/{id}: one of the calling application's events, exactly as its webhooks carry it. */
export function getEvent(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { resource: event } = beginResourceCall(
        request,
        check,
        mock,
        'getEvent',
        (clientId, id) => mock.worlds.open(clientId).get(EVENTS).get(id),
        NOT_FOUND_MESSAGES.event,
      )
      return halBody(reply, eventRepresentation(event, linksFor(request, mock.options.publicUrl)))
    },
  }
}
