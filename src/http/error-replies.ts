import type { FastifyReply } from 'fastify'
import { DwollaError, OAuthError } from '../errors.js'
import { DWOLLA_CONTENT_TYPE, OAUTH_CONTENT_TYPE } from './media-types.js'

/**
 * The one place errors become bytes: Dwolla's shape for the API, OAuth's for /token. Also where
 * the request's refusal is noted for the log: the code, and the fields of a validation error.
 */
export function sendError(reply: FastifyReply, error: DwollaError | OAuthError): FastifyReply {
  const context = reply.request.mockContext
  if (context !== undefined) {
    context.refusal = refusalOf(error)
    context.errorCode = error instanceof OAuthError ? error.error : error.code
    // A check that noted its reason (authenticate.ts, a fixture rule) keeps it; else the fields or the message.
    context.errorReason ??= reasonOf(error)
  }
  return error instanceof OAuthError ? sendOAuthError(reply, error) : sendDwollaError(reply, error)
}

/** `InvalidAccessToken`, `invalid_client`, `ValidationError: /action Invalid, /_links Required`. */
function refusalOf(error: DwollaError | OAuthError): string {
  if (error instanceof OAuthError) return error.error
  if (error.embedded === undefined) return error.code
  return `${error.code}: ${error.embedded.map((field) => `${field.path} ${field.code}`).join(', ')}`
}

/** `/email Invalid, /firstName Required` for a validation error; else the message answered. */
function reasonOf(error: DwollaError | OAuthError): string {
  if (error instanceof DwollaError && error.embedded !== undefined && error.embedded.length > 0) {
    return error.embedded.map((field) => `${field.path} ${field.code}`).join(', ')
  }
  return error.message
}

function sendDwollaError(reply: FastifyReply, error: DwollaError): FastifyReply {
  // Key order code, message, _links, _embedded, as Dwolla writes them.
  const body: Record<string, unknown> = { code: error.code, message: error.message }
  if (error.links !== undefined) body._links = error.links
  if (error.embedded !== undefined) body._embedded = { errors: error.embedded }
  return reply.code(error.statusCode).type(DWOLLA_CONTENT_TYPE).send(JSON.stringify(body))
}

function sendOAuthError(reply: FastifyReply, error: OAuthError): FastifyReply {
  // RFC 6749 §5.2: error responses from the token endpoint are JSON and must not be cached.
  return reply
    .code(error.statusCode)
    .type(OAUTH_CONTENT_TYPE)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send(JSON.stringify({ error: error.error, error_description: error.message }))
}
