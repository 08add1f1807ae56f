import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookSubscriptionRepresentation } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginSubscriptionCall } from './begin-subscription-call.js'

/**
 * DELETE /webhook-subscriptions/{id} (Dwolla's operationId is `delete`): `200` with the
 * subscription as it was (the `dwolla` SDK parses a WebhookSubscription). Its webhooks go with it.
 */
function deleteWebhookSubscription(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { subscription, store } = beginSubscriptionCall(request, check, mock, 'delete')
      const removed = store.remove(subscription)
      return halBody(reply, webhookSubscriptionRepresentation(removed, linksFor(request, mock.options.publicUrl)))
    },
  }
}

// `delete` is a reserved word: the handler is exported under the operationId all the same.
export { deleteWebhookSubscription as delete }
