import { delimiter } from 'node:path'
import { parseArgs } from 'node:util'
import { StartupError } from './errors.js'
import { DEFAULT_HOST, type StartOptions } from './start.js'
import type { RetrySchedule } from './webhook-delivery/retry-schedule.js'

/** The CLI's default port, documented in the README; the library itself defaults to 0 (free). */
export const DEFAULT_PORT = 8910
const DEFAULT_LOG_LEVEL = 'info'
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const USAGE = `Usage: mock-dwolla [options]

A local mock of the Dwolla API: tokens, client tokens, customers.

Options (environment variable in brackets; flags win over the environment):
  --port <n>              port, 0 for a free one (default ${DEFAULT_PORT}) [MOCK_DWOLLA_PORT]
  --host <addr>           address to bind (default ${DEFAULT_HOST}) [MOCK_DWOLLA_HOST]
  --fixtures <file>       a fixture file, JSON or YAML; repeat to add more
                          [MOCK_DWOLLA_FIXTURES, files separated by "${delimiter}"]
  --watch                 reload fixture files when they change [MOCK_DWOLLA_WATCH=true]
  --no-default-fixtures   turn off the shipped magic values [MOCK_DWOLLA_DEFAULT_FIXTURES=false]
  --log-level <level>     ${LOG_LEVELS.join(', ')} (default ${DEFAULT_LOG_LEVEL}) [MOCK_DWOLLA_LOG_LEVEL]
  --no-exit-with-parent   keep running when the process that started this one exits; by default
                          it exits with it only when started through npx or npm exec
                          [MOCK_DWOLLA_EXIT_WITH_PARENT=false, or true to exit with any parent]
  --admin-token <token>   the token /__mock needs (Authorization: Bearer), at least 16 characters;
                          made up and printed on stderr when --host is not loopback and none
                          is given (prefer the variable: flags show in ps) [MOCK_DWOLLA_ADMIN_TOKEN]
  --allowed-host <name>   a Host name /__mock answers to besides localhost, 127.0.0.1 and [::1];
                          repeat to add more, "*" for any [MOCK_DWOLLA_ALLOWED_HOSTS, comma-separated]
  --public-url <url>      base URL of Location and _links hrefs (default: each request's Host) [MOCK_DWOLLA_PUBLIC_URL]
  --state <file>          keep customers, funding sources and balances in this file across restarts
                          (default: memory only) [MOCK_DWOLLA_STATE]
  --webhook-retry-schedule <schedule>
                          when failed webhooks are tried again: scaled (Dwolla's schedule, each hour
                          a second; the default), dwolla (15 min ... 24 h), none, or delays in ms
                          separated by commas [MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE]
  -h, --help              show this help
  -v, --version           show the version

When ready it prints one line on stdout, MOCK_DWOLLA_URL=<url>; logs go to stderr.
`

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'start'; options: StartOptions & { host: string; port: number }; logLevel: LogLevel; exitWithParent: boolean; hostSource: string }

/** The flags that take a value, so that a value starting with a dash (`--port -1`) stays theirs. */
const VALUE_FLAGS = new Set([
  '--port',
  '--host',
  '--fixtures',
  '--log-level',
  '--admin-token',
  '--allowed-host',
  '--public-url',
  '--state',
  '--webhook-retry-schedule',
])

/**
 * argv and the environment to what to do: the only place either is read. Precedence: flags,
 * then environment variables, then defaults. A bad value throws StartupError naming its source.
 */
export function parseCliOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  const { values } = parseArgs({
    args: attachDashedValues(argv),
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      fixtures: { type: 'string', multiple: true },
      watch: { type: 'boolean' },
      'no-default-fixtures': { type: 'boolean' },
      'log-level': { type: 'string' },
      'no-exit-with-parent': { type: 'boolean' },
      'admin-token': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'public-url': { type: 'string' },
      state: { type: 'string' },
      'webhook-retry-schedule': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (values.help) return { kind: 'help' }
  if (values.version) return { kind: 'version' }

  const fromEnv = (name: string): { value: string; source: string } | undefined =>
    env[name] === undefined || env[name] === '' ? undefined : { value: env[name], source: name }
  const pick = (flag: string | undefined, flagName: string, ...envNames: string[]) =>
    flag !== undefined ? { value: flag, source: flagName } : envNames.map(fromEnv).find((found) => found !== undefined)

  // Not the generic PORT: it belongs to the app under test, often started from the same shell.
  const port = pick(values.port, '--port', 'MOCK_DWOLLA_PORT')
  const host = pick(values.host, '--host', 'MOCK_DWOLLA_HOST')
  const logLevel = pick(values['log-level'], '--log-level', 'MOCK_DWOLLA_LOG_LEVEL')
  const publicUrl = pick(values['public-url'], '--public-url', 'MOCK_DWOLLA_PUBLIC_URL')
  const stateFile = pick(values.state, '--state', 'MOCK_DWOLLA_STATE')
  const retrySchedule = pick(values['webhook-retry-schedule'], '--webhook-retry-schedule', 'MOCK_DWOLLA_WEBHOOK_RETRY_SCHEDULE')
  const envFixtures = fromEnv('MOCK_DWOLLA_FIXTURES')
  const watch = values.watch ? undefined : fromEnv('MOCK_DWOLLA_WATCH')
  const defaults = values['no-default-fixtures'] ? undefined : fromEnv('MOCK_DWOLLA_DEFAULT_FIXTURES')
  const exitWithParent = values['no-exit-with-parent'] ? undefined : fromEnv('MOCK_DWOLLA_EXIT_WITH_PARENT')
  const adminToken = pick(values['admin-token'], '--admin-token', 'MOCK_DWOLLA_ADMIN_TOKEN')
  const allowedHosts =
    values['allowed-host'] ??
    fromEnv('MOCK_DWOLLA_ALLOWED_HOSTS')
      ?.value.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '')

  if (host !== undefined && host.value.trim() === '') throw new StartupError(`${host.source}: expected an address`)
  const fixtures = values.fixtures ?? envFixtures?.value.split(delimiter).filter((path) => path !== '') ?? []
  const watchFixtures = values.watch ?? (watch === undefined ? false : parseBoolean(watch))
  if (watchFixtures && fixtures.length === 0) {
    const source = values.watch ? '--watch' : 'MOCK_DWOLLA_WATCH'
    throw new StartupError(`${source}: there is no fixture file to watch; name one with --fixtures <file>`)
  }
  return {
    kind: 'start',
    logLevel: logLevel === undefined ? DEFAULT_LOG_LEVEL : parseLogLevel(logLevel),
    hostSource: host?.source ?? '--host',
    exitWithParent: values['no-exit-with-parent'] ? false : exitWithParent === undefined ? startedThroughNpmExec(env) : parseBoolean(exitWithParent),
    options: {
      port: port === undefined ? DEFAULT_PORT : parsePort(port),
      host: host?.value ?? DEFAULT_HOST,
      fixtures,
      watchFixtures,
      defaultFixtures: values['no-default-fixtures'] ? false : defaults === undefined ? true : parseBoolean(defaults),
      // Only when given: start() then decides by the address (a made-up token off loopback).
      ...(adminToken === undefined ? {} : { adminToken: adminToken.value }),
      ...(allowedHosts === undefined ? {} : { allowedHosts }),
      ...(publicUrl === undefined ? {} : { publicUrl: publicUrl.value }),
      ...(stateFile === undefined ? {} : { stateFile: stateFile.value }),
      ...(retrySchedule === undefined ? {} : { webhookRetrySchedule: parseRetrySchedule(retrySchedule) }),
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

/** `scaled`, `dwolla`, `none`, or delays in milliseconds separated by commas (checked in depth by the options). */
function parseRetrySchedule({ value, source }: { value: string; source: string }): RetrySchedule {
  if (value === 'scaled' || value === 'dwolla') return value
  if (value === 'none') return []
  if (!/^\d+(,\d+)*$/.test(value)) {
    throw new StartupError(`${source}: expected scaled, dwolla, none or delays in milliseconds separated by commas, got "${value}"`)
  }
  return value.split(',').map(Number)
}

function parseBoolean({ value, source }: { value: string; source: string }): boolean {
  if (/^(true|1|yes)$/i.test(value)) return true
  if (/^(false|0|no)$/i.test(value)) return false
  throw new StartupError(`${source}: expected true or false, got "${value}"`)
}

/**
 * parseArgs refuses `--port -1` as an "ambiguous" missing value, a message that hides the real
 * problem. A word with one leading dash after a flag that takes a value is joined to it
 * (`--port=-1`), so the value's own check names what is wrong; a `--flag` there is left alone.
 */
function attachDashedValues(argv: readonly string[]): string[] {
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    const next = argv[i + 1]
    if (VALUE_FLAGS.has(arg) && next !== undefined && /^-[^-]/.test(next)) {
      args.push(`${arg}=${next}`)
      i += 1
    } else {
      args.push(arg)
    }
  }
  return args
}

/**
 * Whether npm started this process with `npm exec` or `npx` (npm 7 and later set `npm_command` to
 * `exec` for both). There, killing the wrapper (`kill $!` after `npx mock-dwolla &`) does not pass
 * the signal on, and would orphan the server: it watches its parent. Started directly (by a shell,
 * a process manager, `npm run`, which passes signals on), it runs until it is signalled, like any
 * server, so a CI step that starts it in the background and ends leaves it running (issue 26).
 */
export function startedThroughNpmExec(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.npm_command === 'exec'
}
