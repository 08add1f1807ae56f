import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import { DwollaError, OAuthError, StartupError } from '../errors.js'
import type { ErrorModel } from './error-model.js'
import { mediaTypeOf } from './media-types.js'
import { OPENAPI_DOCUMENT_PATH, type OperationTable } from './operation-table.js'
import type { RequestContext, RouteFacts } from './request-context.js'
import { endRequest } from './request-end.js'
import type { RequestProblems } from './validation-errors.js'

/** What an operation handler gets besides the request: the document's verdict on it. */
export interface RequestCheck {
  /** Runs the operation's validators (built by openapi-backend from the document) once. */
  problems(): RequestProblems
}

/** One operation of the document, implemented. Keyed by operationId. */
export interface OperationHandler {
  readonly errorModel: ErrorModel
  /** A hook of this route alone, before its body is read (POST /token's Basic credentials). */
  readonly onRequest?: onRequestHookHandler
  /**
   * Its own largest body, in bytes, where the operation's bodies are larger by nature than the
   * `bodyLimit` option allows (a 5,000-item mass payment); past it, 413 as for any body.
   */
  readonly bodyLimit?: number
  /** `context` holds what is already known about the request (its facts, its arrival time, the fixture rule). */
  handle(request: FastifyRequest, reply: FastifyReply, check: RequestCheck, context: RequestContext): unknown
}

/**
 * What a fixture rule made of a request: undefined when no rule matched; true when the rule
 * answered; a promise when it delays, resolving to true if it then answered (or the client left)
 * and false if the operation's normal answer follows.
 */
export type FixtureOutcome = undefined | true | Promise<boolean>

/** The steps every operation's route takes before its handler, given by the server. */
export interface RouteSteps {
  /** The request's context: its X-Request-Id, arrival time and facts. */
  open(request: FastifyRequest, reply: FastifyReply, route: RouteFacts): RequestContext
  /** The fixture rules' turn: the first rule that matches answers instead, or delays. */
  answerWithFixture(request: FastifyRequest, reply: FastifyReply, context: RequestContext): FixtureOutcome
}

/** The methods the document allows on a request path, if the document has it (for 405 and its Allow header). */
export type AllowedMethods = (path: string) => readonly string[] | undefined

/** Each document path becomes a pattern, `{id}` matching one path segment, as the router matches them. */
export function allowedMethodsByPath(table: OperationTable): AllowedMethods {
  const methodsByPath = new Map<string, string[]>()
  for (const { path, method } of table.operations) methodsByPath.set(path, [...(methodsByPath.get(path) ?? []), method])
  const patterns = [...methodsByPath].map(([path, methods]) => {
    const source = path
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      .join('[^/]+')
    return { pattern: new RegExp(`^${source}$`), methods }
  })
  return (path) => patterns.find(({ pattern }) => pattern.test(path))?.methods
}

/**
 * Registers one Fastify route per operation in the document; Fastify's router then does the
 * matching, so nothing routes a request twice. Each route reads top to bottom as the request's
 * way through the mock: its context (request id, arrival), the fixture rules, the accepted body
 * types, then the operation. No global hook does any of this for every request.
 */
export function registerOperations(app: FastifyInstance, table: OperationTable, handlers: Readonly<Record<string, OperationHandler>>, steps: RouteSteps): void {
  for (const { operationId, method, path, mediaTypes, validators } of table.operations) {
    const handler = handlers[operationId]
    if (handler === undefined) throw new StartupError(`${OPENAPI_DOCUMENT_PATH}: ${method} ${path} (${operationId}) has no handler`)
    const accepted = new Set(mediaTypes)
    const route: RouteFacts = { operationId, errorModel: handler.errorModel, validators }
    const operate = (request: FastifyRequest, reply: FastifyReply, context: RequestContext): unknown => {
      requireAcceptedMediaType(request, accepted, handler.errorModel)
      // The context is the check too: it runs the route's validators on the request it holds.
      return answer(request, reply, handler.handle(request, reply, context, context))
    }
    app.route({
      method,
      url: path.replace(/\{([^}]+)\}/g, ':$1'),
      config: { operationId, errorModel: handler.errorModel },
      ...(handler.onRequest === undefined ? {} : { onRequest: handler.onRequest }),
      ...(handler.bodyLimit === undefined ? {} : { bodyLimit: handler.bodyLimit }),
      handler(request, reply) {
        const context = steps.open(request, reply, route)
        const fixture = steps.answerWithFixture(request, reply, context)
        if (fixture === undefined) return operate(request, reply, context)
        if (fixture === true) return undefined
        return fixture.then((answered) => (answered ? undefined : operate(request, reply, context)))
      },
    })
  }
}

/**
 * Sends what an operation answered (unless it sent it itself) and ends the request there: an
 * answer sent is an answer journaled and logged, with no hook to run for every request. What is
 * thrown goes to the error handler, which ends the request the same way.
 */
function answer(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (typeof (payload as PromiseLike<unknown> | undefined)?.then === 'function') {
    return (payload as PromiseLike<unknown>).then((value) => answer(request, reply, value))
  }
  if (!reply.sent) reply.send(payload)
  endRequest(request, reply.statusCode)
  return undefined
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
