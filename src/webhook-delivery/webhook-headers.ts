import { createHmac } from 'node:crypto'
import type { Header } from './post-webhook.js'

/**
 * The headers of a webhook POST, as Dwolla sends them (dev-portal webhook-events.mdx,
 * process-validate.mdx; a delivery record in webhooks/retrieve.mdx for the content type and user
 * agent): the topic, and `X-Request-Signature-SHA-256`, the lowercase hex HMAC-SHA256 of the exact
 * body bytes keyed with the subscription's secret, which is how a receiver knows it came from
 * Dwolla (Dwolla/webhook-receiver computes `createHmac('sha256', secret).update(body).digest('hex')`).
 */
export function webhookHeaders(topic: string, body: string, secret: string): Header[] {
  return [
    { name: 'Content-Type', value: 'application/json; charset=UTF-8' },
    { name: 'User-Agent', value: 'dwolla-webhooks/1.0' },
    { name: 'X-Dwolla-Topic', value: topic },
    { name: 'X-Request-Signature-SHA-256', value: createHmac('sha256', secret).update(body, 'utf8').digest('hex') },
  ]
}
