import fastifyCors, { type FastifyCorsOptions } from '@fastify/cors'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isAdminPath } from '../admin/admin-error.js'

/**
 * What a browser page may do with the API: dwolla-web.js calls it straight from the page with a
 * client token (Dwolla/dwolla.js dwolla-client.js: `mode: 'cors'`, Authorization, Accept,
 * Content-Type). The Origin is echoed with credentials allowed, so any local page works;
 * Location and X-Request-Id are readable by the page.
 */
const API_CORS: FastifyCorsOptions = Object.freeze({
  origin: true,
  credentials: true,
  methods: ['GET', 'HEAD', 'POST'],
  allowedHeaders: ['Authorization', 'Accept', 'Content-Type', 'Idempotency-Key', 'X-Requested-With'],
  exposedHeaders: ['Location', 'X-Request-Id'],
  maxAge: 600,
})

const NO_CORS: FastifyCorsOptions = Object.freeze({ origin: false })

/**
 * CORS for the API routes, preflight included, through @fastify/cors with a delegate that
 * decides per request at the cost of a header lookup: requests without an Origin (servers, SDKs)
 * and the /__mock admin routes get no CORS at all, so no page elsewhere may script the admin
 * API. An OPTIONS that is not a preflight keeps its normal answer (405 with Allow).
 */
export async function registerCors(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCors, {
    delegator: (request: FastifyRequest, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
      const { origin } = request.headers
      const notPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] === undefined
      callback(null, origin === undefined || notPreflight || isAdminPath(request.url) ? NO_CORS : API_CORS)
    },
  })
}
