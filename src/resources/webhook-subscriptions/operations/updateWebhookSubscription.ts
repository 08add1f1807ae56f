import { DwollaError, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookSubscriptionRepresentation } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginSubscriptionCall } from './begin-subscription-call.js'

/**
 * POST /webhook-subscriptions/{id} `{"paused": true|false}`: `200` with the subscription as it
 * now is. A missing or non-boolean `paused` is a ValidationError at `/paused` (inferred wording).
 */
export function updateWebhookSubscription(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { problems, subscription, store } = beginSubscriptionCall(request, check, mock, 'updateWebhookSubscription')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      if (problems.fields.length > 0) throw validationError(problems.fields)
      const { paused } = request.body as { paused: boolean }
      const updated = store.setPaused(subscription, paused)
      return halBody(reply, webhookSubscriptionRepresentation(updated, linksFor(request, mock.options.publicUrl)))
    },
  }
}
