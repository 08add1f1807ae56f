import type { WebhookSubscription } from './subscription-store.js'
import { HalLinks } from '../../hal/hal-links.js'

/**
 * A webhook subscription as GET, POST and DELETE /webhook-subscriptions/{id} and the list answer
 * it (dev-portal webhook-subscriptions/retrieve.mdx): its links, url, paused and created, and
 * never its secret.
 */
export function webhookSubscriptionRepresentation(subscription: WebhookSubscription, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.to('webhook-subscription', subscription.id),
      webhooks: links.link(HalLinks.pathOf('webhook-subscription', subscription.id, 'webhooks'), 'webhook'),
    },
    id: subscription.id,
    url: subscription.url,
    paused: subscription.paused,
    created: new Date(subscription.created).toISOString(),
  }
}
