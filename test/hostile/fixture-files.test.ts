import { execFileSync } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, start } from '../../src/index.js'
import { FIXTURE_FILE_LIMIT } from '../../src/fixture-rules/read-fixture-file.js'
import { runCli, startCli } from '../helpers/cli.js'
import { tempFolder } from '../helpers/temp-folder.js'

const mkfifo = (path: string): void => void execFileSync('mkfifo', [path])

t.test(`a fixture file over ${FIXTURE_FILE_LIMIT} bytes is refused`, async (t) => {
  const { write } = await tempFolder(t)
  const body = '{"rules": []}'
  const atLimit = await write('at-limit.json', body.padEnd(FIXTURE_FILE_LIMIT, ' '))
  const app = await buildServer({ fixtures: atLimit })
  await app.close()
  t.pass(`${FIXTURE_FILE_LIMIT} bytes: loaded`)
  const over = await write('over.json', body.padEnd(FIXTURE_FILE_LIMIT + 1, ' '))
  await t.rejects(
    buildServer({ fixtures: over }),
    { name: 'StartupError', message: `${over}: ${FIXTURE_FILE_LIMIT + 1} bytes, over the ${FIXTURE_FILE_LIMIT}-byte limit for a fixture file` },
    'one byte more: refused, with the size and the limit',
  )
})

t.test('a FIFO, a folder or a device in place of a fixture file is refused at start, not read for ever', async (t) => {
  const folder = await tempFolder(t)
  const fifo = join(folder.path, 'rules.json')
  mkfifo(fifo)
  const notRegular = (path: string) => `${path}: not a regular file (a FIFO, socket, device or folder cannot be a fixture file)`
  await t.rejects(buildServer({ fixtures: fifo }), { name: 'StartupError', message: notRegular(fifo) }, 'a FIFO')
  await t.rejects(buildServer({ fixtures: folder.path }), { name: 'StartupError', message: notRegular(folder.path) }, 'a folder')
  await t.rejects(buildServer({ fixtures: '/dev/zero' }), { name: 'StartupError', message: notRegular('/dev/zero') }, 'a device that never ends')
})

t.test('a FIFO swapped in for a watched file is refused on reload, and the server still closes', async (t) => {
  const folder = await tempFolder(t)
  const path = await folder.write('rules.json', '{"rules": []}')
  const server = await start({ fixtures: path, defaultFixtures: false })
  let closed = false
  t.teardown(() => (closed ? undefined : server.close()))
  await rm(path)
  mkfifo(path)
  await t.rejects(
    server.reloadFixtures(),
    { name: 'StartupError', message: `${path}: not a regular file (a FIFO, socket, device or folder cannot be a fixture file)` },
    'reload refuses it',
  )
  await server.close()
  closed = true
  t.pass('close() resolved')
})

t.test('the CLI: a FIFO swapped in under --watch is reported, and SIGTERM still stops it', async (t) => {
  const folder = await tempFolder(t)
  const path = await folder.write('rules.json', '{"rules": []}')
  const cli = await startCli(t, ['--port', '0', '--fixtures', path, '--watch', '--no-default-fixtures'])
  let stderr = ''
  const reported = new Promise<void>((resolve) => {
    cli.child.stderr.on('data', (chunk) => {
      stderr += chunk
      if (stderr.includes('not a regular file')) resolve()
    })
  })
  await rm(path)
  mkfifo(path)
  await reported
  t.match(stderr, /fixtures not reloaded, the last good ones stay in force: .*rules\.json: not a regular file/, 'the reload error is logged')
  cli.stop('SIGTERM')
  t.equal((await cli.exited).code, 0, 'exits 0 on SIGTERM: shutdown is not wedged')
})

const BOMB = [
  'rules: []',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  '',
].join('\n')

t.test('a YAML alias bomb gives file:line and one line, not a stack trace', async (t) => {
  const { write } = await tempFolder(t)
  const path = await write('bomb.yaml', BOMB)
  const message = `${path}:3:8: too many YAML aliases (more than 100 expanded): refused as an alias bomb`
  await t.rejects(buildServer({ fixtures: path }), { name: 'StartupError', message }, 'a StartupError at the first alias')
  const cli = await runCli(['--port', '0', '--fixtures', path])
  t.equal(cli.code, 2, 'the CLI exits 2, as for any bad configuration')
  t.equal(cli.stderr, `mock-dwolla: ${message}\n`, 'one line on stderr')
})

t.test('deep nesting in a fixture file is a one-line StartupError too', async (t) => {
  const { write } = await tempFolder(t)
  const path = await write('deep.yaml', `rules: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)
  const error = await buildServer({ fixtures: path }).then(
    () => undefined,
    (rejected: Error) => rejected,
  )
  t.equal(error?.name, 'StartupError', 'a StartupError')
  t.match(error?.message, new RegExp(`^${path.replaceAll('.', '\\.')}:1:\\d+: not valid JSON or YAML \\([^\\n]+\\)$`), 'naming the file and place, on one line')
})

const SECRET = 'Sup3r-s3cret-Value-0042'

t.test('a startup error never quotes a secret from the fixture file', async (t) => {
  const { write } = await tempFolder(t)
  const cases: Array<[string, string, string]> = [
    // V8 quotes the text around a JSON syntax error: here the secret's tail.
    ['a JSON syntax error right after the secret', 'broken.json', `{"applications": [{"key": "k", "secret": "${SECRET}"}, ]}`],
    ['an unquoted secret in JSON', 'unquoted.json', `{"applications": [{"key": "k", "secret": ${SECRET}}]}`],
    ['a JSON syntax error inside the secret', 'inside.json', `{"applications": [{"key": "k", "secret": "${SECRET.slice(0, 10)}\u0001${SECRET.slice(10)}"}]}`],
    ['a YAML escape error inside the secret', 'escape.yaml', `applications:\n  - key: k\n    secret: "${SECRET.slice(0, 10)}\\q${SECRET.slice(10)}"\n`],
    // A pattern that happens to hold the secret: the message quotes the pattern, minus the secret.
    [
      'a bad pattern holding the secret',
      'pattern.yaml',
      `applications: [{ key: k, secret: "${SECRET}" }]\nrules:\n  - when: { operation: createApplicationAccessToken, body: { pointer: /client_secret, matches: "(${SECRET}" } }\n    respond: { error: invalid_client }\n`,
    ],
    // The secret is known from a condition on client_secret, and scrubbed wherever it appears.
    [
      'a rule naming the secret, and a bad pattern quoting it',
      'equals.yaml',
      `rules:\n  - when:\n      operation: createApplicationAccessToken\n      body: [{ pointer: /client_secret, equals: "${SECRET}" }, { pointer: /x, matches: "[${SECRET}" }]\n    respond: { error: invalid_client }\n`,
    ],
  ]
  for (const [label, file, text] of cases) {
    const path = await write(file, text)
    const error = await buildServer({ fixtures: path }).then(
      () => undefined,
      (rejected: Error) => rejected,
    )
    t.equal(error?.name, 'StartupError', `${label}: refused`)
    t.match(error?.message, new RegExp(`^${path.replaceAll('.', '\\.')}`), `${label}: names the file`)
    const leaked = [...Array(SECRET.length - 3).keys()].map((i) => SECRET.slice(i, i + 4)).filter((part) => error?.message.includes(part))
    t.same(leaked, [], `${label}: no four characters of the secret in "${error?.message}"`)
  }
})
