import type { FastifyServerOptions } from 'fastify'
import { redactUrl } from '../journal/redact.js'

type LoggerOption = FastifyServerOptions['logger']

/**
 * Fastify's logger with request serialisers that never write a secret: no headers at all
 * (Authorization, cookies) and no secret query values. Bodies are never logged.
 */
export function loggerOptions(logger: LoggerOption): LoggerOption {
  if (logger === false || logger === undefined) return false
  const serializers = {
    req: (request: { method: string; url: string }) => ({ method: request.method, url: redactUrl(request.url) }),
  }
  if (logger === true) return { serializers }
  return { ...logger, serializers: { ...serializers, ...(logger as { serializers?: object }).serializers } }
}
