import { hostname } from 'node:os'
import { StartupError } from './errors.js'

/** The levels, as pino numbers them; `silent` logs nothing. */
export const LOG_LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const
export type LogLevel = keyof typeof LOG_LEVELS

/** Where lines go: anything with `write(line)`, such as process.stderr. */
export interface LogStream {
  write(line: string): unknown
}

/** The `logger` option: false (no logging), true (info, to stdout), or a level and a stream. */
export type LoggerOption = boolean | { level?: LogLevel; stream?: LogStream }

type LogMethod = (fields: object | string, message?: string) => void

/** The mock's logger: Fastify's logger interface, writing pino's JSON line format. */
export interface MockLogger {
  readonly level: LogLevel
  isLevelEnabled(level: LogLevel): boolean
  trace: LogMethod
  debug: LogMethod
  info: LogMethod
  warn: LogMethod
  error: LogMethod
  fatal: LogMethod
  child(): MockLogger
}

/** Checks the option (naming what is wrong) and fills in its defaults. */
export function loggerOption(value: unknown): LoggerOption {
  if (typeof value === 'boolean') return value
  if (typeof value !== 'object' || value === null)
    throw new StartupError(`option logger: expected true, false or { level, stream }, got ${JSON.stringify(value)}`)
  const { level = 'info', stream, ...rest } = value as { level?: unknown; stream?: unknown }
  const unknown = Object.keys(rest)[0]
  if (unknown !== undefined) throw new StartupError(`option logger: unknown key "${unknown}" (give level and stream)`)
  if (typeof level !== 'string' || !Object.hasOwn(LOG_LEVELS, level)) {
    throw new StartupError(`option logger.level: expected one of ${Object.keys(LOG_LEVELS).join(', ')}, got ${JSON.stringify(level)}`)
  }
  if (stream !== undefined && typeof (stream as Partial<LogStream>).write !== 'function')
    throw new StartupError('option logger.stream: expected an object with a write(line) method')
  return { level: level as LogLevel, ...(stream === undefined ? {} : { stream: stream as LogStream }) }
}

/**
 * The logger for an option, or undefined when nothing is to be logged (false, or `silent`).
 * A small writer of pino's JSON lines instead of pino itself: the mock writes a handful of
 * lines, and loading pino was a twentieth of its start-up (issue 11). Fastify is given no logger
 * at all, so it builds none per request either.
 */
export function createLogger(option: LoggerOption): MockLogger | undefined {
  if (option === false) return undefined
  const { level = 'info', stream = process.stdout } = option === true ? {} : option
  if (level === 'silent') return undefined
  const threshold = LOG_LEVELS[level]
  const base = `"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`
  const method = (name: Exclude<LogLevel, 'silent'>): LogMethod => {
    const number = LOG_LEVELS[name]
    if (number < threshold) return () => undefined
    return (fields, message) => {
      const [object, msg] = typeof fields === 'string' ? [{}, fields] : [fields, message]
      const body = JSON.stringify({ ...serialized(object), ...(msg === undefined ? {} : { msg }) })
      stream.write(`{"level":${number},"time":${Date.now()},${base}${body === '{}' ? '' : `,${body.slice(1, -1)}`}}\n`)
    }
  }
  const logger: MockLogger = {
    level,
    isLevelEnabled: (name) => LOG_LEVELS[name] >= threshold,
    trace: method('trace'),
    debug: method('debug'),
    info: method('info'),
    warn: method('warn'),
    error: method('error'),
    fatal: method('fatal'),
    child: () => logger,
  }
  return logger
}

/** Errors under `err` as pino writes them: type, message, stack. */
function serialized(fields: object): object {
  const { err } = fields as { err?: unknown }
  if (!(err instanceof Error)) return fields
  return { ...fields, err: { type: err.name, message: err.message, stack: err.stack } }
}
