import type { ServiceKey, WorldPart } from '../../world/application-world.js'
import { SubscriptionStore, SECRET_MAX_LENGTH, URL_MAX_LENGTH, type WebhookSubscription } from './subscription-store.js'

/** Told of every subscription deleted, in any application: its webhooks stop (delivery-targets.ts). */
export const SUBSCRIPTION_REMOVALS: ServiceKey<Set<(subscription: WebhookSubscription) => void>> = {
  name: 'subscription removals',
  create: () => new Set(),
}

/** The worst a subscription costs in memory: its url, secret and base URL at their longest, twice over for UTF-16 and the record. */
export const SUBSCRIPTION_BYTES = 2 * 2 * (URL_MAX_LENGTH * 2 + SECRET_MAX_LENGTH) + 512

/** An application's webhook subscriptions, at most `webhookSubscriptionLimit`. */
export const SUBSCRIPTIONS: WorldPart<SubscriptionStore> = {
  name: 'webhook subscriptions',
  create(world) {
    const { server } = world
    const store = new SubscriptionStore({ clientId: world.clientId, limit: server.options.webhookSubscriptionLimit, now: () => server.now() })
    store.onChange(() => world.changed())
    const removals = server.service(SUBSCRIPTION_REMOVALS)
    store.onRemove((subscription) => {
      for (const listener of removals) listener(subscription)
    })
    return store
  },
  weigh: (store) => store.size * SUBSCRIPTION_BYTES,
}
