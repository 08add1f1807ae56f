import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { OpenAPIBackend } from 'openapi-backend'
import { parse as parseYaml } from 'yaml'
import { DwollaError, OAuthError, StartupError } from '../errors.js'
import type { ErrorModel } from './error-handler.js'
import { mediaTypeOf } from './media-types.js'
import { classifyProblems, type RequestProblems, type SchemaViolation } from './validation-errors.js'

/** Resolved from this module, not the working directory: other projects run us from theirs. */
export const OPENAPI_DOCUMENT_PATH = fileURLToPath(new URL('../../openapi/mock-dwolla.yaml', import.meta.url))

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

let loading: Promise<OpenAPIBackend> | undefined

/**
 * Loads the document through openapi-backend once per process. Quick mode skips re-validating
 * the document against the OpenAPI meta-schema on every start (a test loads it in strict mode
 * instead) and defers building validators to {@link registerOperations}, which builds only the
 * request validators it uses. allErrors lets one answer list every bad field, as Dwolla does.
 */
export function loadOpenApi(): Promise<OpenAPIBackend> {
  loading ??= (async () => {
    const definition = parseYaml(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
    const api = new OpenAPIBackend({ definition, quick: true, strict: true, ajvOpts: { allErrors: true } })
    return api.init()
  })()
  return loading
}

/** The methods the document allows on each of its paths (for 405 and its Allow header). */
export function allowedMethodsByPath(api: OpenAPIBackend): Map<string, string[]> {
  const methodsByPath = new Map<string, string[]>()
  for (const { path, method } of api.getOperations()) {
    methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method.toUpperCase()])
  }
  return methodsByPath
}

/**
 * Registers one Fastify route per operation in the document; Fastify's router then does the
 * matching, so nothing routes a request twice.
 */
export function registerOperations(
  app: FastifyInstance,
  api: OpenAPIBackend,
  handlers: Readonly<Record<string, OperationHandler>>,
): void {
  for (const operation of api.getOperations()) {
    const { operationId, path } = operation
    const handler = operationId === undefined ? undefined : handlers[operationId]
    if (operationId === undefined || handler === undefined) {
      throw new StartupError(`${OPENAPI_DOCUMENT_PATH}: ${operation.method.toUpperCase()} ${path} has no handler`)
    }
    const validators = api.validator.getRequestValidatorsForOperation(operationId) ?? []
    // The document is dereferenced, so requestBody is never a $ref here.
    const requestBody = operation.requestBody as { content?: Record<string, unknown> } | undefined
    const accepted = new Set(Object.keys(requestBody?.content ?? {}))
    const method = operation.method.toUpperCase()

    app.route({
      method,
      url: path.replace(/\{([^}]+)\}/g, ':$1'),
      config: { operationId, errorModel: handler.errorModel },
      handler(request, reply) {
        requireAcceptedMediaType(request, accepted, handler.errorModel)
        return handler.handle(request, reply, {
          problems() {
            const input = { path: request.params, header: request.headers, requestBody: request.body }
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
