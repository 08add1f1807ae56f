import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { filterFrom } from '../../admin/query-filter.js'
import type { MockContext } from '../../world/mock-context.js'
import { sessionControls, type SessionView } from './session-controls.js'

/**
 * Exchange sessions in the test double, found by id among every application's:
 *   GET  /__mock/exchange-sessions?application=          { exchangeSessions: [...] }
 *   GET  /__mock/exchange-sessions/:id                   { exchangeSession }
 *   GET  /__mock/exchange-sessions/:id/connect           an MX session's stand-in for MX Connect (HTML)
 *   POST /__mock/exchange-sessions/:id/complete          { exchangeSession, completion }: the partner's flow, done
 */
export function exchangeSessionsRoutes(admin: FastifyInstance, mock: MockContext): void {
  const controls = sessionControls(mock)
  admin.get<{ Querystring: Record<string, string | string[]> }>('/exchange-sessions', async (request) => {
    const { application } = filterFrom(request.query, ['application'] as const)
    return { exchangeSessions: controls.list(application) }
  })
  admin.get<{ Params: { id: string } }>('/exchange-sessions/:id', async (request) => ({
    exchangeSession: found(request.params.id, controls.get(request.params.id)),
  }))
  admin.get<{ Params: { id: string } }>('/exchange-sessions/:id/connect', async (request, reply) => {
    const session = found(request.params.id, controls.get(request.params.id))
    // The session's id is a UUID the mock made: nothing from the request reaches the page.
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MX Connect (mock-dwolla)</title></head><body>' +
          `<h1>MX Connect, simulated</h1><p>Exchange session ${session.id}. mock-dwolla links two sandbox accounts when a test completes it: ` +
          `<code>POST /__mock/exchange-sessions/${session.id}/complete</code>; they are then listed at ` +
          `<code>GET /customers/${session.customerId}/available-exchange-connections</code>.</p></body></html>`,
      )
  })
  admin.post<{ Params: { id: string } }>('/exchange-sessions/:id/complete', async (request) => {
    const completed = controls.complete(request.params.id)
    if (completed === undefined) throw unknown(request.params.id)
    return completed
  })
}

function unknown(id: string): AdminError {
  return new AdminError(404, 'UnknownExchangeSession', `no application has exchange session ${id}`)
}

function found(id: string, session: SessionView | undefined): SessionView {
  if (session === undefined) throw unknown(id)
  return session
}
