import type { SandboxPart } from '../../world/mock-context.js'
import { processPendingTransfers } from './processing.js'
import { TRANSFERS } from './transfers-part.js'

/**
 * What transfers do in POST /sandbox-simulations with no body: process the application's pending
 * bank legs (testing/transfers.mdx). An application that never made a transfer has none: its
 * store is not made.
 */
export const TRANSFER_SANDBOX: SandboxPart = {
  processPending: (world) => (world.peek(TRANSFERS) === undefined ? 0 : processPendingTransfers(world)),
}
