import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DwollaError, OAuthError, StartupError } from '../errors.js'
import type { ErrorModel } from './error-handler.js'
import { mediaTypeOf } from './media-types.js'
import { OPENAPI_DOCUMENT_PATH, type OperationTable } from './operation-table.js'
import { classifyProblems, type RequestProblems, type SchemaViolation } from './validation-errors.js'

/** What an operation handler gets besides the request: the document's verdict on it. */
export interface RequestCheck {
  /** Runs the operation's validators (built by openapi-backend from the document) once. */
  problems(): RequestProblems
}

/** One operation of the document, implemented. Keyed by operationId. */
export interface OperationHandler {
  readonly errorModel: ErrorModel
  handle(request: FastifyRequest, reply: FastifyReply, check: RequestCheck): unknown
}

/** The methods the document allows on a request path, if the document has it (for 405 and its Allow header). */
export type AllowedMethods = (path: string) => readonly string[] | undefined

/** Each document path becomes a pattern, `{id}` matching one path segment, as the router matches them. */
export function allowedMethodsByPath(table: OperationTable): AllowedMethods {
  const methodsByPath = new Map<string, string[]>()
  for (const { path, method } of table.operations) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method])
  const patterns = [...methodsByPath].map(([path, methods]) => {
    const source = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')
    return { pattern: new RegExp(`^${source}$`), methods }
  })
  return (path) => patterns.find(({ pattern }) => pattern.test(path))?.methods
}

/**
 * Registers one Fastify route per operation in the document; Fastify's router then does the
 * matching, so nothing routes a request twice.
 */
export function registerOperations(app: FastifyInstance, table: OperationTable, handlers: Readonly<Record<string, OperationHandler>>): void {
  for (const { operationId, method, path, mediaTypes, validators } of table.operations) {
    const handler = handlers[operationId]
    if (handler === undefined) throw new StartupError(`${OPENAPI_DOCUMENT_PATH}: ${method} ${path} (${operationId}) has no handler`)
    const accepted = new Set(mediaTypes)
    app.route({
      method,
      url: path.replace(/\{([^}]+)\}/g, ':$1'),
      config: { operationId, errorModel: handler.errorModel },
      handler(request, reply) {
        requireAcceptedMediaType(request, accepted, handler.errorModel)
        return handler.handle(request, reply, {
          problems() {
            const input = { path: request.params, query: request.query, header: request.headers, requestBody: request.body }
            const violations: SchemaViolation[] = []
            for (const validate of validators) {
              if (!validate(input)) violations.push(...(validate.errors ?? []))
            }
            return classifyProblems(violations)
          },
        })
      },
    })
  }
}

/** Only the body types the document lists for an operation are accepted (Fastify parses more). */
function requireAcceptedMediaType(request: FastifyRequest, accepted: ReadonlySet<string>, model: ErrorModel): void {
  if (request.body === undefined || accepted.size === 0) return
  const mediaType = mediaTypeOf(request.headers['content-type'])
  if (mediaType !== undefined && accepted.has(mediaType)) return
  throw model === 'oauth'
    ? new OAuthError('invalid_request', `The request body must be ${[...accepted].join(' or ')}.`)
    : new DwollaError('UnsupportedMediaType')
}
