import t from 'tap'
import { runCli, startCli } from '../helpers/cli.js'
import { tempFolder } from '../helpers/temp-folder.js'

const tokenRequest = (url: string) =>
  fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })

t.test('starts on loopback, prints its URL, serves, and stops on SIGTERM', async (t) => {
  const { url, child, exited } = await startCli(t, ['--port', '0'])
  t.match(url, /^http:\/\/127\.0\.0\.1:\d+$/, 'bound to 127.0.0.1 on a free port')
  const response = await tokenRequest(url)
  t.equal(response.status, 200, 'serves /token')
  const health = (await (await fetch(`${url}/__mock/health`)).json()) as { openapi: { source: string } }
  t.equal(health.openapi.source, 'compiled', 'routes and validators come from the build, compiled from the document')
  child.kill('SIGTERM')
  const result = await exited
  t.equal(result.code, 0, 'exits 0 on SIGTERM')
})

t.test('stops on SIGINT too', async (t) => {
  const { child, exited } = await startCli(t, ['--port', '0'])
  child.kill('SIGINT')
  t.equal((await exited).code, 0, 'exits 0 on SIGINT')
})

t.test('--host binds where told', async (t) => {
  const { url } = await startCli(t, ['--port', '0', '--host', 'localhost'])
  t.match(url, /^http:\/\/(127\.0\.0\.1|\[::1\]):\d+$/, 'a loopback address')
  t.equal((await tokenRequest(url)).status, 200, 'serves')
})

t.test('--help and --version', async (t) => {
  const help = await runCli(['--help'])
  t.equal(help.code, 0, '--help exits 0')
  t.match(help.stdout, /Usage: mock-dwolla/, 'prints usage')
  t.match(help.stdout, /--port/, 'documents --port')
  const version = await runCli(['--version'])
  t.equal(version.code, 0, '--version exits 0')
  t.match(version.stdout, /^\d+\.\d+\.\d+\n$/, 'prints the version')
})

t.test('bad flags fail clearly with a non-zero exit', async (t) => {
  const cases: Array<[string[], RegExp]> = [
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', 'abc'], /--port: expected a whole number from 0 to 65535, got "abc"/],
    [['--port', '70000'], /--port: expected a whole number/],
    [['--port'], /--port/],
    [['--port', '-1'], /^mock-dwolla: --port: expected a whole number from 0 to 65535, got "-1"\n$/],
    [['--watch'], /^mock-dwolla: --watch: there is no fixture file to watch; name one with --fixtures <file>\n$/],
    [['--host', 'nowhere.invalid'], /^mock-dwolla: --host: cannot resolve "nowhere\.invalid" \((ENOTFOUND|EAI_AGAIN)\)\n$/],
  ]
  for (const [args, message] of cases) {
    const result = await runCli(args)
    t.equal(result.code, 2, `${args.join(' ')}: exit 2`)
    t.match(result.stderr, message, `${args.join(' ')}: names the problem`)
    t.notMatch(result.stderr, /\n\s+at /, 'no stack trace')
  }
})

t.test('a port in use fails clearly', async (t) => {
  const first = await startCli(t, ['--port', '0'])
  const port = new URL(first.url).port
  const second = await runCli(['--port', port])
  t.equal(second.code, 2, 'exit 2')
  t.match(second.stderr, /EADDRINUSE|address already in use/, 'says the address is in use')
})

t.test('--fixtures (repeatable) and --no-default-fixtures', async (t) => {
  const folder = await tempFolder(t)
  const a = await folder.write('a.yaml', 'applications: [{ key: from-a, secret: s }]\n')
  const b = await folder.write('b.json', JSON.stringify({ applications: [{ key: 'from-b', secret: 's' }] }))
  const { url } = await startCli(t, ['--port', '0', '--fixtures', a, '--fixtures', b, '--no-default-fixtures'])
  const token = (key: string) =>
    fetch(`${url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${key}&client_secret=s&grant_type=client_credentials`,
    })
  t.equal((await token('from-a')).status, 200, 'the first file')
  t.equal((await token('from-b')).status, 200, 'the second file adds to it')
  t.equal((await token('someone')).status, 401, 'nobody else')
  const rules = (await (await fetch(`${url}/__mock/fixtures`)).json()) as { rules: unknown[] }
  t.same(rules.rules, [], 'no shipped defaults')
})

t.test('a broken fixture file stops the start with a message naming it', async (t) => {
  const folder = await tempFolder(t)
  const bad = await folder.write('bad.yaml', 'rules:\n  - when: { operation: createClientToken }\n    respond: { error: Nope }\n')
  const result = await runCli(['--port', '0', '--fixtures', bad])
  t.equal(result.code, 2, 'exit 2')
  t.match(result.stderr, `${bad}:3:23 at /rules/0/respond/error: must be one of`, 'file, line, pointer and problem')
})

t.test('--watch reports reloads on stderr', async (t) => {
  const folder = await tempFolder(t)
  const file = await folder.write('f.json', '{}')
  const { child } = await startCli(t, ['--port', '0', '--fixtures', file, '--watch'])
  const reported = new Promise<string>((resolve) => {
    let seen = ''
    child.stderr.on('data', (chunk) => {
      seen += chunk
      if (/fixtures not reloaded/.test(seen)) resolve(seen)
    })
  })
  await folder.write('f.json', '{"rules": 5}')
  t.match(await reported, /fixtures not reloaded, the last good ones stay in force: .*f\.json:1:11 at \/rules: must be array/, 'the broken edit is reported')
})

t.test('environment variables configure a real start; stdout carries only the ready line', async (t) => {
  const folder = await tempFolder(t)
  const fixture = await folder.write('env.json', JSON.stringify({ applications: [{ key: 'env-key', secret: 's' }] }))
  const { url, stop, exited } = await startCli(t, [], {
    env: { ...process.env, PORT: '1', MOCK_DWOLLA_PORT: '0', MOCK_DWOLLA_FIXTURES: fixture, MOCK_DWOLLA_LOG_LEVEL: 'silent' },
  })
  t.equal((await tokenRequest(url)).status, 401, 'only the fixture application is accepted')
  stop('SIGTERM')
  const result = await exited
  t.equal(result.stdout, `MOCK_DWOLLA_URL=${url}\n`, 'exactly one line on stdout')
  t.equal(result.stderr, '', 'silent: nothing on stderr')
})

t.test('a bad environment variable fails clearly', async (t) => {
  const result = await runCli([], { env: { ...process.env, MOCK_DWOLLA_LOG_LEVEL: 'loud' } })
  t.equal(result.code, 2, 'exit 2')
  t.match(result.stderr, 'MOCK_DWOLLA_LOG_LEVEL: expected one of', 'names the variable')
})

t.test('request logs: JSON on stderr when not a terminal, one line for a refused request, without secrets', async (t) => {
  const { url, stop, exited } = await startCli(t, ['--port', '0'])
  await tokenRequest(url)
  const refused = await fetch(`${url}/token?client_secret=query-secret`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('k:basic-secret').toString('base64')}` },
    body: 'client_id=k&client_secret=other-secret&grant_type=client_credentials',
  })
  stop('SIGTERM')
  const { stderr } = await exited
  const records = stderr
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { msg: string; path?: string; status?: number; reqId?: string })
  const requestLines = records.filter((r) => r.path !== undefined)
  t.equal(requestLines.length, 1, 'the successful request is not logged at info; the refused one is, once')
  t.match(requestLines[0], { path: '/token?client_secret=[redacted]', status: 400, reqId: refused.headers.get('x-request-id') }, 'as JSON, with its request id')
  t.notMatch(stderr, /basic-secret|query-secret|other-secret|Basic /, 'no secret, no Authorization header')
})

t.test('binding beyond loopback is warned about', async (t) => {
  const { stop, exited } = await startCli(t, ['--port', '0', '--host', '0.0.0.0'])
  stop('SIGTERM')
  t.match((await exited).stderr, /listening on 0\.0\.0\.0: reachable from other machines/, 'a warning in the log')
})

t.test('npx mock-dwolla from the clone itself (npm ci builds dist/ through prepare)', async (t) => {
  const root = new URL('../..', import.meta.url).pathname
  const { url, stop, exited } = await startCli(t, ['--port', '0', '--log-level', 'silent'], {
    command: ['npm', 'exec', '--no', '--', 'mock-dwolla'],
    cwd: root,
  })
  t.equal((await tokenRequest(url)).status, 200, 'the project bin serves /token')
  stop('SIGTERM')
  await exited
})
