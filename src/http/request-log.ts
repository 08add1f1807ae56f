import type { FastifyBaseLogger, FastifyRequest } from 'fastify'
import { Redactor, secretsOf } from '../journal/redact.js'
import type { RequestContext } from './request-context.js'

type Level = 'trace' | 'debug' | 'info'

/** pino has isLevelEnabled; Fastify's null logger (logging off) has not, and logs nothing. */
function enabled(log: FastifyBaseLogger, level: Level): boolean {
  const check = (log as { isLevelEnabled?: (level: string) => boolean }).isLevelEnabled
  return check !== undefined && check.call(log, level)
}

/** The request's path and query as logs show them: secrets redacted by what they are. */
function loggedPath(request: FastifyRequest): string {
  const known = request.server.mockDwolla.options.applications.map((application) => application.secret)
  return new Redactor(known).with(secretsOf(request.headers.authorization, request.body)).text(request.url)
}

/**
 * One line when a request ends. At info, only the requests that did not get their normal
 * success answer: errors, fixture answers and faults (status null: nothing was answered). At
 * debug, every request, with the fixture rule that answered it or null when none did. Each
 * line has the method, path, status, duration, request id, fixture rule and, for a refused
 * request, why. The line is only built when its level is on: at info a success costs a check.
 */
export function logRequestEnd(request: FastifyRequest, context: RequestContext | undefined, status: number | null, durationMs: number): void {
  const fixtureRule = context?.fixtureRule
  const level: Level = status === null || status >= 400 || fixtureRule !== undefined ? 'info' : 'debug'
  if (!enabled(request.server.log, level)) return
  const path = loggedPath(request)
  request.server.log[level](
    {
      reqId: request.id,
      method: request.method,
      path,
      status,
      durationMs: Math.round(durationMs * 1000) / 1000,
      fixtureRule: fixtureRule ?? null,
      refusal: context?.refusal,
    },
    `${request.method} ${path} ${status ?? '(no answer)'}`,
  )
}

/** At trace, a line when a request arrives, so one that never ends still shows. */
export function logArrival(request: FastifyRequest): void {
  if (!enabled(request.server.log, 'trace')) return
  const path = loggedPath(request)
  request.server.log.trace({ reqId: request.id, method: request.method, path }, `${request.method} ${path} arrived`)
}

/** At debug, a line when a fixture rule starts delaying a request. */
export function logDelay(request: FastifyRequest, context: RequestContext, delayMs: number): void {
  if (!enabled(request.server.log, 'debug')) return
  const path = loggedPath(request)
  request.server.log.debug(
    { reqId: request.id, method: request.method, path, fixtureRule: context.fixtureRule, delayMs },
    `delaying ${request.method} ${path} ${delayMs} ms`,
  )
}

/** Whether the logger logs at trace (then arrivals are logged too). */
export function logsArrivals(log: FastifyBaseLogger): boolean {
  return enabled(log, 'trace')
}
