import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

/** Dwolla gives every response an X-Request-Id, a lowercase UUID v4. */
export const REQUEST_ID_HEADER = 'x-request-id'

/** Used as Fastify's genReqId, so logs, errors and the header share one id. */
export function generateRequestId(): string {
  return randomUUID()
}

export function addRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id)
    done()
  })
}
