import type { WorldPart } from '../../world/application-world.js'
import { TransferStore } from './transfer-store.js'

/**
 * The worst a transfer costs in memory besides its request's strings (counted apart, at two bytes
 * a character): every link of a chain, a failure, two fee ids, its place in two party lists and
 * in the pending sets: 5.3 KiB measured on Node 20 (test/resources/transfers/memory.test.ts).
 */
export const TRANSFER_BYTES = 6144

/** An application's transfers. */
export const TRANSFERS: WorldPart<TransferStore> = {
  name: 'transfers',
  create: (world) =>
    new TransferStore(
      () => world.server.options.transferLimit,
      () => world.changed(),
    ),
  weigh: (store) => store.size * TRANSFER_BYTES + store.variableBytes,
}
