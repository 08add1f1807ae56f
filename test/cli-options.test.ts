import { delimiter } from 'node:path'
import t from 'tap'
import { DEFAULT_PORT, parseCliOptions, USAGE } from '../src/cli-options.js'
import { formatLine } from '../src/pretty-log.js'

const startOptions = (argv: string[], env: Record<string, string> = {}) => {
  const command = parseCliOptions(argv, env)
  if (command.kind !== 'start') throw new Error(`expected start, got ${command.kind}`)
  return command
}

t.test('defaults', async (t) => {
  const { options, logLevel } = startOptions([])
  t.same(options, { port: DEFAULT_PORT, host: '127.0.0.1', fixtures: [], watchFixtures: false, defaultFixtures: true }, 'documented defaults')
  t.equal(logLevel, 'info', 'info logs')
  t.equal(startOptions([]).exitWithParent, false, 'started directly, it runs until signalled, like any server')
})

t.test('exit with the parent: only under npm exec / npx, where the wrapper would not pass a signal on', async (t) => {
  t.equal(startOptions([], { npm_command: 'exec' }).exitWithParent, true, 'npx and npm exec (npm_command=exec): it watches its parent')
  t.equal(startOptions([], { npm_command: 'run-script' }).exitWithParent, false, 'npm run passes signals on: not watched')
  t.equal(startOptions(['--no-exit-with-parent'], { npm_command: 'exec' }).exitWithParent, false, '--no-exit-with-parent wins under npx')
  t.equal(startOptions([], { npm_command: 'exec', MOCK_DWOLLA_EXIT_WITH_PARENT: 'false' }).exitWithParent, false, 'so does the variable')
  t.equal(startOptions([], { MOCK_DWOLLA_EXIT_WITH_PARENT: 'true' }).exitWithParent, true, 'MOCK_DWOLLA_EXIT_WITH_PARENT=true watches any parent')
})

t.test('environment variables', async (t) => {
  const { options, logLevel } = startOptions([], {
    MOCK_DWOLLA_PORT: '9000',
    MOCK_DWOLLA_HOST: '0.0.0.0',
    MOCK_DWOLLA_FIXTURES: ['a.json', 'b.yaml'].join(delimiter),
    MOCK_DWOLLA_WATCH: 'true',
    MOCK_DWOLLA_DEFAULT_FIXTURES: 'false',
    MOCK_DWOLLA_LOG_LEVEL: 'warn',
  })
  t.same(options, { port: 9000, host: '0.0.0.0', fixtures: ['a.json', 'b.yaml'], watchFixtures: true, defaultFixtures: false }, 'all read')
  t.equal(logLevel, 'warn', 'log level')
  t.equal(startOptions([], { PORT: '7000' }).options.port, DEFAULT_PORT, 'the generic PORT is not read: it belongs to the app under test')
  t.equal(startOptions([], { MOCK_DWOLLA_EXIT_WITH_PARENT: 'false' }).exitWithParent, false, 'MOCK_DWOLLA_EXIT_WITH_PARENT=false opts out')
  t.equal(startOptions([], { MOCK_DWOLLA_HOST: 'localhost' }).hostSource, 'MOCK_DWOLLA_HOST', 'where the host came from, for messages')
  t.equal(startOptions([], { MOCK_DWOLLA_PORT: '' }).options.port, DEFAULT_PORT, 'an empty variable counts as unset')
})

t.test('flags win over the environment', async (t) => {
  const env = {
    MOCK_DWOLLA_PORT: '9000',
    PORT: '7000',
    MOCK_DWOLLA_HOST: '0.0.0.0',
    MOCK_DWOLLA_FIXTURES: 'env.json',
    MOCK_DWOLLA_WATCH: 'false',
    MOCK_DWOLLA_DEFAULT_FIXTURES: 'true',
    MOCK_DWOLLA_LOG_LEVEL: 'warn',
  }
  const { options, logLevel, exitWithParent } = startOptions(
    ['--port', '0', '--host', '::1', '--fixtures', 'flag.json', '--watch', '--no-default-fixtures', '--log-level', 'debug', '--no-exit-with-parent'],
    { ...env, MOCK_DWOLLA_EXIT_WITH_PARENT: 'true' },
  )
  t.same(options, { port: 0, host: '::1', fixtures: ['flag.json'], watchFixtures: true, defaultFixtures: false }, 'every flag wins')
  t.equal(logLevel, 'debug', 'log level flag wins')
  t.equal(exitWithParent, false, '--no-exit-with-parent wins')
})

t.test('the admin token and allowed hosts: flags, then variables; absent unless given', async (t) => {
  const token = 'a-token-of-sixteen+'
  t.same(startOptions(['--admin-token', token]).options.adminToken, token, '--admin-token')
  t.same(startOptions([], { MOCK_DWOLLA_ADMIN_TOKEN: token }).options.adminToken, token, 'MOCK_DWOLLA_ADMIN_TOKEN')
  t.same(startOptions(['--admin-token', `${token}-flag`], { MOCK_DWOLLA_ADMIN_TOKEN: token }).options.adminToken, `${token}-flag`, 'the flag wins')
  t.same(startOptions(['--allowed-host', 'mock', '--allowed-host', 'mock.test']).options.allowedHosts, ['mock', 'mock.test'], '--allowed-host, repeated')
  t.same(
    startOptions([], { MOCK_DWOLLA_ALLOWED_HOSTS: 'mock, mock.test,' }).options.allowedHosts,
    ['mock', 'mock.test'],
    'MOCK_DWOLLA_ALLOWED_HOSTS, comma-separated',
  )
  const { options } = startOptions([])
  t.notOk('adminToken' in options || 'allowedHosts' in options, 'neither is set when not given, so start() decides by the address')
  t.match(USAGE, /--admin-token <token>[\s\S]*--allowed-host <name>/, 'both are in the usage')
})

t.test('bad values name their source', async (t) => {
  const cases: Array<[string[], Record<string, string>, RegExp]> = [
    [['--port=-1'], {}, /^--port: expected a whole number/],
    [['--port', '-1'], {}, /^--port: expected a whole number from 0 to 65535, got "-1"$/],
    [['--fixtures', '-x.json', '--port', '-5'], {}, /^--port: expected a whole number from 0 to 65535, got "-5"$/],
    [[], { MOCK_DWOLLA_PORT: 'http' }, /^MOCK_DWOLLA_PORT: expected a whole number from 0 to 65535, got "http"/],
    [['--watch'], {}, /^--watch: there is no fixture file to watch; name one with --fixtures <file>$/],
    [[], { MOCK_DWOLLA_WATCH: 'true' }, /^MOCK_DWOLLA_WATCH: there is no fixture file to watch/],
    [[], { MOCK_DWOLLA_EXIT_WITH_PARENT: 'sometimes' }, /^MOCK_DWOLLA_EXIT_WITH_PARENT: expected true or false, got "sometimes"/],
    [[], { MOCK_DWOLLA_PORT: '99999' }, /^MOCK_DWOLLA_PORT: expected a whole number/],
    [['--log-level', 'loud'], {}, /^--log-level: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"/],
    [[], { MOCK_DWOLLA_WATCH: 'maybe' }, /^MOCK_DWOLLA_WATCH: expected true or false, got "maybe"/],
    [[], { MOCK_DWOLLA_DEFAULT_FIXTURES: 'nah' }, /^MOCK_DWOLLA_DEFAULT_FIXTURES: expected true or false/],
    [['--host', ' '], {}, /^--host: expected an address/],
  ]
  for (const [argv, env, message] of cases)
    t.throws(() => parseCliOptions(argv, env), { name: 'StartupError', message }, `${argv.join(' ')} ${JSON.stringify(env)}`)
  t.throws(() => parseCliOptions(['stray'], {}), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' }, 'positionals refused')
  t.same(startOptions(['--watch', '--fixtures', 'f.json']).options.fixtures, ['f.json'], '--watch with a file is fine')
  t.same(startOptions(['--fixtures', '-odd-name.json']).options.fixtures, ['-odd-name.json'], 'a dash-led value stays with its flag')
  t.throws(
    () => parseCliOptions(['--port', '-h'], {}),
    { message: /^--port: expected a whole number from 0 to 65535, got "-h"$/ },
    'a dash-led word after --port is its value',
  )
  t.throws(() => parseCliOptions(['--port', '--watch'], {}), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' }, 'a --flag after --port is not taken as its value')
})

t.test('help and version', async (t) => {
  t.same(parseCliOptions(['--help'], {}), { kind: 'help' }, '--help')
  t.same(parseCliOptions(['-v'], {}), { kind: 'version' }, '-v')
})

t.test('pretty log lines', async (t) => {
  const time = Date.parse('2026-01-01T10:20:30.456Z')
  t.equal(
    formatLine({ level: 30, time, msg: 'Server listening at http://127.0.0.1:8910' }),
    '10:20:30.456 INFO  Server listening at http://127.0.0.1:8910',
    'a message',
  )
  t.equal(
    formatLine({ level: 30, time, msg: 'POST /client-tokens 403', reqId: 'abc', durationMs: 0.412, fixtureRule: 'defaults#/rules/0', refusal: 'Forbidden' }),
    '10:20:30.456 INFO  POST /client-tokens 403 (0.4 ms) rule defaults#/rules/0 — Forbidden [abc]',
    'a refused request: status, duration, the rule that answered, why, its request id',
  )
  t.equal(
    formatLine({ level: 20, time, msg: 'POST /token 200', reqId: 'abc', durationMs: 1.234, fixtureRule: null }),
    '10:20:30.456 DEBUG POST /token 200 (1.2 ms) no rule [abc]',
    'at debug, a success and that no rule answered it',
  )
  t.equal(
    formatLine({ level: 50, time, msg: 'boom', reqId: 'abc', err: { message: 'clock broke' } }),
    '10:20:30.456 ERROR boom — clock broke [abc]',
    'an error with its request id',
  )
})
