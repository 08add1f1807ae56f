import type { Resource } from '../../world/resource.js'
import { WEBHOOK_SUBSCRIPTIONS_SECTION } from './dashboard-section.js'
import { createWebhookSubscription } from './operations/createWebhookSubscription.js'
import { delete as deleteWebhookSubscription } from './operations/delete.js'
import { getWebhookSubscription } from './operations/getWebhookSubscription.js'
import { listWebhooks } from './operations/listWebhooks.js'
import { listWebhookSubscriptions } from './operations/listWebhookSubscriptions.js'
import { updateWebhookSubscription } from './operations/updateWebhookSubscription.js'
import { PERSISTED_SUBSCRIPTIONS } from './persisted-subscriptions.js'

export { SUBSCRIPTIONS } from './subscriptions-part.js'
export { deliveryTargets } from './delivery-targets.js'

/** Webhook subscriptions: where an application wants its events POSTed, and their secrets. */
export const webhookSubscriptions: Resource = {
  name: 'webhook-subscriptions',
  operations: {
    listWebhookSubscriptions,
    createWebhookSubscription,
    getWebhookSubscription,
    updateWebhookSubscription,
    delete: deleteWebhookSubscription,
    listWebhooks,
  },
  persisted: PERSISTED_SUBSCRIPTIONS,
  dashboard: WEBHOOK_SUBSCRIPTIONS_SECTION,
}
