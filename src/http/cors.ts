import type { FastifyReply, FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-path.js'

/**
 * What a browser page may do with the API: dwolla-web.js calls it straight from the page with a
 * client token (Dwolla/dwolla.js dwolla-client.js: `mode: 'cors'`, Authorization, Accept,
 * Content-Type). The Origin is echoed with credentials allowed, so any local page works;
 * Location and X-Request-Id are readable by the page. The admin API never gets CORS, so no page
 * elsewhere may script it.
 *
 * Written here rather than with @fastify/cors: its hook ran for every request, a quarter of the
 * request path's time (issue 11), where a request without an Origin (a server, an SDK) needs
 * one header lookup and nothing else.
 */
const EXPOSED_HEADERS = 'Location, X-Request-Id'
const PREFLIGHT_HEADERS = Object.freeze({
  'access-control-allow-methods': 'GET, HEAD, POST',
  'access-control-allow-headers': 'Authorization, Accept, Content-Type, Idempotency-Key, X-Requested-With',
  'access-control-max-age': '600',
})

/**
 * Lets the request's page read the answer, when it came from one (it has an Origin) and it is
 * not for the admin API. Called once per request, as its context opens.
 */
export function allowPageToRead(request: FastifyRequest, reply: FastifyReply): void {
  const { origin } = request.headers
  if (origin === undefined || isAdminPath(request.url)) return
  reply.header('access-control-allow-origin', origin).header('access-control-allow-credentials', 'true').header('vary', 'Origin')
  reply.header('access-control-expose-headers', EXPOSED_HEADERS)
}

/** A CORS preflight: an OPTIONS with an Origin and Access-Control-Request-Method. */
export function isPreflight(request: FastifyRequest): boolean {
  return request.method === 'OPTIONS' && request.headers.origin !== undefined && request.headers['access-control-request-method'] !== undefined
}

/** Answers a preflight on an API path (its context open, so the Origin is allowed): 204 with what pages may send. */
export function answerPreflight(reply: FastifyReply): void {
  reply.headers(PREFLIGHT_HEADERS).code(204).send()
}
