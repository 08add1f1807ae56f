import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import type { JournalFilter } from '../journal/request-journal.js'
import type { MockContext } from '../world/mock-context.js'
import { packageVersion } from '../package-files.js'
import { RevocationLimitError } from '../tokens/revoked-serials.js'
import { AdminError } from './admin-error.js'

/**
 * What a test suite needs besides fixtures: the request journal, the tokens, the clock, a reset
 * between tests and a health check to wait on.
 */
export function stateRoutes(admin: FastifyInstance, mock: MockContext, openapi: Pick<OperationTable, 'source' | 'digest'>): void {
  // `openapi` says whether routes and validators came compiled from the build or were loaded now.
  admin.get('/health', async () => ({ status: 'ok', version: packageVersion(), openapi: { source: openapi.source, digest: openapi.digest } }))

  admin.get<{ Querystring: Record<string, string | string[]> }>('/requests', async (request) => ({
    requests: mock.journal.list(journalFilter(request.query)),
  }))
  admin.delete('/requests', async () => {
    mock.journal.clear()
    return { cleared: true }
  })

  admin.get('/tokens', async () => mock.tokens())
  admin.delete<{ Params: { token: string } }>('/tokens/:token', async (request) => {
    const revoked = revoke(mock, request.params.token)
    if (revoked === undefined) throw new AdminError(404, 'UnknownToken', 'no such token')
    return { revoked }
  })

  admin.get('/clock', async () => clockView(mock))
  admin.post<{ Body: { advanceSeconds?: unknown; advanceMs?: unknown } | undefined }>('/clock', async (request) => {
    const { advanceSeconds, advanceMs } = request.body ?? {}
    const milliseconds = typeof advanceSeconds === 'number' ? advanceSeconds * 1000 : advanceMs
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new AdminError(400, 'InvalidClockChange', 'send {"advanceSeconds": n} or {"advanceMs": n} with n ≥ 0: the clock only moves forward')
    }
    try {
      mock.clock.advance(milliseconds)
    } catch (error) {
      // Past the clock's last date: refused before anything moves, so every view keeps working.
      if (error instanceof RangeError) throw new AdminError(400, 'InvalidClockChange', error.message)
      throw error
    }
    return clockView(mock)
  })

  admin.post('/reset', async () => {
    mock.reset()
    return { reset: true }
  })
}

function revoke(mock: MockContext, token: string): 'access' | 'client' | undefined {
  try {
    return mock.revokeToken(token)
  } catch (error) {
    if (error instanceof RevocationLimitError) throw new AdminError(409, 'TooManyRevocations', error.message)
    throw error
  }
}

function clockView(mock: MockContext): { now: string; offsetMs: number } {
  return { now: new Date(mock.clock.now()).toISOString(), offsetMs: mock.clock.offsetMs }
}

const FILTERS = ['operation', 'path', 'method'] as const

/** The journal filter from a query string: each key at most once, and only the known ones. */
function journalFilter(query: Record<string, string | string[]>): JournalFilter {
  const filter: JournalFilter = {}
  for (const [name, value] of Object.entries(query)) {
    if (!(FILTERS as readonly string[]).includes(name)) {
      throw new AdminError(400, 'InvalidQuery', `unknown filter ${JSON.stringify(name)}: filter by operation, path or method`)
    }
    if (typeof value !== 'string') throw new AdminError(400, 'InvalidQuery', `${name}: give it once`)
    filter[name as (typeof FILTERS)[number]] = value
  }
  return filter
}
