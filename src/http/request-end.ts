import type { FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-path.js'
import { journalRecord } from '../journal/record-request.js'
import { logRequestEnd } from './request-log.js'

/**
 * A request has ended: answered (by its route, the error or 404 handler, a fixture), dropped by
 * a fixture, or left by its client during a delay. Each of those places calls this right after
 * it answers, so no hook runs for every request: it is journaled (API paths, 404s included;
 * admin calls are not) and logged, once, however it ended. `status` is null when nothing was
 * answered; the duration runs from when its context was opened.
 */
export function endRequest(request: FastifyRequest, status: number | null, durationMs = elapsedMs(request)): void {
  const context = request.mockContext
  if (context?.ended === true) return
  if (context !== undefined) context.ended = true
  if (!isAdminPath(request.url)) {
    const state = request.server.mockDwolla
    state.journal.record(journalRecord(request, context, status, durationMs, state.clock.now))
  }
  logRequestEnd(request, context, status, durationMs)
}

function elapsedMs(request: FastifyRequest): number {
  const context = request.mockContext
  return context === undefined ? 0 : performance.now() - context.startedAt
}
