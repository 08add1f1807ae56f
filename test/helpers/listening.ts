import type { FastifyInstance } from 'fastify'
import type { Test } from 'tap'
import type { IncomingHttpHeaders } from 'node:http'
import { checkResponsesAgainstDocument } from './openapi-conformance.js'
import { buildServer, type MockDwollaOptions } from '../../src/index.js'

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
}

/**
 * A mock listening on a free loopback port for one test, which also notes every request it
 * receives, so a test can check what an SDK really sent.
 */
export async function listeningMock(t: Test, options?: MockDwollaOptions): Promise<{ url: string; seen: SeenRequest[]; app: FastifyInstance }> {
  const app = await buildServer(options)
  checkResponsesAgainstDocument(app, t)
  const seen: SeenRequest[] = []
  app.addHook('onRequest', async (request) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers })
  })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address() as { port: number }
  return { url: `http://127.0.0.1:${address.port}`, seen, app }
}
