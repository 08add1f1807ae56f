import { LogController, type FastifyBaseLogger, type FastifyServerOptions } from 'fastify'

type LoggerOption = FastifyServerOptions['logger']

/**
 * Fastify's logging options for the mock. `false`, an absent logger and level `silent` mean no
 * logger at all (Fastify's null logger: pino is not even loaded). Otherwise the mock writes its
 * own one line per request (request-log.ts) in place of Fastify's two, and requests share the
 * server's logger instead of each building a child: the lines carry their request id themselves.
 */
export function loggingOptions(logger: LoggerOption): Pick<FastifyServerOptions, 'logger' | 'logController' | 'childLoggerFactory'> {
  const silent = logger === false || logger === undefined || (typeof logger === 'object' && (logger as { level?: string }).level === 'silent')
  if (silent) return { logger: false }
  return {
    logger,
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: (serverLogger: FastifyBaseLogger) => serverLogger,
  }
}
