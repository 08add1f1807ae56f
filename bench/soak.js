// npm run soak: three mixes of sustained traffic against the CLI on loopback, each on a fresh
// process, sampling its RSS and open file descriptors every five seconds. Passes when both stay
// flat and the stores and journal sit at their bounds.
//
//   mixed     valid calls, invalid ones, fixture-made errors, unknown paths, new customers
//   revoke    hold one token; issue a token and revoke it (DELETE /__mock/tokens/<token>), again
//             and again (issue 12 item 2: this grew without bound); the held token stays valid
//   chunked   60 KB JSON bodies sent with Transfer-Encoding: chunked, to /client-tokens and to
//             404 paths (issue 12 item 3: the journal kept them all, parsed)
//   webhooks  four applications raising 150 events a second, to a dead handler, a slow one, one
//             that refuses and healthy ones; first without subscriptions, for the API's p99
//             (issue 27 items 2-4: see bench/webhook-soak.js)
//
//   SOAK_SECONDS=60   seconds per mix      SOAK_CONNECTIONS=16   connections
//   SOAK_MIXES=mixed,revoke,chunked,webhooks
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { closedLoop } from './load.js'
import { soakWebhooks } from './webhook-soak.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const seconds = Number(process.env.SOAK_SECONDS ?? 60)
const connections = Number(process.env.SOAK_CONNECTIONS ?? 16)
const mixes = (process.env.SOAK_MIXES ?? 'mixed,revoke,chunked,webhooks').split(',')
const HAL = 'application/vnd.dwolla.v1.hal+json'
const FORM = 'application/x-www-form-urlencoded'
const TOKEN_FORM = 'client_id=soak&client_secret=soak&grant_type=client_credentials'
const customer = (id) => JSON.stringify({ action: 'customer.update', _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${id}` } } })

async function launch() {
  const child = spawn(process.execPath, ['dist/cli.bundle.js', '--port', '0', '--log-level', 'silent'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /MOCK_DWOLLA_URL=(\S+)/.exec(String(chunk))
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`mock-dwolla exited with ${code}`)))
  })
  return { child, url, port: Number(new URL(url).port) }
}

const rssMiB = (pid) => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 102.4) / 10
const openFds = (pid) => readdirSync(`/proc/${pid}/fd`).length

async function accessToken(url) {
  return (await (await fetch(`${url}/token`, { method: 'POST', headers: { 'content-type': FORM }, body: TOKEN_FORM })).json()).access_token
}

async function clientTokenStatus(url, token) {
  const response = await fetch(`${url}/client-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
    body: customer('707177c3-bf15-4e7e-b37c-55c3898d9bf4'),
  })
  await response.text()
  return response.status
}

/** Each connection cycles through these; the token from the first is used by the API calls. */
const withToken = (request, context) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${context.token ?? 'none'}` } })
const keepToken = (status, body, context) => {
  if (status === 200) context.token = JSON.parse(body).access_token
}
const MIXED = [
  { method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: TOKEN_FORM, onResponse: keepToken },
  {
    method: 'POST',
    path: '/client-tokens',
    headers: { accept: HAL, 'content-type': 'application/json' },
    body: customer('707177c3-bf15-4e7e-b37c-55c3898d9bf4'),
    setupRequest: withToken,
  },
  {
    method: 'POST',
    path: '/client-tokens',
    headers: { accept: HAL, 'content-type': 'application/json' },
    body: customer('00000000-0000-4000-8000-000000000403'),
    setupRequest: withToken,
  },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: '{"action":"nope"}', setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: HAL, 'content-type': 'application/json' }, body: '{"action":', setupRequest: withToken },
  { method: 'POST', path: '/client-tokens', headers: { accept: 'text/html', 'content-type': 'application/json' }, body: '{}', setupRequest: withToken },
  { method: 'GET', path: '/customers/nowhere' },
  // A new customer each time, until the application's customerLimit answers MaxNumberOfResources.
  {
    method: 'POST',
    path: '/customers',
    headers: { accept: HAL, 'content-type': 'application/json' },
    setupRequest: (request, context) => withToken({ ...request, body: newCustomer() }, context),
  },
  { method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: 'grant_type=password' },
]
let customersSent = 0
const newCustomer = () => JSON.stringify({ firstName: 'Soak', lastName: 'Test', email: `soak-${(customersSent += 1)}@example.com` })
const REVOKE = [
  { method: 'POST', path: '/token', headers: { 'content-type': FORM }, body: TOKEN_FORM, onResponse: keepToken },
  { method: 'DELETE', setupRequest: (request, context) => ({ ...request, path: `/__mock/tokens/${context.token}` }) },
]

/** About 60 KB of JSON, sent in 4 KiB chunks with no Content-Length. */
function chunkedBytes(path) {
  const body = Buffer.from(`{"action":"customer.create","pad":[${'{"k":1},'.repeat(7500)}{"k":1}]}`)
  const parts = [
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nconnection: keep-alive\r\ntransfer-encoding: chunked\r\ncontent-type: application/json\r\naccept: ${HAL}\r\n\r\n`,
    ),
  ]
  for (let offset = 0; offset < body.length; offset += 4096) {
    const chunk = body.subarray(offset, offset + 4096)
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from('0\r\n\r\n'))
  return Buffer.concat(parts)
}

/** Runs one mix on a fresh server; returns its samples and its checks. */
async function soak(mix) {
  const server = await launch()
  const { pid } = server.child
  const held = await accessToken(server.url)
  const samples = []
  const sample = (label) => samples.push({ seconds: label, rssMiB: rssMiB(pid), fds: openFds(pid) })
  sample(0)
  const startedAt = Date.now()
  const timer = setInterval(() => sample(Math.round((Date.now() - startedAt) / 1000)), 5000)
  let requests
  let errors = 0
  if (mix === 'chunked') {
    const half = Math.max(1, connections / 2)
    const results = await Promise.all([
      closedLoop({ port: server.port, bytes: chunkedBytes('/client-tokens'), connections: half, seconds }),
      closedLoop({ port: server.port, bytes: chunkedBytes('/nowhere/soak'), connections: half, seconds }),
    ])
    requests = results.reduce((sum, result) => sum + result.requests, 0)
  } else {
    const result = await autocannon({ url: server.url, connections, duration: seconds, requests: mix === 'revoke' ? REVOKE : MIXED })
    requests = result.requests.total
    errors = result.errors
  }
  clearInterval(timer)
  const duringLoad = samples.slice()
  // Once the load's connections are closed, descriptors should be back where they started.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  samples.push({ seconds: `${seconds} (idle)`, rssMiB: rssMiB(pid), fds: openFds(pid) })
  const tokens = await (await fetch(`${server.url}/__mock/tokens`)).json()
  const journal = (await (await fetch(`${server.url}/__mock/requests`)).json()).requests
  const heldStatus = await clientTokenStatus(server.url, held)
  const customers = (await (await fetch(`${server.url}/__mock/customers?application=soak`)).json()).customers
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')

  // Flat: after a warm-up of 10 s, RSS moves less than 20 %; under load, descriptors stay within
  // one per connection of the start (the mixed mix's connections close and reopen, so the count
  // moves within that); once idle, they are back to where they started (no leaked sockets).
  const warm = duringLoad.find((s) => s.seconds >= 10) ?? duringLoad[0]
  const last = duringLoad.at(-1)
  const idle = samples.at(-1)
  const checks = [
    [`RSS flat after warm-up (${warm.rssMiB} → ${last.rssMiB} MiB)`, last.rssMiB <= warm.rssMiB * 1.2],
    [
      `open file descriptors bounded under load (${Math.max(...duringLoad.map((s) => s.fds))} at most, for ${connections} connections from ${samples[0].fds})`,
      duringLoad.every((s) => s.fds <= samples[0].fds + connections + 2),
    ],
    [`open file descriptors back to the start when idle (${samples[0].fds} → ${idle.fds})`, idle.fds <= samples[0].fds + 2],
    ['no connection errors', errors === 0],
  ]
  if (mix === 'mixed') {
    checks.push([`access tokens listed at their bound (${tokens.accessTokens.length} of 1000)`, tokens.accessTokens.length === 1000])
    checks.push([`journal at its bound (${journal.length} of 1000)`, journal.length === 1000])
    checks.push([`customers at their bound (${customers.length} of 5000)`, customers.length === 5000])
  }
  if (mix === 'revoke') {
    checks.push([
      `the token held through ${Math.floor(requests / 2).toLocaleString('en')} issue + revoke pairs still works (${heldStatus})`,
      heldStatus === 200,
    ])
    // The load stops mid-pair: each connection may have issued a last token it did not revoke.
    checks.push([
      `no revoked token is listed (${tokens.accessTokens.length} listed: the held one and those issued as the load stopped)`,
      tokens.accessTokens.length <= connections + 1,
    ])
  }
  if (mix === 'chunked') {
    const kept = journal.reduce((sum, entry) => sum + (typeof entry.body === 'string' ? Buffer.byteLength(entry.body) : 0), 0)
    checks.push([
      `journal bodies cut at 16 KiB (${journal.filter((entry) => entry.bodyTruncated).length} of ${journal.length} entries truncated, ${(kept / 2 ** 20).toFixed(1)} MiB of body kept)`,
      journal.every((entry) => entry.bodyTruncated) && journal.length < 1000,
    ])
  }
  return { mix, requests, samples, checks }
}

/** The webhooks mix has its own load and samples (bench/webhook-soak.js). */
async function webhooksMix() {
  const { requests, samples, checks, summary } = await soakWebhooks(seconds)
  console.log(`\n## webhooks: ${requests.toLocaleString('en')} status changes in ${seconds} s (${Math.round(requests / seconds).toLocaleString('en')}/s)`)
  console.log('\n| seconds | RSS MiB | heap MiB | open fds | webhooks kept | attempts waiting | in flight |\n| --- | --- | --- | --- | --- | --- | --- |')
  for (const s of samples) console.log(`| ${s.seconds} | ${s.rssMiB} | ${s.heapMiB} | ${s.fds} | ${s.kept} | ${s.pending} | ${s.inFlight} |`)
  console.log('')
  for (const [application, counts] of Object.entries(summary.perApplication)) console.log(`${application}: ${JSON.stringify(counts)}`)
  const latency = ({ p50, p99, max }) => `p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${max.toFixed(1)} ms`
  console.log(`API without webhooks: ${latency(summary.alone)}; with: ${latency(summary.loaded)}\n`)
  return checks
}

let failed = false
for (const mix of mixes) {
  if (mix === 'webhooks') {
    const checks = await webhooksMix()
    for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
    failed ||= checks.some(([, ok]) => !ok)
    continue
  }
  const { requests, samples, checks } = await soak(mix)
  console.log(`\n## ${mix}: ${requests.toLocaleString('en')} requests in ${seconds} s (${Math.round(requests / seconds).toLocaleString('en')}/s)`)
  console.log('\n| seconds | RSS MiB | open fds |\n| --- | --- | --- |')
  for (const s of samples) console.log(`| ${s.seconds} | ${s.rssMiB} | ${s.fds} |`)
  console.log('')
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  failed ||= checks.some(([, ok]) => !ok)
}
process.exitCode = failed ? 1 : 0
