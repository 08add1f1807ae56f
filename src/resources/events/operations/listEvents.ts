import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { eventRepresentation } from '../representation.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockState } from '../../../mock-state.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'

/** GET /events: the calling application's events, newest first, paged like customers. */
export function listEvents(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, state, 'listEvents')
      if (problems.query.length > 0) throw validationError(problems.query)
      const links = linksFor(request, state.options.publicUrl)
      const shape = { path: '/events', resourceType: 'event', embedded: 'events' } as const
      return halBody(reply, pagedList(links, shape, state.events.list(clientId), pageWindowOf(request.query as PageQuery), (event) => eventRepresentation(event, links)))
    },
  }
}
