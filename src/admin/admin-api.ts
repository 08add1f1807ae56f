import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import type { MockState } from '../mock-state.js'
import { ADMIN_PREFIX, installAdminErrorHandling } from './admin-error.js'
import { guardAdminApi } from './admin-guard.js'
import { customersRoutes } from './customers-routes.js'
import { fixturesRoutes } from './fixtures-routes.js'
import { stateRoutes } from './state-routes.js'
import { webhooksRoutes } from './webhooks-routes.js'

/**
 * The test-double surface under /__mock, in its own Fastify context with its own errors. The
 * guard comes first, so it covers every route registered in this context, now or later.
 */
export async function registerAdminApi(app: FastifyInstance, state: MockState, table: OperationTable): Promise<void> {
  await app.register(
    async (admin) => {
      installAdminErrorHandling(admin)
      guardAdminApi(admin, state.options)
      fixturesRoutes(admin, state)
      stateRoutes(admin, state, table)
      customersRoutes(admin, state)
      webhooksRoutes(admin, state)
    },
    { prefix: ADMIN_PREFIX },
  )
}
