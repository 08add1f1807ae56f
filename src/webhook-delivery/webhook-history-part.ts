import type { WorldPart } from '../world/application-world.js'
import { WebhookHistory } from './webhook-history.js'

/**
 * The share of storeByteLimit one application's webhooks may hold: its customers (20 MiB when
 * full) and the rest fit beside them, and a few busy applications share the bound on all.
 */
const HISTORY_SHARE_OF_STORE_BYTES = 1 / 4

/**
 * An application's webhooks, in its world: weighed with its other stores (so the bound on all
 * applications counts them), and gone with it when the application is dropped. Made by the
 * webhooks when the application's first webhook is, never by reading. Its bounds are read from
 * the options in force each time room is made.
 */
export const WEBHOOK_HISTORY: WorldPart<WebhookHistory> = {
  name: 'webhooks',
  create(world) {
    const { server } = world
    return new WebhookHistory(world.clientId, () => ({
      limit: server.options.webhookHistoryLimit,
      byteLimit: Math.floor(server.options.storeByteLimit * HISTORY_SHARE_OF_STORE_BYTES),
    }))
  },
  weigh: (history) => history.bytes,
}
