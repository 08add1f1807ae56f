import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import { stampRequestId, type OpenRequest } from '../http/request-context.js'
import { endRequest } from '../http/request-end.js'
import type { MockContext } from '../world/mock-context.js'
import { installAdminErrorHandling } from './admin-error.js'
import { ADMIN_PREFIX } from './admin-path.js'
import { guardAdminApi } from './admin-guard.js'
import { fixturesRoutes } from './fixtures-routes.js'
import { stateRoutes } from './state-routes.js'
import type { Resource } from '../world/resource.js'
import { dashboardRoutes, dashboardSignInPage } from '../dashboard/dashboard-routes.js'
import { sendPage } from '../dashboard/page-document.js'

/**
 * The test-double surface under /__mock, in its own Fastify context with its own errors. The
 * guard comes first, so it covers every route registered in this context, now or later.
 */
export async function registerAdminApi(
  app: FastifyInstance,
  mock: MockContext,
  table: OperationTable,
  open: OpenRequest,
  resources: readonly Resource[],
): Promise<void> {
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
      installAdminErrorHandling(admin, open, { page: (request, error) => dashboardSignInPage(request, error, mock), send: sendPage })
      guardAdminApi(admin, mock.options)
      fixturesRoutes(admin, mock)
      stateRoutes(admin, mock, table)
      for (const resource of resources) resource.adminRoutes?.(admin, mock)
      dashboardRoutes(
        admin,
        mock,
        resources.flatMap((resource) => (resource.dashboard === undefined ? [] : [resource.dashboard])),
      )
    },
    { prefix: ADMIN_PREFIX },
  )
}
