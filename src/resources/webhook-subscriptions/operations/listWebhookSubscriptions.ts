import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookSubscriptionRepresentation } from '../representation.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockState } from '../../../mock-state.js'

/** GET /webhook-subscriptions: all of the calling application's (at most ten), newest first, no secrets. */
export function listWebhookSubscriptions(state: MockState): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId } = beginApiCall(request, check, state, 'listWebhookSubscriptions')
      const links = linksFor(request, state.options.publicUrl)
      const subscriptions = state.webhooks.subscriptionStore.list(clientId)
      return halBody(reply, {
        _links: { self: links.to('webhook-subscription') },
        _embedded: { 'webhook-subscriptions': subscriptions.map((subscription) => webhookSubscriptionRepresentation(subscription, links)) },
        total: subscriptions.length,
      })
    },
  }
}
