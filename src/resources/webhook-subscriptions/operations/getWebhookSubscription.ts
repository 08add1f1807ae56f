import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookSubscriptionRepresentation } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginSubscriptionCall } from './begin-subscription-call.js'

/** GET /webhook-subscriptions/{id}: the subscription, never its secret. */
export function getWebhookSubscription(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { subscription } = beginSubscriptionCall(request, check, mock, 'getWebhookSubscription')
      return halBody(reply, webhookSubscriptionRepresentation(subscription, linksFor(request, mock.options.publicUrl)))
    },
  }
}
