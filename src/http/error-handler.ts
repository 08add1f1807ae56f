import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { DWOLLA_ERRORS, DwollaError, OAUTH_ERRORS, OAuthError } from '../errors.js'
import { sendError } from './error-replies.js'
import { answerPreflight, isPreflight } from './cors.js'
import { DWOLLA_CONTENT_TYPE } from './media-types.js'
import type { AllowedMethods } from './openapi-routes.js'
import { NO_OPERATION, type OpenRequest, type RouteFacts } from './request-context.js'
import { endRequest } from './request-end.js'
import type { ErrorModel } from './error-model.js'
import { generateRequestId } from './request-id.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    operationId?: string
    errorModel?: ErrorModel
  }
}

/**
 * Translates anything thrown while handling a request into the route's error dialect. Our own
 * errors pass through; Fastify's client errors (bad JSON, body too large, unknown content type,
 * bad Basic header) keep their meaning; anything else is an unexpected failure: a 500 whose
 * error id is the request id, logged once here.
 */
function toApiError(error: unknown, model: ErrorModel, request: FastifyRequest): DwollaError | OAuthError {
  if (error instanceof DwollaError || error instanceof OAuthError) return error
  const status = (error as Partial<FastifyError>).statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return model === 'oauth' ? oauthClientError(status) : dwollaClientError(status)
  }
  request.server.log.error({ err: error, errorId: request.id }, 'unexpected failure while handling a request')
  return model === 'oauth'
    ? new OAuthError('server_error', OAUTH_ERRORS.server_error.description.replace('{ID}', request.id))
    : new DwollaError('ServerError', { message: DWOLLA_ERRORS.ServerError.message.replace('{ID}', request.id) })
}

function dwollaClientError(status: number): DwollaError {
  switch (status) {
    case 401:
      return new DwollaError('InvalidCredentials')
    case 413:
      return new DwollaError('RequestTooLarge')
    case 415:
      return new DwollaError('UnsupportedMediaType')
    default:
      return new DwollaError('BadRequest')
  }
}

function oauthClientError(status: number): OAuthError {
  switch (status) {
    case 401:
      return new OAuthError('invalid_client')
    case 413:
      return new OAuthError('invalid_request', 'The request body is too large.', 413)
    case 415:
      return new OAuthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.')
    default:
      return new OAuthError('invalid_request')
  }
}

/**
 * Installs the error handler, and the answers for requests no operation matches: 405 with an
 * Allow header on a path the document has, 404 NotFound anywhere else. Either may be the first
 * to meet a request (a body that fails to parse never reaches its handler), so both open its
 * context if the route has not.
 */
export function installErrorHandling(app: FastifyInstance, allowedMethods: AllowedMethods, open: OpenRequest): void {
  app.setErrorHandler((error, request, reply) => {
    // The route's config only when its handler never ran: reading routeOptions builds an object.
    const context = request.mockContext ?? open(request, reply, routeFactsOf(request))
    sendError(reply, toApiError(error, context.errorModel, request))
    endRequest(request, reply.statusCode)
  })
  app.setNotFoundHandler((request, reply) => {
    open(request, reply, NO_OPERATION)
    // No route has OPTIONS: a page's preflight, on any API path, arrives here.
    if (isPreflight(request)) answerPreflight(reply)
    else answerNoOperation(request, reply, allowedMethods)
    endRequest(request, reply.statusCode)
  })
}

/**
 * URLs the router refuses before any handler: malformed percent-encoding (`/customers/%zz`) is
 * Dwolla's 400 BadRequest, a path segment over the router's 100 characters 404 NotFound (no
 * resource has such an id). Fastify would answer both in its own shape (*inferred*: Dwolla's
 * gateway answers such URLs, but nothing public says how).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, open: OpenRequest): void {
  open(request, reply, NO_OPERATION)
  sendError(reply, new DwollaError(error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'NotFound' : 'BadRequest'))
  endRequest(request, reply.statusCode)
}

/** 405 with an Allow header on a path the document has, 404 NotFound anywhere else. */
function answerNoOperation(request: FastifyRequest, reply: FastifyReply, allowedMethods: AllowedMethods): void {
  const methods = allowedMethods(pathOf(request.url))
  if (methods === undefined) sendError(reply, new DwollaError('NotFound'))
  else sendError(reply.header('allow', methods.join(', ')), new DwollaError('MethodNotAllowed'))
}

function routeFactsOf(request: FastifyRequest): RouteFacts {
  const { operationId, errorModel = 'dwolla' } = request.routeOptions.config
  return { operationId, errorModel }
}

/** The path of a request URL without query string or trailing slash, as routing sees it. */
function pathOf(url: string): string {
  const query = url.indexOf('?')
  const path = query === -1 ? url : url.slice(0, query)
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
}

/**
 * Connection-level failures that are not plain bad requests. A request whose headers or body take
 * longer than their timeout gets 408 (RFC 9110 §15.5.9) with Dwolla's RequestTimeout code: the
 * status says whose side was slow (*inferred*: Dwolla answers RequestTimeout with a 500).
 */
const CLIENT_ERRORS: Record<string, [number, string, 'BadRequest' | 'RequestTimeout']> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'BadRequest'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'RequestTimeout'],
}

/**
 * Requests so malformed that no route is reached (bad HTTP framing, oversized headers) still get
 * Dwolla's shape. Fastify calls this with the raw socket: write a complete response and close.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) return
  const [status, reason, code] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request', 'BadRequest']
  const { headers, body } = connectionLevelError(code)
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${head}\r\n${body}`)
}

/**
 * Node asks about any `Expect` other than `100-continue` before routing (its checkExpectation
 * event); without an answer it sends a bare 417. RFC 9110 §10.1.1: 417 Expectation Failed, here
 * in Dwolla's shape like every other refusal before a route is reached.
 */
export function answerUnmetExpectation(_request: IncomingMessage, response: ServerResponse): void {
  const { headers, body } = connectionLevelError('BadRequest')
  response.writeHead(417, headers).end(body)
}

/** A Dwolla error written outside Fastify: always closes the connection, whose state is unknown. */
function connectionLevelError(code: 'BadRequest' | 'RequestTimeout'): { headers: Record<string, string | number>; body: string } {
  const body = JSON.stringify({ code, message: DWOLLA_ERRORS[code].message })
  return {
    headers: { 'Content-Type': DWOLLA_CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body), 'X-Request-Id': generateRequestId(), Connection: 'close' },
    body,
  }
}
