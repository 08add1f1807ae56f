import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-error.js'
import { factsOf } from '../fixtures/request-facts.js'
import type { MockState } from '../mock-state.js'
import { JOURNAL_BODY_CAP, type JournalRecord } from './request-journal.js'

/**
 * Records every request to the API in the journal once answered (its arrival time is stamped in
 * request-id.ts). Admin requests are not recorded.
 */
export function journalRequests(app: FastifyInstance, state: MockState): void {
  app.addHook('onResponse', (request, reply, done) => {
    if (!isAdminPath(request.url)) state.journal.record(journalEntry(request, reply.statusCode, reply.elapsedTime, state))
    done()
  })
}

export function journalEntry(request: FastifyRequest, status: number | null, durationMs: number, state: MockState): JournalRecord {
  const bodyBytes = Number(request.headers['content-length'] ?? 0)
  return {
    id: request.id,
    receivedAt: request.receivedAt,
    method: request.method,
    url: request.url,
    headers: request.headers,
    // Past the cap only the size is shown, so there is no need to keep the body alive either.
    body: bodyBytes > JOURNAL_BODY_CAP ? undefined : request.body,
    bodyBytes,
    operation: request.routeOptions.config.operationId,
    clientId: factsOf(request, state).clientId,
    fixtureRule: request.fixtureRuleId,
    status,
    durationMs,
  }
}
