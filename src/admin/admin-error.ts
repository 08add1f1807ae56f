import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
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
 * A page to answer a refusal with instead of the JSON, for a browser opening a page: undefined
 * for every other request. The dashboard's sign-in page is one (dashboard/dashboard-routes.ts).
 */
export type RefusalPage = (request: FastifyRequest, error: AdminError) => string | undefined

/**
 * Admin answers are the mock's own, `{error, message}` as application/json: they must never be
 * mistaken for Dwolla's, and never fall through to Dwolla's 404 or error routes. `refusalPage`
 * may answer a refusal as an HTML page instead (same status); it is sent with `sendPage`.
 */
export function installAdminErrorHandling(
  admin: FastifyInstance,
  open: OpenRequest,
  refusalPage?: { page: RefusalPage; send: (reply: FastifyReply, status: number, page: string) => unknown },
): void {
  admin.setErrorHandler((error, request, reply) => {
    const known = error instanceof AdminError
    const status = known ? error.statusCode : ((error as { statusCode?: number }).statusCode ?? 500)
    if (status >= 500) request.server.log.error({ reqId: request.id, err: error }, 'admin request failed')
    const code = known ? error.code : status >= 500 ? 'AdminFailure' : 'BadAdminRequest'
    // For the request log: why it was refused.
    open(request, reply, NO_OPERATION).refusal = code
    const page = known ? refusalPage?.page(request, error) : undefined
    if (page !== undefined && refusalPage !== undefined) return void refusalPage.send(reply, status, page)
    reply.code(status).send({ error: code, message: (error as Error).message })
  })
  admin.setNotFoundHandler((request, reply) => {
    open(request, reply, NO_OPERATION).refusal = 'UnknownAdminRoute'
    reply.code(404).send({ error: 'UnknownAdminRoute', message: `${request.method} ${request.url} is not an admin route` })
  })
}
