import type { Resource } from '../../world/resource.js'
import { webhooksRoutes } from './admin-routes.js'
import { WEBHOOKS_SECTION } from './dashboard-section.js'
import { getWebhook } from './operations/getWebhook.js'
import { listWebhookRetries } from './operations/listWebhookRetries.js'
import { retryWebhook } from './operations/retryWebhook.js'

export { webhookRepresentation } from './representation.js'

/** Webhooks: each event on its way to a subscription, with its attempts and retries. */
export const webhooks: Resource = {
  name: 'webhooks',
  operations: { getWebhook, retryWebhook, listWebhookRetries },
  adminRoutes: webhooksRoutes,
  dashboard: WEBHOOKS_SECTION,
}
