import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { DwollaError } from '../../errors.js'
import { linksFor } from '../../hal/base-url.js'
import type { MockContext } from '../../world/mock-context.js'
import { simulate } from './simulate.js'

/**
 * The sandbox simulation for suites that run the mock as a separate process, without a token:
 *   POST /__mock/sandbox-simulations   { application, ...a POST /sandbox-simulations body }
 *                                      → { status, body }: what the API would have answered
 * The same code path as the API's; `POST /__mock/webhooks/settle` then delivers its webhooks.
 */
export function sandboxSimulationsRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.post<{ Body: unknown }>('/sandbox-simulations', async (request) => {
    const body = request.body
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw new AdminError(400, 'InvalidSimulation', 'send a JSON object with the application')
    const { application, ...simulation } = body as Record<string, unknown>
    if (typeof application !== 'string' || application === '') throw new AdminError(400, 'InvalidApplication', 'application: expected an application key')
    try {
      return simulate(
        mock,
        mock.worlds.open(application),
        Object.keys(simulation).length === 0 ? undefined : simulation,
        linksFor(request, mock.options.publicUrl),
      )
    } catch (error) {
      if (error instanceof DwollaError) throw new AdminError(error.statusCode, error.code, error.message)
      throw error
    }
  })
}
