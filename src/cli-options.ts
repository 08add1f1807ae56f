import { delimiter } from 'node:path'
import { parseArgs } from 'node:util'
import { StartupError } from './errors.js'
import { DEFAULT_HOST, type StartOptions } from './start.js'

/** The CLI's default port, documented in the README; the library itself defaults to 0 (free). */
export const DEFAULT_PORT = 8910
const DEFAULT_LOG_LEVEL = 'info'
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const USAGE = `Usage: mock-dwolla [options]

A local mock of the Dwolla API: tokens, client tokens, customers.

Options (environment variable in brackets; flags win over the environment):
  --port <n>              port, 0 for a free one (default ${DEFAULT_PORT}) [MOCK_DWOLLA_PORT, PORT]
  --host <addr>           address to bind (default ${DEFAULT_HOST}) [MOCK_DWOLLA_HOST]
  --fixtures <file>       a fixture file, JSON or YAML; repeat to add more
                          [MOCK_DWOLLA_FIXTURES, files separated by "${delimiter}"]
  --watch                 reload fixture files when they change [MOCK_DWOLLA_WATCH=true]
  --no-default-fixtures   turn off the shipped magic values [MOCK_DWOLLA_DEFAULT_FIXTURES=false]
  --log-level <level>     ${LOG_LEVELS.join(', ')} (default ${DEFAULT_LOG_LEVEL}) [MOCK_DWOLLA_LOG_LEVEL]
  --public-url <url>      base URL of Location and _links hrefs (default: each request's Host) [MOCK_DWOLLA_PUBLIC_URL]
  --state <file>          keep customers in this file across restarts (default: memory only) [MOCK_DWOLLA_STATE]
  -h, --help              show this help
  -v, --version           show the version

When ready it prints one line on stdout, MOCK_DWOLLA_URL=<url>; logs go to stderr.
`

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'start'; options: StartOptions & { host: string; port: number }; logLevel: LogLevel }

/**
 * argv and the environment to what to do: the only place either is read. Precedence: flags,
 * then environment variables, then defaults. A bad value throws StartupError naming its source.
 */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string', multiple: true },
      watch: { type: 'boolean' },
      'no-default-fixtures': { type: 'boolean' },
      'log-level': { type: 'string' },
      'public-url': { type: 'string' },
      state: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }

  const fromEnv = (name: string): { value: string; source: string } | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : { value: env[name] as string, source: name }
  const pick = (flag: string | undefined, flagName: string, ...envNames: string[]) =>
    flag !== undefined ? { value: flag, source: flagName } : envNames.map(fromEnv).find((found) => found !== undefined)

  const port = pick(values.port, '--port', 'MOCK_DWOLLA_PORT', 'PORT')
  const host = pick(values.host, '--host', 'MOCK_DWOLLA_HOST')
  const logLevel = pick(values['log-level'], '--log-level', 'MOCK_DWOLLA_LOG_LEVEL')
  const publicUrl = pick(values['public-url'], '--public-url', 'MOCK_DWOLLA_PUBLIC_URL')
  const stateFile = pick(values.state, '--state', 'MOCK_DWOLLA_STATE')
  const envFixtures = fromEnv('MOCK_DWOLLA_FIXTURES')
  const watch = values.watch ? undefined : fromEnv('MOCK_DWOLLA_WATCH')
  const defaults = values['no-default-fixtures'] ? undefined : fromEnv('MOCK_DWOLLA_DEFAULT_FIXTURES')

  if (host !== undefined && host.value.trim() === '') throw new StartupError(`${host.source}: expected an address`)
  return {
    kind: 'start',
    logLevel: logLevel === undefined ? DEFAULT_LOG_LEVEL : parseLogLevel(logLevel),
    options: {
      port: port === undefined ? DEFAULT_PORT : parsePort(port),
      host: host?.value ?? DEFAULT_HOST,
      fixtures: values.fixtures ?? envFixtures?.value.split(delimiter).filter((path) => path !== '') ?? [],
      watchFixtures: values.watch ?? (watch === undefined ? false : parseBoolean(watch)),
      defaultFixtures: values['no-default-fixtures'] ? false : defaults === undefined ? true : parseBoolean(defaults),
      ...(publicUrl === undefined ? {} : { publicUrl: publicUrl.value }),
      ...(stateFile === undefined ? {} : { stateFile: stateFile.value }),
    },
  }
}

function parsePort({ value, source }: { value: string; source: string }): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new StartupError(`${source}: expected a whole number from 0 to 65535, got "${value}"`)
  }
  return port
}

function parseLogLevel({ value, source }: { value: string; source: string }): LogLevel {
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new StartupError(`${source}: expected one of ${LOG_LEVELS.join(', ')}, got "${value}"`)
  }
  return value as LogLevel
}

function parseBoolean({ value, source }: { value: string; source: string }): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true
  if (/^(false|0|no)$/i.test(value)) return false
  throw new StartupError(`${source}: expected true or false, got "${value}"`)
}
