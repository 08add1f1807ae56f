import { linksFor } from '../../../hal/base-url.js'
import { retryPath } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginWebhookCall } from './begin-webhook-call.js'

/**
 * POST /webhooks/{id}/retries: the webhook is sent again now, to its subscription's URL (paused
 * or not: it was asked for). `201 Created`, `Location` the retry, no body (the `dwolla` SDK
 * reads only the headers).
 */
export function retryWebhook(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const webhook = beginWebhookCall(request, check, mock, 'retryWebhook')
      const retry = mock.webhooks.redeliver(webhook)
      return reply
        .code(201)
        .header('location', linksFor(request, mock.options.publicUrl).url(retryPath(webhook, retry)))
        .send()
    },
  }
}
