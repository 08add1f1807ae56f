import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import type { JournalFilter } from '../journal/request-journal.js'
import type { MockState } from '../mock-state.js'
import { RevocationLimitError } from '../tokens/revoked-serials.js'
import { AdminError } from './admin-error.js'

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version

/**
 * What a test suite needs besides fixtures: the request journal, the tokens, the clock, a reset
 * between tests and a health check to wait on.
 */
export function stateRoutes(admin: FastifyInstance, state: MockState, openapi: Pick<OperationTable, 'source' | 'digest'>): void {
  // `openapi` says whether routes and validators came compiled from the build or were loaded now.
  admin.get('/health', async () => ({ status: 'ok', version: VERSION, openapi: { source: openapi.source, digest: openapi.digest } }))

  admin.get<{ Querystring: JournalFilter }>('/requests', async (request) => {
    const { operation, path, method } = request.query
    return { requests: state.journal.list({ operation, path, method }) }
  })
  admin.delete('/requests', async () => {
    state.journal.clear()
    return { cleared: true }
  })

  admin.get('/tokens', async () => state.tokens())
  admin.delete<{ Params: { token: string } }>('/tokens/:token', async (request) => {
    const revoked = revoke(state, request.params.token)
    if (revoked === undefined) throw new AdminError(404, 'UnknownToken', 'no such token')
    return { revoked }
  })

  admin.get('/clock', async () => clockView(state))
  admin.post<{ Body: { advanceSeconds?: unknown; advanceMs?: unknown } | undefined }>('/clock', async (request) => {
    const { advanceSeconds, advanceMs } = request.body ?? {}
    const milliseconds = typeof advanceSeconds === 'number' ? advanceSeconds * 1000 : advanceMs
    if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds < 0) {
      throw new AdminError(400, 'InvalidClockChange', 'send {"advanceSeconds": n} or {"advanceMs": n} with n ≥ 0: the clock only moves forward')
    }
    state.clock.advance(milliseconds)
    return clockView(state)
  })

  admin.post('/reset', async () => {
    state.reset()
    return { reset: true }
  })
}

function revoke(state: MockState, token: string): 'access' | 'client' | undefined {
  try {
    return state.revokeToken(token)
  } catch (error) {
    if (error instanceof RevocationLimitError) throw new AdminError(409, 'TooManyRevocations', error.message)
    throw error
  }
}

function clockView(state: MockState): { now: string; offsetMs: number } {
  return { now: new Date(state.clock.now()).toISOString(), offsetMs: state.clock.offsetMs }
}
