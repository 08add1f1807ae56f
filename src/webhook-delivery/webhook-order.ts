/**
 * In what order a batch of webhooks (those made in one turn: one request's events, say) is sent:
 * as made, or shuffled (the `webhookOrder` option). Dwolla promises no order.
 */
export type WebhookOrder = 'in-order' | 'shuffle'
