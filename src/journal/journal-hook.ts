import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-error.js'
import { clientIdOf } from '../fixtures/request-facts.js'
import type { MockState } from '../mock-state.js'
import { redactBody, redactHeaders, redactUrl } from './redact.js'
import type { JournalEntry } from './request-journal.js'

/** Bodies larger than this are journalled as their size only, so the ring's memory stays small. */
export const JOURNAL_BODY_CAP = 16 * 1024

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, by the mock's clock. */
    receivedAt: number
  }
}

/** Records every request to the API in the journal once answered. Admin requests are not recorded. */
export function journalRequests(app: FastifyInstance, state: MockState): void {
  app.decorateRequest('receivedAt', 0)
  app.addHook('onRequest', (request, _reply, done) => {
    request.receivedAt = state.clock.now()
    done()
  })
  app.addHook('onResponse', async (request, reply) => {
    if (isAdminPath(request.url)) return
    state.journal.record(journalEntry(request, reply.statusCode, reply.elapsedTime, state))
  })
}

export function journalEntry(request: FastifyRequest, status: number | null, durationMs: number, state: MockState): JournalEntry {
  const { operationId } = request.routeOptions.config
  const url = redactUrl(request.url)
  const query = url.indexOf('?')
  const bytes = Number(request.headers['content-length'] ?? 0)
  return {
    id: request.id,
    time: new Date(request.receivedAt).toISOString(),
    method: request.method,
    path: query === -1 ? url : url.slice(0, query),
    query: query === -1 ? undefined : url.slice(query + 1),
    headers: redactHeaders(request.headers),
    body: bytes > JOURNAL_BODY_CAP ? { truncated: true, bytes } : redactBody(request.body),
    operation: operationId,
    clientId: clientIdOf(request, operationId, state),
    fixtureRule: request.fixtureRuleId,
    status,
    durationMs: Math.round(durationMs * 1000) / 1000,
  }
}
