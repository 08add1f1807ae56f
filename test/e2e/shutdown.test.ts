import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { connect, type Socket } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import t, { type Test } from 'tap'
import { CLI, startCli } from '../helpers/cli.js'
import { tempFolder } from '../helpers/temp-folder.js'
import { DEFAULT_SHUTDOWN_GRACE_MS } from '../../src/start.js'

/** Opens a raw connection and sends `text` (possibly an unfinished request); closed when the test ends. */
async function rawConnection(t: Test, url: string, text: string): Promise<Socket> {
  const { port } = new URL(url)
  const socket = connect(Number(port), '127.0.0.1')
  socket.on('error', () => undefined)
  t.teardown(() => socket.destroy())
  await new Promise((resolve) => socket.once('connect', resolve))
  if (text !== '') socket.write(text)
  return socket
}

/** Resolves once nothing answers at `url` any more, or rejects after `withinMs`. */
async function stopsAnswering(url: string, withinMs: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < withinMs) {
    try {
      await fetch(`${url}/__mock/health`, { signal: AbortSignal.timeout(500) })
    } catch {
      return Date.now() - started
    }
    await sleep(100)
  }
  throw new Error(`still answering after ${withinMs} ms`)
}

t.test('SIGTERM exits within the grace period, whatever clients hold connections open', async (t) => {
  const { url, stop, exited } = await startCli(t, ['--port', '0'])
  await rawConnection(t, url, '') // connected, never says a word
  await rawConnection(t, url, 'POST /token HTTP/1.1\r\nHost: localhost\r\n') // headers never finished
  await rawConnection(t, url, 'POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant')
  const keptAlive = await fetch(`${url}/__mock/health`)
  t.equal(keptAlive.status, 200, 'and an idle keep-alive connection')
  const started = Date.now()
  stop('SIGTERM')
  const result = await exited
  const took = Date.now() - started
  t.equal(result.code, 0, 'exits 0')
  t.ok(took < 2000 + 5000, `within the 2 s grace and a margin for a loaded machine (took ${took} ms)`)
  const stopping = result.stderr.split('\n').filter((line) => line.includes('stopping'))
  t.equal(stopping.length, 1, 'one line on shutdown')
  t.match(stopping[0], /stopping \(SIGTERM\): requests in flight get 2000 ms/, 'saying why and for how long it waits')
})

t.test('a request in flight gets its answer before the process exits', async (t) => {
  const folder = await tempFolder(t)
  const fixtures = await folder.write(
    'slow.json',
    JSON.stringify({ rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { delayMs: 1500 } }] }),
  )
  const { url, stop, exited } = await startCli(t, ['--port', '0', '--fixtures', fixtures])
  const answer = fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
  // Nothing tells when the child has read the request, so it gets half a second on a loaded
  // machine; the answer comes at 1.5 s, inside the 2 s grace that starts at the signal.
  await sleep(500)
  stop('SIGTERM')
  t.equal((await answer).status, 200, 'the delayed request is answered normally')
  t.equal((await exited).code, 0, 'then it exits 0')
})

t.test('a second signal exits at once', async (t) => {
  const folder = await tempFolder(t)
  const fixtures = await folder.write(
    'slow.json',
    JSON.stringify({ rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { delayMs: 60000 } }] }),
  )
  const { url, stop, exited } = await startCli(t, ['--port', '0', '--fixtures', fixtures])
  fetch(`${url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' }).catch(
    () => undefined,
  )
  await sleep(500) // the request reaches the child: otherwise nothing is in flight to wait for
  const started = Date.now()
  stop('SIGTERM')
  await sleep(50)
  stop('SIGTERM')
  const result = await exited
  t.equal(result.code, 128 + 15, 'exit status 143 (128 + SIGTERM)')
  // The grace period is 2 s: an exit before it, with 143, is the second signal's doing.
  t.ok(Date.now() - started < DEFAULT_SHUTDOWN_GRACE_MS - 100, 'without waiting out the grace period')
})

/** The CLI under a shell that does not exec it, as `npx` runs it: killing the shell orphans the server. */
const underShell = ['sh', '-c', `"${process.execPath}" "${CLI}" "$@"; true`, 'sh']

/** npm's environment under `npx` / `npm exec`, and the environment of a process started directly (no npm). */
const underNpx = { ...process.env, npm_command: 'exec' }
const direct = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')))

t.test('under npx, the server exits when the process that started it goes away', async (t) => {
  const { url, child } = await startCli(t, ['--port', '0', '--log-level', 'silent'], { command: underShell, env: underNpx })
  t.equal((await fetch(`${url}/__mock/health`)).status, 200, 'running under its shell')
  process.kill(child.pid as number, 'SIGKILL') // the shell only, as `kill $!` after `npx … &` does
  const took = await stopsAnswering(url, 5000)
  t.ok(took < 10_000, `it noticed its parent was gone and stopped (${took} ms)`)
})

t.test('--no-exit-with-parent keeps it running after its parent exits', async (t) => {
  const { url, child } = await startCli(t, ['--port', '0', '--log-level', 'silent', '--no-exit-with-parent'], { command: underShell, env: underNpx })
  process.kill(child.pid as number, 'SIGKILL')
  await sleep(1500)
  t.equal((await fetch(`${url}/__mock/health`)).status, 200, 'still serving, three polls later')
})

t.test('started directly (not through npx), it runs until signalled, like any server, whatever its parent does', async (t) => {
  const { url, child } = await startCli(t, ['--port', '0', '--log-level', 'silent'], { command: underShell, env: direct })
  process.kill(child.pid as number, 'SIGKILL')
  await sleep(1500)
  t.equal((await fetch(`${url}/__mock/health`)).status, 200, 'still serving after its shell is gone, three polls later')
  // Its process group: the shell that led it is gone, the server is still in it.
  process.kill(-(child.pid as number), 'SIGTERM')
  t.ok((await stopsAnswering(url, 5000)) < 5000, 'and a signal stops it')
})

t.test('a CI step: a shell starts it in the background, waits for readiness and exits; the next step finds it running', async (t) => {
  const folder = await tempFolder(t)
  const step = [
    `"${process.execPath}" "${CLI}" --port 0 --log-level warn > "${folder.path}/mock.out" 2> "${folder.path}/mock.log" &`,
    `echo $! > "${folder.path}/mock.pid"`,
    `for attempt in $(seq 1 100); do grep -q MOCK_DWOLLA_URL "${folder.path}/mock.out" && exit 0; sleep 0.1; done`,
    'exit 1',
  ].join('\n')
  const ended = await runShell(step, direct)
  t.equal(ended, 0, 'the step ended once the mock was ready')
  const pid = Number((await readFile(`${folder.path}/mock.pid`, 'utf8')).trim())
  t.teardown(() => {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // already gone
    }
  })
  const url = /MOCK_DWOLLA_URL=(\S+)/.exec(await readFile(`${folder.path}/mock.out`, 'utf8'))?.[1] as string
  await sleep(1500)
  t.equal((await fetch(`${url}/__mock/health`)).status, 200, 'the next step finds it serving, after its step’s shell has ended')
  process.kill(pid, 'SIGTERM')
  t.ok((await stopsAnswering(url, 5000)) < 5000, 'until it is signalled')
})

/** Runs a shell script to its end; resolves with its exit code. */
function runShell(script: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const shell = spawn('sh', ['-c', script], { env, stdio: 'ignore' })
    shell.on('error', reject)
    shell.on('exit', (code) => resolve(code))
  })
}
