// The baseline: a bare Fastify app serving the same endpoints as the mock, each answering as a
// plain handler would (parse the body, answer a token), and nothing else. The bench measures the
// mock against it in the same run. Each module in ROUTES registers one group of routes.
import Fastify from 'fastify'
import { registerBaselineCustomers } from './baseline-customers.js'
import { registerBaselineFundingSources } from './baseline-funding-sources.js'
import { registerBaselineLabels } from './baseline-labels.js'
import { registerBaselineMassPayments } from './baseline-mass-payments.js'
import { registerTokenRoutes } from './baseline-tokens.js'
import { registerBaselineTransfers } from './baseline-transfers.js'

const ROUTES = [
  registerTokenRoutes,
  registerBaselineCustomers,
  registerBaselineFundingSources,
  registerBaselineTransfers,
  registerBaselineLabels,
  registerBaselineMassPayments,
]

export async function buildBaseline() {
  const app = Fastify()
  for (const register of ROUTES) register(app)
  return app
}
