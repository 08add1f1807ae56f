import { accountIdFor } from '../accounts/index.js'
import { responseText, unpackHeaders } from '../../webhook-delivery/post-webhook.js'
import type { Attempt, Retry, Webhook } from '../../webhook-delivery/webhook-history.js'
import { HalLinks } from '../../hal/hal-links.js'

/**
 * A webhook as GET /webhooks/{id} and a subscription's list answer it (dev-portal
 * webhooks/retrieve.mdx): its links, topic, account, event and subscription, and every attempt
 * kept, oldest first (inferred: Dwolla's example has one), with what was sent and what came back.
 */
export function webhookRepresentation(webhook: Webhook, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.to('webhook', webhook.id),
      subscription: links.to('webhook-subscription', webhook.subscriptionId),
      retry: links.link(HalLinks.pathOf('webhook', webhook.id, 'retries'), 'retry'),
      event: links.to('event', webhook.eventId),
    },
    id: webhook.id,
    topic: webhook.topic,
    accountId: accountIdFor(webhook.clientId),
    eventId: webhook.eventId,
    subscriptionId: webhook.subscriptionId,
    attempts: webhook.attempts.map((attempt) => attemptRepresentation(webhook, attempt)),
  }
}

/** `response.statusCode` is left out when nothing was answered (refused, reset, timed out). */
function attemptRepresentation(webhook: Webhook, attempt: Attempt): Record<string, unknown> {
  const { request, response } = attempt
  return {
    id: attempt.id,
    request: { timestamp: new Date(request.timestamp).toISOString(), url: request.url, headers: webhook.headers, body: webhook.body },
    response: {
      timestamp: new Date(response.timestamp).toISOString(),
      headers: unpackHeaders(response.headers),
      ...(response.statusCode === undefined ? {} : { statusCode: response.statusCode }),
      body: responseText(response.body),
    },
  }
}

/** A manual retry as GET /webhooks/{id}/retries lists it (dev-portal webhooks/list-retries.mdx). */
export function retryRepresentation(webhook: Webhook, retry: Retry, links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.link(retryPath(webhook, retry), 'retry'), webhook: links.to('webhook', webhook.id) },
    id: retry.id,
    timestamp: new Date(retry.timestamp).toISOString(),
  }
}

/** Where a retry lives: under its webhook's retries (Dwolla's Location for POST /webhooks/{id}/retries). */
export function retryPath(webhook: Webhook, retry: Retry): string {
  return HalLinks.pathOf('webhook', webhook.id, `retries/${retry.id}`)
}
