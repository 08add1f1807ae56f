import { DwollaError } from '../../../errors.js'
import { baseUrlOf } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { beginApiCall } from '../../../http/api-call.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import { SUBSCRIPTIONS } from '../subscriptions-part.js'
import type { MockContext } from '../../../world/mock-context.js'

/**
 * POST /webhook-subscriptions: `201 Created`, an absolute `Location` and no body, as Dwolla
 * answers (its SDKs read the id from Location). The url and secret are checked by the model in
 * Dwolla's words; the subscription remembers the base URL this request reached the mock by, for
 * the hrefs in the events it is sent.
 */
export function createWebhookSubscription(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems } = beginApiCall(request, check, mock, 'createWebhookSubscription')
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const base = baseUrlOf(request, mock.options.publicUrl)
      const subscription = mock.worlds
        .open(clientId)
        .get(SUBSCRIPTIONS)
        .create(request.body as { url?: unknown; secret?: unknown }, base)
      return reply
        .code(201)
        .header('location', new HalLinks(base).url(HalLinks.pathOf('webhook-subscription', subscription.id)))
        .send()
    },
  }
}
