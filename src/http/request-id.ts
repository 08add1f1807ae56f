import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

/** Dwolla gives every response an X-Request-Id, a lowercase UUID v4. */
const REQUEST_ID_HEADER = 'x-request-id'

/** Used as Fastify's genReqId, so logs, errors and the header share one id. */
export function generateRequestId(): string {
  return randomUUID()
}

declare module 'fastify' {
  interface FastifyRequest {
    /** When the request arrived, by the mock's clock (for the journal). */
    receivedAt: number
  }
}

/**
 * The first thing every request meets: its X-Request-Id header, and its arrival time by the
 * mock's clock. One hook for both, since each hook costs on every request.
 */
export function stampRequests(app: FastifyInstance, now: () => number): void {
  app.decorateRequest('receivedAt', 0)
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id)
    request.receivedAt = now()
    done()
  })
}
