import { validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { HalLinks } from '../../../hal/hal-links.js'
import { pagedList } from '../../../hal/paged-list.js'
import { halBody } from '../../../hal/send-hal.js'
import { webhookRepresentation } from '../../webhooks/index.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'
import { beginSubscriptionCall } from './begin-subscription-call.js'

/**
 * GET /webhook-subscriptions/{id}/webhooks: the subscription's webhooks kept, newest first, each
 * with its attempts, paged like customers. Dwolla's `startDate`/`endDate` filters are not read.
 */
export function listWebhooks(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { problems, subscription } = beginSubscriptionCall(request, check, mock, 'listWebhooks')
      if (problems.query.length > 0) throw validationError(problems.query)
      const links = linksFor(request, mock.options.publicUrl)
      const shape = { path: HalLinks.pathOf('webhook-subscription', subscription.id, 'webhooks'), resourceType: 'webhook', embedded: 'webhooks' } as const
      const webhooks = mock.webhooks.forSubscription(subscription.clientId, subscription.id)
      return halBody(
        reply,
        pagedList(links, shape, webhooks, pageWindowOf(request.query as PageQuery), (webhook) => webhookRepresentation(webhook, links)),
      )
    },
  }
}
