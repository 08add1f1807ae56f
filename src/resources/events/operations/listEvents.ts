import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { eventRepresentation } from '../representation.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { EVENTS } from '../events-part.js'
import type { MockContext } from '../../../world/mock-context.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'

/** GET /events: the calling application's events, newest first, paged like customers. */
export function listEvents(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'listEvents')
      if (problems.query.length > 0) throw validationError(problems.query)
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: '/events', resourceType: 'event', embedded: 'events' } as const
      return halBody(
        reply,
        pagedList(links, shape, mock.worlds.open(clientId).get(EVENTS).list(), pageWindowOf(request.query as PageQuery), (event) =>
          eventRepresentation(event, links),
        ),
      )
    },
  }
}
