import type { FastifyInstance } from 'fastify'
import { NO_OPERATION, type OpenRequest } from '../http/request-context.js'

/** An admin request that cannot be done; answered as mock-dwolla's own JSON, not Dwolla's. */
export class AdminError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'AdminError'
  }
}

/**
 * Admin answers are the mock's own, `{error, message}` as application/json: they must never be
 * mistaken for Dwolla's, and never fall through to Dwolla's 404 or error routes.
 */
export function installAdminErrorHandling(admin: FastifyInstance, open: OpenRequest): void {
  admin.setErrorHandler((error, request, reply) => {
    const known = error instanceof AdminError
    const status = known ? error.statusCode : ((error as { statusCode?: number }).statusCode ?? 500)
    if (status >= 500) request.server.log.error({ reqId: request.id, err: error }, 'admin request failed')
    const code = known ? error.code : status >= 500 ? 'AdminFailure' : 'BadAdminRequest'
    // For the request log: why it was refused.
    open(request, reply, NO_OPERATION).refusal = code
    reply.code(status).send({ error: code, message: (error as Error).message })
  })
  admin.setNotFoundHandler((request, reply) => {
    open(request, reply, NO_OPERATION).refusal = 'UnknownAdminRoute'
    reply.code(404).send({ error: 'UnknownAdminRoute', message: `${request.method} ${request.url} is not an admin route` })
  })
}
