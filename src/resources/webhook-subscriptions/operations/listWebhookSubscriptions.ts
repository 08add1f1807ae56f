import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookSubscriptionRepresentation } from '../representation.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { SUBSCRIPTIONS } from '../subscriptions-part.js'
import type { MockContext } from '../../../world/mock-context.js'

/** GET /webhook-subscriptions: all of the calling application's (at most ten), newest first, no secrets. */
export function listWebhookSubscriptions(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, mock, 'listWebhookSubscriptions')
      const links = linksFor(request, mock.options.publicUrl)
      const subscriptions = mock.worlds.open(clientId).get(SUBSCRIPTIONS).list()
      return halBody(reply, {
        _links: { self: links.to('webhook-subscription') },
        _embedded: { 'webhook-subscriptions': subscriptions.map((subscription) => webhookSubscriptionRepresentation(subscription, links)) },
        total: subscriptions.length,
      })
    },
  }
}
