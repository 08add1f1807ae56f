import type { Resource } from '../../world/resource.js'
import { sandboxSimulationsRoutes } from './admin-routes.js'
import { SANDBOX_SIMULATIONS_SECTION } from './dashboard-section.js'
import { simulateBankTransferProcessing } from './operations/simulateBankTransferProcessing.js'

// The in-process form (server.simulate), for the composition root.
export { simulate, type SimulationAnswer } from './simulate.js'

/**
 * POST /sandbox-simulations: the sandbox's "process bank transfers" button. It owns no state: each
 * resource says what it does in a simulation (its `sandbox` part in the registry).
 */
export const sandboxSimulations: Resource = {
  name: 'sandbox-simulations',
  operations: { simulateBankTransferProcessing },
  adminRoutes: sandboxSimulationsRoutes,
  dashboard: SANDBOX_SIMULATIONS_SECTION,
}
