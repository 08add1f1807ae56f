import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookRepresentation } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginWebhookCall } from './begin-webhook-call.js'

/** GET /webhooks/{id}: the webhook and its attempts, each with the request sent and the response received. */
export function getWebhook(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const webhook = beginWebhookCall(request, check, mock, 'getWebhook')
      return halBody(reply, webhookRepresentation(webhook, linksFor(request, mock.options.publicUrl)))
    },
  }
}
