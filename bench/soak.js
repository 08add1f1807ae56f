// npm run soak: about a minute of mixed traffic against the CLI on loopback (valid calls, invalid
// ones, fixture-made errors, unknown paths), sampling the process's RSS and open file
// descriptors. Passes when both stay flat and the token stores and journal sit at their bounds.
//   SOAK_SECONDS=60   how long      SOAK_CONNECTIONS=16   concurrent connections
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = fileURLToPath(new URL('..', import.meta.url))
const seconds = Number(process.env.SOAK_SECONDS ?? 60)
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16)
const HAL = 'application/vnd.dwolla.v1.hal+json'
const FORM = 'application/x-www-form-urlencoded'
const customer = (id) => JSON.stringify({ action: 'customer.update', _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${id}` } } })

const child = spawn(process.execPath, ['dist/cli.js', '--port', '0', '--log-level', 'silent'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((resolve, reject) => {
  child.stdout.on('data', (chunk) => {
    const match = /MOCK_DWOLLA_URL=(\S+)/.exec(String(chunk))
    if (match) resolve(match[1])
  })
  child.once('exit', (code) => reject(new Error(`mock-dwolla exited with ${code}`)))
})

const rssMiB = () => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)])) / 1024
const openFds = () => {
  try {
    return readdirSync(`/proc/${child.pid}/fd`).length
  } catch {
    return NaN // not Linux: file descriptors are not sampled
  }
}

// Each connection cycles through these; the token from the first is used by the API calls.
const withToken = (request, context) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${context.token ?? 'none'}` } })
const requests = [
  {
    method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: 'client_id=soak&client_secret=soak&grant_type=client_credentials',
    onResponse: (status, body, context) => {
      if (status === 200) context.token = JSON.parse(body).access_token
    },
  },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: customer('707177c3-bf15-4e7e-b37c-55c3898d9bf4'), setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: customer('00000000-0000-4000-8000-000000000403'), setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: '{"action":"nope"}', setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: '{"action":', setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: '{}', setupRequest: withToken },
  { method: 'GET', path: '/customers/nowhere' },
  { method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: 'grant_type=password' },
]

const samples = []
const sample = (elapsed) => samples.push({ seconds: elapsed, rssMiB: Math.round(rssMiB() * 10) / 10, fds: openFds() })
sample(0)
const startedAt = Date.now()
const timer = setInterval(() => sample(Math.round((Date.now() - startedAt) / 1000)), 5000)
const result = await autocannon({ url, connections, duration: seconds, requests })
clearInterval(timer)
const duringLoad = samples.slice()
// Once the load's connections are closed, descriptors should be back where they started.
await new Promise((resolve) => setTimeout(resolve, 1000))
const idle = { seconds: `${seconds} (idle)`, rssMiB: Math.round(rssMiB() * 10) / 10, fds: openFds() }
samples.push(idle)

const tokens = await (await fetch(`${url}/__mock/tokens`)).json()
const journal = await (await fetch(`${url}/__mock/requests`)).json()
child.kill('SIGTERM')
await once(child, 'exit')

console.log(`\n${result.requests.total.toLocaleString('en')} requests in ${seconds} s (${Math.round(result.requests.average).toLocaleString('en')}/s), ${result.errors} connection errors`)
console.log('\n| seconds | RSS MiB | open fds |\n| --- | --- | --- |')
for (const s of samples) console.log(`| ${s.seconds} | ${s.rssMiB} | ${Number.isNaN(s.fds) ? '—' : s.fds} |`)

// Flat: after a warm-up of 10 s, RSS moves less than 20 % and descriptors by at most a handful;
// once idle, descriptors are back to where they started (no leaked sockets).
const warm = duringLoad.find((s) => s.seconds >= 10) ?? duringLoad[0]
const last = duringLoad.at(-1)
const first = samples[0]
const checks = [
  [`RSS flat after warm-up (${warm.rssMiB} → ${last.rssMiB} MiB)`, last.rssMiB <= warm.rssMiB * 1.2],
  [`open file descriptors flat under load (${warm.fds} → ${last.fds})`, Number.isNaN(last.fds) || Math.abs(last.fds - warm.fds) <= 4],
  [`open file descriptors back to the start when idle (${first.fds} → ${idle.fds})`, Number.isNaN(idle.fds) || idle.fds <= first.fds + 2],
  [`access tokens at their bound (${tokens.accessTokens.length} of 1000)`, tokens.accessTokens.length === 1000],
  [`client tokens within their bound (${tokens.clientTokens.length} of 1000)`, tokens.clientTokens.length <= 1000 && tokens.clientTokens.length > 0],
  [`journal at its bound (${journal.requests.length} of 1000)`, journal.requests.length === 1000],
  ['no connection errors', result.errors === 0],
]
console.log('')
for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1
