import type { DashboardSection } from '../../dashboard/dashboard-section.js'

/**
 * The sandbox dashboard's "Process bank transfers" button, for the chosen application: the test
 * double's POST /__mock/sandbox-simulations, which runs simulate.ts as POST /sandbox-simulations
 * does. "Settle webhooks" then delivers what it raised.
 */
export const SANDBOX_SIMULATIONS_SECTION: DashboardSection = {
  id: 'sandbox-simulations',
  title: 'Sandbox simulations',
  actions: ({ application }) => (application === undefined ? [] : [{ label: 'Process bank transfers', path: '/sandbox-simulations', body: { application } }]),
}
