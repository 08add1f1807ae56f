// The webhooks mix of npm run soak (issue 27 items 2-4): several applications change their
// customers' status over HTTP at a steady rate, each event delivered to the applications' handlers:
//
//   dead-app      ten subscriptions to a handler that never answers (they fill the 100 attempts
//                 in flight that are shared; each times out after 10 s and is retried)
//   mixed-app     a healthy handler, a slow one (2 s an answer), one that never answers, and one
//                 whose port refuses connections
//   healthy-a/b   a healthy handler each
//
// The same load runs first on a mock with no subscriptions, for the API's own p99, then with
// them. Passes when every webhook for a healthy handler was delivered, every webhook made is kept
// or counted as let go (none silently dropped), the attempts waiting stay within the bound, the
// heap after collections and RSS stay flat, and the API's p99 is about what it was without
// webhooks.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { Agent, request } from 'node:http'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const HAL = 'application/vnd.dwolla.v1.hal+json'
const SECRET = 'soak-webhook-secret'
/** Events a second, per application: 150 a second in all (the rate the issue lost 27% at). */
const RATES = { 'dead-app': 50, 'mixed-app': 40, 'healthy-a': 30, 'healthy-b': 30 }
/** Customers per application whose status the load changes. */
const CUSTOMERS_EACH = 50
/**
 * The history's bound per application: 1,000 (the default is 10,000), so that every application
 * reaches it within the minute and the heap can be seen flat at the bound. The code is the same
 * at either.
 */
const HISTORY_LIMIT = 1_000

const rssMiB = (pid) => Math.round(Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 102.4) / 10
const openFds = (pid) => readdirSync(`/proc/${pid}/fd`).length

/** The mock (bench/webhook-soak-server.js): it prints the heap after a full collection every five seconds. */
async function launch() {
  const args = ['--expose-gc', 'bench/webhook-soak-server.js', String(HISTORY_LIMIT)]
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const heap = { afterFullCollection: NaN }
  let buffered = ''
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      buffered += String(chunk)
      const lines = buffered.split('\n')
      buffered = lines.pop()
      for (const line of lines) {
        const url = /MOCK_DWOLLA_URL=(\S+)/.exec(line)
        if (url) resolve(url[1])
        const used = /HEAP_USED=(\d+)/.exec(line)
        if (used) heap.afterFullCollection = Math.round(Number(used[1]) / 104857.6) / 10
      }
    })
    child.once('exit', (code) => reject(new Error(`mock-dwolla exited with ${code}`)))
  })
  return { child, url, heap }
}

/** The handlers, in their own process (bench/webhook-soak-handlers.js). */
async function handlers() {
  const child = spawn(process.execPath, ['bench/webhook-soak-handlers.js'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const urls = await new Promise((resolve, reject) => {
    let printed = ''
    child.stdout.on('data', (chunk) => {
      printed += String(chunk)
      const base = /HANDLERS_URL=(\S+)/.exec(printed)
      const refused = /REFUSED_URL=(\S+)/.exec(printed)
      if (base && refused) resolve({ base: base[1], refused: refused[1] })
    })
    child.once('exit', (code) => reject(new Error(`the handlers exited with ${code}`)))
  })
  return { child, ...urls, received: () => json(`${urls.base}/received`) }
}

async function json(url, options = {}) {
  const response = await fetch(url, options)
  return response.json()
}

async function tokenFor(url, application) {
  const form = `client_id=${application}&client_secret=soak&grant_type=client_credentials`
  return (await json(`${url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).access_token
}

async function subscribe(url, token, target) {
  const response = await fetch(`${url}/webhook-subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
    body: JSON.stringify({ url: target, secret: SECRET }),
  })
  if (response.status !== 201) throw new Error(`subscribing ${target}: ${response.status} ${await response.text()}`)
}

/** A few customers per application, made before anything is subscribed; the load changes their status. */
async function customersOf(url, token, application) {
  const ids = []
  for (let i = 0; i < CUSTOMERS_EACH; i++) {
    const response = await fetch(`${url}/customers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Soak', lastName: 'Webhooks', email: `soak-${application}-${i}@example.com` }),
    })
    if (response.status !== 201) throw new Error(`creating a customer: ${response.status} ${await response.text()}`)
    ids.push(new URL(response.headers.get('location')).pathname)
  }
  return ids
}

/**
 * Raises events at RATES for `seconds`: each request deactivates or reactivates one of the
 * application's customers in turn (one event each, and nothing kept grows but the events and
 * webhooks, which are bounded). Open loop: each request is due at its time whatever the server
 * does, and its latency counts from then, so a stall shows in the tail.
 */
async function raiseEvents(url, tokens, customers, seconds) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 })
  const { hostname, port } = new URL(url)
  const latencies = []
  const raised = Object.fromEntries(Object.keys(RATES).map((application) => [application, 0]))
  const turns = Object.fromEntries(Object.keys(RATES).map((application) => [application, 0]))
  let failures = 0
  const send = (application, dueAt) =>
    new Promise((resolve) => {
      const turn = turns[application]++
      const list = customers[application]
      const path = list[turn % list.length]
      // Each customer's turns alternate: deactivated, then reactivated (customer_activated).
      const status = Math.floor(turn / list.length) % 2 === 0 ? 'deactivated' : 'reactivated'
      const body = JSON.stringify({ status })
      const call = request(
        {
          agent,
          hostname,
          port,
          method: 'POST',
          path,
          headers: {
            authorization: `Bearer ${tokens[application]}`,
            accept: HAL,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          response.resume()
          response.on('end', () => {
            latencies.push(performance.now() - dueAt)
            if (response.statusCode === 200) raised[application] += 1
            else failures += 1
            resolve()
          })
        },
      )
      call.on('error', () => {
        failures += 1
        resolve()
      })
      call.end(body)
    })
  const started = performance.now()
  const total = Object.values(RATES).reduce((sum, rate) => sum + rate, 0)
  const schedule = Object.entries(RATES).flatMap(([application, rate]) => Array(rate).fill(application))
  const inFlight = []
  for (let i = 0; i < total * seconds; i++) {
    const dueAt = started + (i * 1000) / total
    const wait = dueAt - performance.now()
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    inFlight.push(send(schedule[i % schedule.length], dueAt))
  }
  await Promise.all(inFlight)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]
  return { raised, failures, requests: latencies.length, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) }
}

/** Runs the mix: the API alone, then with webhooks; returns what to print and the checks. */
export async function soakWebhooks(seconds) {
  // 1. The API's own p99 at this load, on a fresh mock with no subscriptions.
  const bare = await launch()
  const bareTokens = Object.fromEntries(await Promise.all(Object.keys(RATES).map(async (application) => [application, await tokenFor(bare.url, application)])))
  const bareCustomers = {}
  for (const application of Object.keys(RATES)) bareCustomers[application] = await customersOf(bare.url, bareTokens[application], application)
  const bareHeap = []
  const bareTimer = setInterval(() => bareHeap.push(bare.heap.afterFullCollection), 5_000)
  const alone = await raiseEvents(bare.url, bareTokens, bareCustomers, seconds)
  clearInterval(bareTimer)
  bare.child.kill('SIGTERM')
  await once(bare.child, 'exit')

  // 2. The same load with the handlers subscribed.
  const targets = await handlers()
  const server = await launch()
  const { pid } = server.child
  const tokens = Object.fromEntries(await Promise.all(Object.keys(RATES).map(async (application) => [application, await tokenFor(server.url, application)])))
  const customers = {}
  for (const application of Object.keys(RATES)) customers[application] = await customersOf(server.url, tokens[application], application)
  const subscriptions = {
    'dead-app': Array.from({ length: 10 }, (_, i) => `${targets.base}/dead/${i}`),
    'mixed-app': [`${targets.base}/healthy/mixed-app`, `${targets.base}/slow/mixed-app`, `${targets.base}/dead/mixed-app`, targets.refused],
    'healthy-a': [`${targets.base}/healthy/healthy-a`],
    'healthy-b': [`${targets.base}/healthy/healthy-b`],
  }
  for (const [application, urls] of Object.entries(subscriptions)) for (const target of urls) await subscribe(server.url, tokens[application], target)

  const samples = []
  const sample = async (label) => {
    const counts = await json(`${server.url}/__mock/webhooks/counts`)
    samples.push({
      seconds: label,
      rssMiB: rssMiB(pid),
      heapMiB: server.heap.afterFullCollection,
      fds: openFds(pid),
      kept: counts.kept,
      pending: counts.pending,
      inFlight: counts.inFlight,
    })
  }
  await sample(0)
  const startedAt = Date.now()
  const timer = setInterval(() => void sample(Math.round((Date.now() - startedAt) / 1000)), 5_000)
  const loaded = await raiseEvents(server.url, tokens, customers, seconds)
  clearInterval(timer)
  await sample(`${seconds} (load ends)`)

  // The healthy handlers catch up within a few seconds of the load's end (the others never will).
  const healthyPaths = ['mixed-app', 'healthy-a', 'healthy-b']
  let received = await targets.received()
  const caughtUp = () => healthyPaths.every((application) => (received[`/healthy/${application}`] ?? 0) >= loaded.raised[application])
  const deadline = Date.now() + 30_000
  while (!caughtUp() && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    received = await targets.received()
  }
  const perApplication = {}
  for (const application of Object.keys(RATES)) perApplication[application] = await json(`${server.url}/__mock/webhooks/counts?application=${application}`)
  const total = await json(`${server.url}/__mock/webhooks/counts`)
  await sample(`${seconds} + catch-up`)
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
  targets.child.kill('SIGTERM')
  await once(targets.child, 'exit')

  const during = samples.filter((s) => typeof s.seconds === 'number')
  const half = during.find((s) => s.seconds >= seconds / 2) ?? during[0]
  const last = during.at(-1)
  const checks = []
  for (const application of healthyPaths) {
    const got = received[`/healthy/${application}`] ?? 0
    checks.push([`${application}: its healthy handler got every webhook (${got} of ${loaded.raised[application]} events)`, got === loaded.raised[application]])
  }
  for (const [application, counts] of Object.entries(perApplication)) {
    const made = loaded.raised[application] * subscriptions[application].length
    const accounted = counts.kept + counts.dropped.finished + counts.dropped.undelivered
    checks.push([
      `${application}: none silently dropped (${made} made = ${counts.kept} kept + ${counts.dropped.finished} finished and ${counts.dropped.undelivered} undelivered let go)`,
      made === accounted,
    ])
  }
  checks.push(['no application dropped with its webhooks', total.dropped.withApplication === 0])
  const healthyUndelivered = ['healthy-a', 'healthy-b'].reduce((sum, application) => sum + perApplication[application].dropped.undelivered, 0)
  checks.push([`nothing on its way let go in the healthy applications (${healthyUndelivered})`, healthyUndelivered === 0])
  const maxPending = Math.max(...samples.map((s) => s.pending))
  checks.push([
    `attempts waiting within the bound: at most ${maxPending} (${Object.keys(RATES).length} applications × ${HISTORY_LIMIT.toLocaleString('en')} webhooks kept)`,
    samples.every((s) => s.pending <= s.kept && s.kept <= Object.keys(RATES).length * HISTORY_LIMIT),
  ])
  const bareHalf = bareHeap[Math.floor(bareHeap.length / 2)]
  checks.push([
    `heap after collections flat over the second half (${half.heapMiB} → ${last.heapMiB} MiB; without webhooks ${bareHalf} → ${bareHeap.at(-1)} MiB)`,
    last.heapMiB <= half.heapMiB * 1.2,
  ])
  checks.push([`RSS flat over the second half (${half.rssMiB} → ${last.rssMiB} MiB)`, last.rssMiB <= half.rssMiB * 1.2])
  checks.push([
    `API p99 about what it was without webhooks (${loaded.p99.toFixed(1)} ms against ${alone.p99.toFixed(1)} ms; p50 ${loaded.p50.toFixed(2)} against ${alone.p50.toFixed(2)} ms)`,
    loaded.p99 <= Math.max(alone.p99 * 1.5, alone.p99 + 5),
  ])
  checks.push([`every status change answered 200 (${loaded.failures} + ${alone.failures} failures)`, loaded.failures === 0 && alone.failures === 0])
  return { requests: loaded.requests, samples, checks, summary: { alone, loaded, perApplication, total } }
}
