import type { FastifyInstance } from 'fastify'
import type { OperationTable } from '../http/operation-table.js'
import type { MockContext } from '../world/mock-context.js'
import { packageVersion } from '../package-files.js'
import { RevocationLimitError } from '../tokens/revoked-serials.js'
import { AdminError } from './admin-error.js'
import { testDoubleFilter } from './query-filter.js'
import { closestName } from '../closest-name.js'
import { readResetOptions, ResetOptionsError } from '../reset-options.js'
import { FilterError, readFilter } from '../test-double-filters.js'

/**
 * What a test suite needs besides fixtures: the request journal, the tokens, the clock, a reset
 * between tests and a health check to wait on.
 */
export function stateRoutes(admin: FastifyInstance, mock: MockContext, openapi: Pick<OperationTable, 'source' | 'digest'>): void {
  // `openapi` says whether routes and validators came compiled from the build or were loaded now.
  admin.get('/health', async () => ({ status: 'ok', version: packageVersion(), openapi: { source: openapi.source, digest: openapi.digest } }))

  admin.get<{ Querystring: Record<string, string | string[]> }>('/requests', async (request) => ({
    requests: mock.journal.list(testDoubleFilter(request.query, 'requests')),
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

  admin.get<{ Querystring: Record<string, string | string[]> }>('/clock', async (request) =>
    clockView(mock, testDoubleFilter(request.query, 'application').application),
  )
  admin.post<{ Body: unknown }>('/clock', async (request) => {
    const { milliseconds, application } = clockChange(request.body)
    try {
      mock.clock.advance(milliseconds, { application })
    } catch (error) {
      // Past the clock's last date: refused before anything moves, so every view keeps working.
      if (error instanceof RangeError) throw new AdminError(400, 'InvalidClockChange', error.message)
      throw error
    }
    return clockView(mock, application)
  })

  // `{ application, tokens }`, both optional: as reset() takes them (reset-options.ts).
  admin.post<{ Body: unknown }>('/reset', async (request) => {
    try {
      mock.reset(readResetOptions(request.body))
    } catch (error) {
      if (error instanceof ResetOptionsError) throw new AdminError(400, 'InvalidReset', error.message)
      throw error
    }
    return { reset: true }
  })
}

const CLOCK_KEYS = ['advanceSeconds', 'advanceMs', 'application']
const CLOCK_USAGE =
  'send {"advanceSeconds": n} or {"advanceMs": n} with n ≥ 0 (the clock only moves forward), and "application" to move one application’s clock only'

/** A POST /clock body: how far, and for which application (none: every one). */
function clockChange(body: unknown): { milliseconds: number; application: string | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AdminError(400, 'InvalidClockChange', CLOCK_USAGE)
  for (const key of Object.keys(body)) {
    if (CLOCK_KEYS.includes(key)) continue
    const closest = closestName(key, CLOCK_KEYS)
    throw new AdminError(
      400,
      'InvalidClockChange',
      `unknown key ${JSON.stringify(key)}${closest === undefined ? '' : ` (did you mean ${closest}?)`}: ${CLOCK_USAGE}`,
    )
  }
  const { advanceSeconds, advanceMs, application } = body as Record<string, unknown>
  const milliseconds = typeof advanceSeconds === 'number' ? advanceSeconds * 1000 : advanceMs
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds < 0) throw new AdminError(400, 'InvalidClockChange', CLOCK_USAGE)
  try {
    return { milliseconds, application: readFilter('application', { application }).application }
  } catch (error) {
    if (error instanceof FilterError) throw new AdminError(400, 'InvalidClockChange', error.message)
    throw error
  }
}

function revoke(mock: MockContext, token: string): 'access' | 'client' | undefined {
  try {
    return mock.revokeToken(token)
  } catch (error) {
    if (error instanceof RevocationLimitError) throw new AdminError(409, 'TooManyRevocations', error.message)
    throw error
  }
}

/**
 * The clock as one application sees it, or (without one) the shared clock: `now`, the shared
 * offset, and the application's own offset on top of it.
 */
function clockView(mock: MockContext, application: string | undefined): { now: string; offsetMs: number; application?: string; applicationOffsetMs?: number } {
  const now = new Date(mock.clock.nowFor(application)).toISOString()
  if (application === undefined) return { now, offsetMs: mock.clock.offsetMs }
  return { now, offsetMs: mock.clock.offsetMs, application, applicationOffsetMs: mock.clock.offsetOf(application) }
}
