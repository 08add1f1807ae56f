import { createHmac } from 'node:crypto'
import type { Header } from './post-webhook.js'

/**
 * The mark on every webhook the mock sends, with the webhook's id: Dwolla sends no such header.
 * The admin API refuses any request that carries it (admin-guard.ts), so a webhook can never
 * drive the mock's own /__mock routes, whatever URL or relay took it there (issue 27 item 5).
 */
export const DELIVERY_MARK_HEADER = 'X-Mock-Dwolla-Webhook'

/**
 * `X-Request-Signature-SHA-256`: the lowercase hex HMAC-SHA256 of the exact body bytes keyed with
 * the subscription's secret, which is how a receiver knows it came from Dwolla (dev-portal
 * process-validate.mdx; Dwolla/webhook-receiver computes
 * `createHmac('sha256', secret).update(body).digest('hex')`).
 */
export function signatureOf(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('hex')
}

const CONTENT_TYPE: Header = Object.freeze({ name: 'Content-Type', value: 'application/json; charset=UTF-8' })
const USER_AGENT: Header = Object.freeze({ name: 'User-Agent', value: 'dwolla-webhooks/1.0' })

/**
 * The headers of a webhook POST, as Dwolla sends them (dev-portal webhook-events.mdx,
 * process-validate.mdx; a delivery record in webhooks/retrieve.mdx for the content type and user
 * agent): the topic and the body's signature ({@link signatureOf}); then the mock's own mark.
 * The first two are the same for every webhook, and shared.
 */
export function webhookHeaders(webhookId: string, topic: string, signature: string): Header[] {
  return [
    CONTENT_TYPE,
    USER_AGENT,
    { name: 'X-Dwolla-Topic', value: topic },
    { name: 'X-Request-Signature-SHA-256', value: signature },
    { name: DELIVERY_MARK_HEADER, value: webhookId },
  ]
}
