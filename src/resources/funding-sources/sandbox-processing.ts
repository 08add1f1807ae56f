import type { SandboxPart } from '../../world/mock-context.js'
import { FUNDING_SOURCES } from './funding-sources-part.js'

/**
 * What funding sources do in POST /sandbox-simulations: the application's pending micro-deposits
 * settle ("simulate micro-deposit processing", testing/funding-sources.mdx), their webhooks
 * following; each one counts in the answer's `total`. An application that never had a funding
 * source has none pending: its store is not made.
 */
export const FUNDING_SOURCE_SANDBOX: SandboxPart = {
  processPending: (world) => world.peek(FUNDING_SOURCES)?.processPendingMicroDeposits() ?? 0,
}
