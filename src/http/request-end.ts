import type { FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-error.js'
import { journalRecord } from '../journal/record-request.js'
import { logRequestEnd } from './request-log.js'

/**
 * A request has ended: answered (from the one onResponse hook), dropped by a fixture, or left by
 * its client during a delay. It is journaled (API paths, 404s included; admin calls are not) and
 * logged, once, however it ended. `status` is null when nothing was answered.
 */
export function endRequest(request: FastifyRequest, status: number | null, durationMs: number): void {
  const context = request.mockContext
  if (context?.ended === true) return
  if (context !== undefined) context.ended = true
  if (!isAdminPath(request.url)) {
    const state = request.server.mockDwolla
    state.journal.record(journalRecord(request, context, status, durationMs, state.clock.now))
  }
  logRequestEnd(request, context, status, durationMs)
}
