import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { parseCliOptions } from '../../src/cli-options.js'
import { runCli, startCli } from '../helpers/cli.js'
import { tempFolder } from '../helpers/temp-folder.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'

async function accessToken(url: string): Promise<string> {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=key&client_secret=secret&grant_type=client_credentials',
  })
  return ((await response.json()) as { access_token: string }).access_token
}

const api = (url: string, token: string, path: string, body?: unknown) =>
  fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

t.test('--public-url and --state, or their environment variables', async (t) => {
  const start = (argv: string[], env: Record<string, string> = {}) => {
    const command = parseCliOptions(argv, env)
    if (command.kind !== 'start') throw new Error('expected start')
    return command.options
  }
  t.match(start(['--public-url', 'https://dwolla.test', '--state', 'state.json']), { publicUrl: 'https://dwolla.test', stateFile: 'state.json' }, 'flags')
  t.match(
    start([], { MOCK_DWOLLA_PUBLIC_URL: 'https://env.test', MOCK_DWOLLA_STATE: 'env.json' }),
    { publicUrl: 'https://env.test', stateFile: 'env.json' },
    'environment variables',
  )
  t.match(start(['--state', 'flag.json'], { MOCK_DWOLLA_STATE: 'env.json' }), { stateFile: 'flag.json' }, 'the flag wins')
  t.notOk('stateFile' in start([]), 'no state file unless asked: memory only')
  const help = await runCli(['--help'])
  t.match(help.stdout, /--public-url <url>/, '--help documents --public-url')
  t.match(help.stdout, /--state <file>/, '--help documents --state')
})

t.test('--state: customers survive a restart of the CLI (written on SIGTERM at the latest)', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'dwolla-state.json')
  const first = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'warn'])
  const token = await accessToken(first.url)
  const created = await api(first.url, token, '/customers', { firstName: 'Persistent', lastName: 'Pat', email: 'pat@example.com' })
  t.equal(created.status, 201, 'created')
  first.stop('SIGTERM')
  t.equal((await first.exited).code, 0, 'stopped cleanly')
  t.match(JSON.parse(await readFile(stateFile, 'utf8')), { format: 'mock-dwolla-state' }, 'the state file was written')

  const second = await startCli(t, ['--port', '0', '--state', stateFile, '--log-level', 'warn'])
  const id = (created.headers.get('location') as string).split('/').pop() as string
  const fetched = await api(second.url, await accessToken(second.url), `/customers/${id}`)
  t.equal(fetched.status, 200, 'found after the restart')
  t.equal(((await fetched.json()) as { firstName: string }).firstName, 'Persistent', 'the same customer')
})

t.test('without --state nothing is written anywhere', async (t) => {
  const { path } = await tempFolder(t)
  const run = await startCli(t, ['--port', '0', '--log-level', 'warn'], { cwd: path })
  const token = await accessToken(run.url)
  t.equal((await api(run.url, token, '/customers', { firstName: 'A', lastName: 'B', email: 'memory@example.com' })).status, 201, 'created')
  run.stop('SIGTERM')
  await run.exited
  t.same(await readdir(path), [], 'the working folder is still empty')
})

t.test('a corrupt --state file or a bad --public-url: exit 2, saying what is wrong', async (t) => {
  const { path } = await tempFolder(t)
  const corrupt = join(path, 'state.json')
  await writeFile(corrupt, '{"format":')
  const bad = await runCli(['--port', '0', '--state', corrupt])
  t.equal(bad.code, 2, 'exit 2')
  t.match(
    bad.stderr,
    new RegExp(`^mock-dwolla: ${corrupt.replace(/[.]/g, '\\.')} at /: not valid JSON .*; the state file is left as it is\\n$`),
    'names the file and the problem',
  )
  t.equal(await readFile(corrupt, 'utf8'), '{"format":', 'the file is untouched')
  const url = await runCli(['--port', '0', '--public-url', 'not a url'])
  t.equal(url.code, 2, 'a bad --public-url: exit 2')
  t.match(url.stderr, /option publicUrl: expected an http or https URL/, 'says why')
})
