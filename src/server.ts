import Fastify, { type FastifyInstance } from 'fastify'
import type { MockDwollaOptions } from './config.js'
import { registerAdminApi } from './admin/admin-api.js'
import { applyFixtureRules } from './fixture-rules/apply-fixture-rules.js'
import { registerBodyParsers } from './http/body-parsers.js'
import { registerBasicCredentials } from './http/client-credentials.js'
import { answerClientError, answerFrameworkError, answerUnmetExpectation, installErrorHandling } from './http/error-handler.js'
import { registerMultipart, takesMultipart } from './http/multipart.js'
import { allowedMethodsByPath, registerOperations } from './http/openapi-routes.js'
import { loadOperationTable } from './http/operation-table.js'
import { openRequest, type OpenRequest } from './http/request-context.js'
import { generateRequestId } from './http/request-id.js'
import { logArrival, logsArrivals } from './http/request-log.js'
import { createLogger } from './logger.js'
import { createMockState, type MockState } from './mock-state.js'
import type { StateFileWriter } from './persistence/state-file-writer.js'
import { RESOURCES } from './resources/registry.js'
import { operationHandlers } from './resources/operation-handlers.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The mock's tokens, fixture rules and settings, for tests and the admin surface. */
    mockDwolla: MockState
  }
}

/**
 * Builds the mock as a Fastify instance that never listens: use `inject()` in-process, or
 * `listen()` yourself (see start.ts). Options and fixture files are checked first; a bad one
 * throws StartupError naming it.
 */
export async function buildServer(options: MockDwollaOptions = {}): Promise<FastifyInstance> {
  const state = await createMockState(options)
  const table = await loadOperationTable()

  const app = Fastify({
    // Fastify gets no logger, so it loads no pino and builds no logger per request; the mock's
    // own (logger.ts) takes its place as app.log, and writes one line per request itself.
    logger: false,
    bodyLimit: state.options.bodyLimit,
    genReqId: generateRequestId,
    // Never trust a client-sent id: Dwolla generates its own for every response.
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    // Requests are validated against the OpenAPI document (compiled at build time), never by
    // Fastify route schemas: so Fastify need not load Ajv and fast-json-stringify for them, a
    // sixth of a cold start.
    schemaController: { compilersFactory: { buildValidator: noRouteSchemas, buildSerializer: noRouteSchemas } },
    clientErrorHandler: answerClientError,
    // Bound below: `open` needs the state, and Fastify calls this only once requests arrive.
    frameworkErrors: (error, request, reply) => answerFrameworkError(error, request, reply, open),
    // Slow clients are answered 408 by answerClientError (Node reports ERR_HTTP_REQUEST_TIMEOUT).
    requestTimeout: state.options.requestTimeoutMs,
    http: { headersTimeout: state.options.headersTimeoutMs, connectionsCheckingInterval: timeoutCheckInterval(state.options) },
  })
  const log = createLogger(state.options.logger)
  if (log !== undefined) app.log = log as unknown as FastifyInstance['log']
  app.decorate('mockDwolla', state)
  app.server.on('checkExpectation', answerUnmetExpectation)
  // Declared up front so every request object has the same shape (request-context.ts).
  app.decorateRequest('mockContext', undefined)
  const open: OpenRequest = (request, reply, route) => openRequest(request, reply, route, state)

  registerBodyParsers(app)
  await registerBasicCredentials(app)
  installErrorHandling(app, allowedMethodsByPath(table), open)
  const handlers = operationHandlers(RESOURCES, state)
  const steps = { open, answerWithFixture: applyFixtureRules(state) }
  registerOperations(app, { ...table, operations: table.operations.filter((operation) => !takesMultipart(operation)) }, handlers, steps)
  // The upload routes in a context of their own: only they parse multipart bodies.
  await app.register(async (uploads) => {
    await registerMultipart(uploads)
    registerOperations(uploads, { ...table, operations: table.operations.filter(takesMultipart) }, handlers, steps)
  })
  // Only at trace: each request's arrival is logged as it comes in.
  if (logsArrivals(app.log)) {
    app.addHook('onRequest', (request, _reply, done) => {
      logArrival(request)
      done()
    })
  }
  await registerAdminApi(app, state, table, open, RESOURCES)
  // Webhook deliveries never hold a shutdown: what is in flight is aborted, what waits dropped.
  app.addHook('onClose', (_app, done) => {
    state.webhooks.close()
    done()
  })
  state.webhooks.onAttempt = (webhook, attempt) =>
    app.log.info(
      {
        webhook: webhook.id,
        subscription: webhook.subscriptionId,
        topic: webhook.topic,
        cause: attempt.cause,
        status: attempt.response.statusCode,
        error: attempt.error,
      },
      attempt.succeeded ? 'webhook delivered' : 'webhook delivery failed',
    )
  const forget = state.worlds.onEvict
  state.worlds.onEvict = (world, reason) => {
    forget?.(world, reason)
    app.log.warn({ application: world.clientId }, `dropped application ${world.clientId}'s state: ${reason}`)
  }
  if (state.stateFile !== undefined) keepStateFile(app, state.stateFile)
  return app
}

/**
 * With a state file, no answer goes out before the changes made so far are on disk: an answered
 * change survives `kill -9` (every answer, API or admin, passes here on its way out; without a
 * state file this hook is not there at all). Close writes what is pending, and rejects if it
 * cannot. What the start found (stale temporary files, a torn last change) is logged.
 */
function keepStateFile(app: FastifyInstance, stateFile: StateFileWriter): void {
  for (const notice of stateFile.notices) app.log.warn(notice)
  stateFile.onError = (error) => app.log.error({ err: error }, `could not write the state file ${stateFile.path}; answers go out, and the write is tried again`)
  app.addHook('onSend', (_request, _reply, payload, done) => {
    const written = stateFile.durable()
    if (written === undefined) return done(null, payload)
    void written.then(() => done(null, payload))
  })
  app.addHook('onClose', () => stateFile.flush())
}

/**
 * Node checks for requests past their timeout on an interval (30 s by default, which would let a
 * 10 s timeout run to 40 s): at least every second, and twice per timeout for shorter ones.
 */
function timeoutCheckInterval({ headersTimeoutMs }: { headersTimeoutMs: number }): number {
  return Math.min(1_000, Math.ceil(headersTimeoutMs / 2))
}

function noRouteSchemas(): never {
  throw new Error('mock-dwolla declares no Fastify route schemas: requests are checked against its OpenAPI document')
}
