import Fastify, { type FastifyInstance } from 'fastify'
import { resolveOptions, type MockDwollaOptions } from './config.js'
import { registerBodyParsers } from './http/body-parsers.js'
import { registerBasicAuth } from './http/client-credentials.js'
import { answerClientError, installErrorHandling } from './http/error-handler.js'
import { allowedMethodsByPath, loadOpenApi, registerOperations } from './http/openapi-routes.js'
import { addRequestIdHeader, generateRequestId } from './http/request-id.js'
import { createMockState, type MockState } from './mock-state.js'
import { operationHandlers } from './operations/index.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** The mock's tokens and settings, for tests and the admin surface. */
    mockDwolla: MockState
  }
}

/**
 * Builds the mock as a Fastify instance that never listens: use `inject()` in-process, or
 * `listen()` yourself (see start.ts). Options are checked first; a bad one throws StartupError.
 */
export async function buildServer(options: MockDwollaOptions = {}): Promise<FastifyInstance> {
  const resolved = resolveOptions(options)
  const api = await loadOpenApi()
  const state = createMockState(resolved)

  const app = Fastify({
    logger: resolved.logger,
    bodyLimit: resolved.bodyLimit,
    genReqId: generateRequestId,
    // Never trust a client-sent id: Dwolla generates its own for every response.
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler: answerClientError,
  })
  app.decorate('mockDwolla', state)
  addRequestIdHeader(app)
  registerBodyParsers(app)
  await registerBasicAuth(app, state.credentialCheck)
  installErrorHandling(app, allowedMethodsByPath(api))
  registerOperations(app, api, operationHandlers(app, state))
  return app
}
