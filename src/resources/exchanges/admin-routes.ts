import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import type { MockContext } from '../../world/mock-context.js'
import { exchangeControls, type ExchangeView } from './exchange-controls.js'

/**
 * Exchanges in the test double, found by id among every application's:
 *   GET  /__mock/exchanges?application=                  { exchanges: [...] }
 *   GET  /__mock/exchanges/:id                           { exchange }
 *   POST /__mock/exchanges/:id/status { status }         { exchange }: active, deactivated or removed
 *   POST /__mock/exchanges/:id/reauth-required           { exchange }: raises customer_exchange_reauth_required
 */
export function exchangesRoutes(admin: FastifyInstance, mock: MockContext): void {
  const controls = exchangeControls(mock)
  admin.get<{ Querystring: Record<string, string | string[]> }>('/exchanges', async (request) => {
    const { application } = filterFrom(request.query, ['application'] as const)
    return { exchanges: controls.list(application) }
  })
  admin.get<{ Params: { id: string } }>('/exchanges/:id', async (request) => ({ exchange: found(request.params.id, controls.get(request.params.id)) }))
  admin.post<{ Params: { id: string }; Body: unknown }>('/exchanges/:id/status', async (request) => {
    const status = (request.body as { status?: unknown } | null)?.status
    if (typeof status !== 'string') throw new AdminError(400, 'InvalidStatus', 'status: active, deactivated or removed')
    try {
      return { exchange: found(request.params.id, controls.setStatus(request.params.id, status)) }
    } catch (error) {
      if (error instanceof TypeError) throw new AdminError(400, 'InvalidStatus', error.message)
      throw error
    }
  })
  admin.post<{ Params: { id: string } }>('/exchanges/:id/reauth-required', async (request) => {
    try {
      return { exchange: found(request.params.id, controls.requireReauth(request.params.id)) }
    } catch (error) {
      if (error instanceof RangeError) throw new AdminError(400, 'AccountExchange', error.message)
      throw error
    }
  })
}

function found(id: string, exchange: ExchangeView | undefined): ExchangeView {
  if (exchange === undefined) throw new AdminError(404, 'UnknownExchange', `no application has exchange ${id}`)
  return exchange
}
