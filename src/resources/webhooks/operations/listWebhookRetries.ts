import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { halBody } from '../../../hal/send-hal.js'
import { retryRepresentation } from '../representation.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { beginWebhookCall } from './begin-webhook-call.js'

/** GET /webhooks/{id}/retries: the manual retries asked for (the last ten), oldest first. */
export function listWebhookRetries(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const webhook = beginWebhookCall(request, check, mock, 'listWebhookRetries')
      const links = linksFor(request, mock.options.publicUrl)
      return halBody(reply, {
        _links: { self: links.link(HalLinks.pathOf('webhook', webhook.id, 'retries'), 'retry') },
        _embedded: { retries: webhook.retries.map((retry) => retryRepresentation(webhook, retry, links)) },
        total: webhook.retries.length,
      })
    },
  }
}
