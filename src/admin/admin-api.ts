import type { FastifyInstance } from 'fastify'
import type { MockState } from '../mock-state.js'
import { ADMIN_PREFIX, installAdminErrorHandling } from './admin-error.js'
import { fixturesRoutes } from './fixtures-routes.js'
import { stateRoutes } from './state-routes.js'

/** The test-double surface under /__mock, in its own Fastify context with its own errors. */
export async function registerAdminApi(app: FastifyInstance, state: MockState): Promise<void> {
  await app.register(
    async (admin) => {
      installAdminErrorHandling(admin)
      fixturesRoutes(admin, state)
      stateRoutes(admin, state)
    },
    { prefix: ADMIN_PREFIX },
  )
}
