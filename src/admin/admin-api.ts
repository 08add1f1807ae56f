import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import { stampRequestId, type OpenRequest } from '../http/request-context.js'
import { endRequest } from '../http/request-end.js'
import type { MockState } from '../mock-state.js'
import { ADMIN_PREFIX, installAdminErrorHandling } from './admin-error.js'
import { guardAdminApi } from './admin-guard.js'
import { customersRoutes } from '../resources/customers/admin-routes.js'
import { fixturesRoutes } from './fixtures-routes.js'
import { stateRoutes } from './state-routes.js'
import { webhooksRoutes } from '../resources/webhooks/admin-routes.js'

/**
 * The test-double surface under /__mock, in its own Fastify context with its own errors. The
 * guard comes first, so it covers every route registered in this context, now or later.
 */
export async function registerAdminApi(app: FastifyInstance, state: MockState, table: OperationTable, open: OpenRequest): Promise<void> {
  await app.register(
    async (admin) => {
      // Scoped to the admin routes: API requests get their X-Request-Id in their own route.
      admin.addHook('onRequest', (request, reply, done) => {
        stampRequestId(request, reply)
        done()
      })
      // Admin calls are logged (not journaled) when answered; a hook is fine off the API's path.
      admin.addHook('onResponse', (request, reply, done) => {
        endRequest(request, reply.statusCode, reply.elapsedTime)
        done()
      })
      installAdminErrorHandling(admin, open)
      guardAdminApi(admin, state.options)
      fixturesRoutes(admin, state)
      stateRoutes(admin, state, table)
      customersRoutes(admin, state)
      webhooksRoutes(admin, state)
    },
    { prefix: ADMIN_PREFIX },
  )
}
