import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import type { MockState } from '../mock-state.js'
import { ADMIN_PREFIX, installAdminErrorHandling } from './admin-error.js'
import { customersRoutes } from './customers-routes.js'
import { fixturesRoutes } from './fixtures-routes.js'
import { stateRoutes } from './state-routes.js'

/** The test-double surface under /__mock, in its own Fastify context with its own errors. */
export async function registerAdminApi(app: FastifyInstance, state: MockState, table: OperationTable): Promise<void> {
  await app.register(
    async (admin) => {
      installAdminErrorHandling(admin)
      fixturesRoutes(admin, state)
      stateRoutes(admin, state, table)
      customersRoutes(admin, state)
    },
    { prefix: ADMIN_PREFIX },
  )
}
