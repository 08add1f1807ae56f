import type { DeliveryTargets } from '../../webhook-delivery/delivery-target.js'
import type { Worlds } from '../../world/worlds.js'
import type { MockContext } from '../../world/mock-context.js'
import type { WebhookSubscription } from './subscription-store.js'
import { SUBSCRIPTION_REMOVALS, SUBSCRIPTIONS } from './subscriptions-part.js'

/**
 * Every application's subscriptions as the webhooks read them. Reading makes no store: an
 * application without subscriptions has none to deliver to.
 */
export function deliveryTargets(worlds: Worlds, service: MockContext['service']): DeliveryTargets {
  return {
    forApplication: (clientId) => worlds.find(clientId)?.peek(SUBSCRIPTIONS)?.list() ?? [],
    byId: (clientId, id) => worlds.find(clientId)?.peek(SUBSCRIPTIONS)?.get(id),
    recordDelivery: (target, succeeded, at) =>
      void worlds
        .find(target.clientId)
        ?.peek(SUBSCRIPTIONS)
        ?.recordDelivery(target as WebhookSubscription, succeeded, at),
    views: () =>
      worlds
        .all()
        .flatMap((world) => world.peek(SUBSCRIPTIONS)?.list() ?? [])
        .sort((a, b) => b.created - a.created)
        .map(({ id, clientId, url, paused, created }) => ({ id, application: clientId, url, paused, created: new Date(created).toISOString() })),
    onRemove: (listener) => void service(SUBSCRIPTION_REMOVALS).add(listener),
  }
}
