import type { DashboardSection } from '../../dashboard/dashboard-section.js'
import { webhookSubscriptionRepresentation } from './representation.js'
import { SUBSCRIPTIONS } from './subscriptions-part.js'

/**
 * The application's webhook subscriptions on the dashboard, newest first as the API lists them:
 * where to, paused or not, how many webhooks the history keeps for each, and the JSON GET
 * /webhook-subscriptions/{id} answers (never the secret). Its JSON link is its deliveries.
 */
export const WEBHOOK_SUBSCRIPTIONS_SECTION: DashboardSection = {
  id: 'webhook-subscriptions',
  title: 'Webhook subscriptions',
  list({ mock, world, links }, { offset, limit }) {
    const store = world?.peek(SUBSCRIPTIONS)
    if (store === undefined) return { columns: [], rows: [], total: 0, empty: 'No subscription: POST /webhook-subscriptions makes one.' }
    const page = limit === 0 ? [] : store.list().slice(offset, offset + limit)
    return {
      columns: ['URL', 'State', 'Webhooks kept', 'Created', 'Id'],
      rows: page.map((subscription) => ({
        key: subscription.id,
        cells: [
          { text: subscription.url, code: true },
          subscription.paused ? { text: 'paused', tone: 'bad' } : { text: 'active', tone: 'good' },
          String(mock.webhooks.forSubscription(subscription.clientId, subscription.id).length),
          { text: new Date(subscription.created).toISOString(), time: true },
          { text: subscription.id, code: true },
        ],
        json: `/webhooks?subscriptionId=${subscription.id}`,
        details: [{ label: 'GET /webhook-subscriptions/{id}', text: JSON.stringify(webhookSubscriptionRepresentation(subscription, links), null, 2) }],
      })),
      total: store.size,
    }
  },
}
