import { createHmac } from 'node:crypto'
import type { Header } from './post-webhook.js'

/**
 * The mark on every webhook the mock sends, with the webhook's id: Dwolla sends no such header.
 * The admin API refuses any request that carries it (admin-guard.ts), so a webhook can never
 * drive the mock's own /__mock routes, whatever URL or relay took it there (issue 27 item 5).
 */
export const DELIVERY_MARK_HEADER = 'X-Mock-Dwolla-Webhook'

/**
 * The headers of a webhook POST, as Dwolla sends them (dev-portal webhook-events.mdx,
 * process-validate.mdx; a delivery record in webhooks/retrieve.mdx for the content type and user
 * agent): the topic, and `X-Request-Signature-SHA-256`, the lowercase hex HMAC-SHA256 of the exact
 * body bytes keyed with the subscription's secret, which is how a receiver knows it came from
 * Dwolla (Dwolla/webhook-receiver computes `createHmac('sha256', secret).update(body).digest('hex')`).
 * Then the mock's own mark.
 */
export function webhookHeaders(webhookId: string, topic: string, body: string, secret: string): Header[] {
  return [
    { name: 'Content-Type', value: 'application/json; charset=UTF-8' },
    { name: 'User-Agent', value: 'dwolla-webhooks/1.0' },
    { name: 'X-Dwolla-Topic', value: topic },
    { name: 'X-Request-Signature-SHA-256', value: createHmac('sha256', secret).update(body, 'utf8').digest('hex') },
    { name: DELIVERY_MARK_HEADER, value: webhookId },
  ]
}
