import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import { DwollaError } from '../../errors.js'
import type { MockContext } from '../../world/mock-context.js'
import { balanceControls } from './balance-controls.js'
import { LedgerRefusal } from './ledger.js'

/**
 * The balances of the test double:
 *   GET  /__mock/funding-sources/:id/balance?application=    { balance }
 *   POST /__mock/funding-sources/:id/balance   { value: "100.00", application? } → { balance }
 * Setting one posts the difference through the ledger (from the test double's own account).
 */
export function balancesRoutes(admin: FastifyInstance, mock: MockContext): void {
  const balances = balanceControls(mock)
  admin.get<{ Params: { id: string }; Querystring: Record<string, string | string[]> }>('/funding-sources/:id/balance', async (request) => {
    const { application } = filterFrom(request.query, ['application'] as const)
    const balance = balances.get(request.params.id, { application: applicationOf(application) })
    if (balance === undefined) throw new AdminError(404, 'UnknownBalance', `no application has a balance funding source ${request.params.id}`)
    return { balance }
  })

  admin.post<{ Params: { id: string }; Body: unknown }>('/funding-sources/:id/balance', async (request) => {
    const body = request.body
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'InvalidBalance', 'send a JSON object: {"value": "100.00"}')
    const { value, application } = body as Record<string, unknown>
    try {
      return { balance: balances.set(request.params.id, value, { application: applicationOf(application) }) }
    } catch (error) {
      if (error instanceof DwollaError) {
        const detail = error.embedded?.map((embedded) => `${embedded.path}: ${embedded.message}`).join('; ')
        throw new AdminError(error.statusCode, error.code, detail ?? error.message)
      }
      if (error instanceof LedgerRefusal) throw new AdminError(400, 'InvalidBalance', error.message)
      throw error
    }
  })
}

function applicationOf(value: unknown): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value === '') throw new AdminError(400, 'InvalidApplication', 'application: expected an application key')
  return value
}
