import type { FastifyReply, FastifyRequest } from 'fastify'
import { RequestFacts } from '../fixture-rules/request-facts.js'
import type { MockContext } from '../world/mock-context.js'
import { allowPageToRead } from './cors.js'
import type { ErrorModel } from './error-model.js'
import type { RequestValidator } from './operation-table.js'
import { classifyProblems, type RequestProblems, type SchemaViolation } from './validation-errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** What the mock knows about this request while it is handled; set when it reaches an answer. */
    mockContext?: RequestContext
  }
}

/** Dwolla gives every response an X-Request-Id, a lowercase UUID v4 (also Fastify's request id). */
const REQUEST_ID_HEADER = 'x-request-id'

/** Which operation a request is for, as its route knows it. */
export interface RouteFacts {
  operationId: string | undefined
  errorModel: ErrorModel
  /** The operation's request validators (built by openapi-backend from the document). */
  validators?: readonly RequestValidator[]
}

/** For answers that are no operation's: a path the document does not have, an admin call. */
export const NO_OPERATION: RouteFacts = Object.freeze({ operationId: undefined, errorModel: 'dwolla' })

/**
 * One request to the API (or a path it does not have) on its way through the mock: made once, by
 * whichever answers first (the operation's route, the error handler, the 404 handler), and read
 * by the handler, the fixture rules, the journal and the request log. It is the request's facts
 * (what fixture rules match on) and the document's verdict on it, each worked out once, plus
 * what happened to it. One object per request: what a request allocates, it pays for in GC.
 */
export class RequestContext extends RequestFacts {
  /** The id of the fixture rule that answered or delayed the request. */
  fixtureRule: string | undefined = undefined
  /** That rule's name, if it has one, else its id: how the journal's `reason` names it. */
  fixtureRuleLabel: string | undefined = undefined
  /** Why the request was refused: the error code, and for validation errors the fields. */
  refusal: string | undefined = undefined
  /** The error code answered, for the journal. */
  errorCode: string | undefined = undefined
  /** The rule or check that refused it, for the journal: a fixture rule, a validation path, an auth failure. */
  errorReason: string | undefined = undefined
  /** Journaled and logged: a request ends once, however it ends (answered, dropped, abandoned). */
  ended = false
  /** When its handling began (performance.now()), for its duration. */
  readonly startedAt = performance.now()
  /** The Bearer token's lookup and the store it was looked up in (bearer-token.ts). */
  bearerTokens: unknown = undefined
  bearerFound: unknown = undefined
  readonly errorModel: ErrorModel
  readonly #request: FastifyRequest
  readonly #validators: readonly RequestValidator[]

  constructor(
    request: FastifyRequest,
    route: RouteFacts,
    /** When it arrived, by the mock's clock. */
    readonly receivedAt: number,
    mock: MockContext,
  ) {
    super(request, route.operationId, mock)
    this.errorModel = route.errorModel
    this.#request = request
    this.#validators = route.validators ?? []
  }

  /** The document's verdict on the request: runs the operation's validators (once per call). */
  problems(): RequestProblems {
    const request = this.#request
    const input = { path: request.params, query: request.query, header: request.headers, requestBody: request.body }
    const violations: SchemaViolation[] = []
    for (const validate of this.#validators) {
      if (!validate(input)) violations.push(...(validate.errors ?? []))
    }
    return classifyProblems(violations)
  }
}

/** Opens a request's context; bound to the mock's state by the server. */
export type OpenRequest = (request: FastifyRequest, reply: FastifyReply, route: RouteFacts) => RequestContext

/** The request's context, made (and its X-Request-Id set) on first call. */
export function openRequest(request: FastifyRequest, reply: FastifyReply, route: RouteFacts, mock: MockContext): RequestContext {
  if (request.mockContext !== undefined) return request.mockContext
  reply.header(REQUEST_ID_HEADER, request.id)
  allowPageToRead(request, reply)
  request.mockContext = new RequestContext(request, route, mock.clock.now(), mock)
  return request.mockContext
}

/** Notes which check refuses a request, before its error is thrown (the journal shows it). */
export function noteRefusalReason(request: FastifyRequest, reason: string): void {
  if (request.mockContext !== undefined) request.mockContext.errorReason = reason
}

/** For answers outside the API (the admin routes): the header alone. */
export function stampRequestId(request: FastifyRequest, reply: FastifyReply): void {
  reply.header(REQUEST_ID_HEADER, request.id)
}
