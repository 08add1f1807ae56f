// npm run bench: mock-dwolla as a user runs it (the CLI at its default settings, and at
// --log-level silent) against a bare Fastify app serving the same endpoints, measured in the same
// run on the same machine. Not a test: nothing fails because a machine is slow; it prints what it
// measured against the targets of issue 11, and writes the raw figures to bench/results/.
//
//   BENCH_ROUNDS=6     alternating rounds per endpoint (at least 6)
//   BENCH_DURATION=5   seconds of load per measurement (after a one-second warm-up)
//   BENCH_ONLY=throughput,latency,cold,inprocess,memory,dashboard   measure only these
//   BENCH_QUICK=1      a short run for a quick look (2 rounds, 2 s, 200,000 requests for memory)
//   BENCH_CLI=path     the CLI to measure (default dist/cli.bundle.js, what the package runs)
import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { ENDPOINTS, FIRST_REQUEST } from './endpoints.js'
import { closedLoop, openLoop, requestBytes } from './load.js'
import { dashboardLines, dashboardLoad } from './dashboard.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const quick = process.env.BENCH_QUICK === '1'
const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 6))
const duration = Number(process.env.BENCH_DURATION ?? (quick ? 2 : 5))
const coldStarts = quick ? 5 : 15
const memoryRequests = quick ? 200_000 : 1_000_000
const only = new Set((process.env.BENCH_ONLY ?? 'throughput,latency,cold,inprocess,memory,dashboard').split(','))
const cli = process.env.BENCH_CLI ?? 'dist/cli.bundle.js'

// Server on one core, load generator (this process) on the other, when the machine has two and
// taskset exists: then neither steals the other's CPU and the server's CPU time is its own.
const pinned = cpus().length >= 2 && spawnSync('taskset', ['-V']).status === 0
if (pinned) spawnSync('taskset', ['-a', '-p', '-c', '0', String(process.pid)], { stdio: 'ignore' })
const hasProc = existsSync(`/proc/${process.pid}/stat`)
const ticksPerSecond = hasProc ? Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100 : 100

const SERVERS = {
  defaults: { label: 'mock-dwolla, default settings', args: [cli, '--port', '0'] },
  silent: { label: 'mock-dwolla --log-level silent', args: [cli, '--port', '0', '--log-level', 'silent'] },
  baseline: { label: 'bare Fastify (bench/baseline-app.js)', args: ['bench/baseline-server.js'] },
}
const NAMES = Object.keys(SERVERS)

/**
 * Spawns a server (pinned to the second core) and resolves when it prints its ready line. An
 * endpoint's `settings` file is given to the mock (the baseline has no settings).
 */
async function launch(name, endpoint) {
  const settings = name !== 'baseline' && endpoint?.settings !== undefined ? ['--fixtures', endpoint.settings] : []
  const serverArgs = [...SERVERS[name].args, ...settings]
  const [command, args] = pinned ? ['taskset', ['-c', '1', process.execPath, ...serverArgs]] : [process.execPath, serverArgs]
  const startedAt = performance.now()
  // Logs go nowhere, as in a CI job that keeps them in a file: at the defaults a success writes none.
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
  const url = await new Promise((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk) => {
      seen += chunk
      const match = /MOCK_DWOLLA_URL=(\S+)/.exec(seen)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
  })
  return { child, url, port: Number(new URL(url).port), startedAt }
}

async function stop(server) {
  server.child.kill('SIGTERM')
  if (server.child.exitCode === null) await once(server.child, 'exit')
}

/**
 * The server process's CPU time so far, in microseconds: each thread's time on a CPU in
 * nanoseconds from /proc/<pid>/task/<tid>/schedstat (its threads live as long as it does), else
 * user + system time in clock ticks from /proc/<pid>/stat.
 */
function cpuMicros(server) {
  if (!hasProc) return NaN
  const pid = server.child.pid
  try {
    let nanoseconds = 0
    for (const task of readdirSync(`/proc/${pid}/task`)) nanoseconds += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
    return nanoseconds / 1000
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond
  }
}

function rssBytes(server) {
  if (hasProc) return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))[1]) * 1024
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(server.child.pid)], { encoding: 'utf8' }).stdout.trim()) * 1024
}

async function requestOf(endpoint, server) {
  return requestBytes(await endpoint.request(server.url))
}

/** Closed loop: 32 connections back to back, after a warm-up; req/s and the server's CPU per request. */
async function throughputOnce(name, endpoint) {
  const server = await launch(name, endpoint)
  try {
    const bytes = await requestOf(endpoint, server)
    await closedLoop({ port: server.port, bytes, seconds: 1 })
    const cpuBefore = cpuMicros(server)
    const result = await closedLoop({ port: server.port, bytes, seconds: duration })
    const cpu = cpuMicros(server) - cpuBefore
    if (result.non2xx > 0) throw new Error(`${name} ${endpoint.name}: ${result.non2xx} answers were not 2xx`)
    return { rps: result.rps, cpuMicrosPerRequest: cpu / result.requests, closedP99: result.p99 }
  } finally {
    await stop(server)
  }
}

/** Open loop at a fixed rate below both servers' capacity: latency as a client sees it. */
async function latencyOnce(name, endpoint, rate) {
  const server = await launch(name, endpoint)
  try {
    const bytes = await requestOf(endpoint, server)
    await closedLoop({ port: server.port, bytes, seconds: 1 })
    const result = await openLoop({ port: server.port, bytes, rate, seconds: duration })
    if (result.non2xx > 0) throw new Error(`${name} ${endpoint.name}: ${result.non2xx} answers were not 2xx`)
    return { p50: result.p50, p99: result.p99, max: result.max }
  } finally {
    await stop(server)
  }
}

/** Rounds alternate the order of the servers; ratios are taken within each round. */
function order(round) {
  return NAMES.map((_, i) => NAMES[(i + round) % NAMES.length])
}

async function throughput() {
  const byEndpoint = {}
  for (const endpoint of ENDPOINTS) {
    const perRound = []
    for (let round = 0; round < rounds; round++) {
      const measured = {}
      for (const name of order(round)) measured[name] = await throughputOnce(name, endpoint)
      perRound.push(measured)
      process.stderr.write(
        `  ${endpoint.name} round ${round + 1}: ${NAMES.map((n) => `${n} ${Math.round(measured[n].rps)}/s ${measured[n].cpuMicrosPerRequest.toFixed(1)} µs`).join(', ')}\n`,
      )
    }
    byEndpoint[endpoint.name] = perRound
  }
  return byEndpoint
}

async function latency(throughputs) {
  const byEndpoint = {}
  for (const endpoint of ENDPOINTS) {
    // A third of the slower server's capacity (as measured above), so neither queues, even when
    // other work on the machine takes some of it away: what is left is the time each takes, its
    // pauses included, not a queue that only mirrors throughput.
    const capacity = Math.min(...NAMES.map((name) => median(throughputs[endpoint.name].map((round) => round[name].rps))))
    const rate = Math.max(500, Math.floor(capacity / 3 / 500) * 500)
    const perRound = []
    for (let round = 0; round < rounds; round++) {
      const measured = {}
      for (const name of order(round)) measured[name] = await latencyOnce(name, endpoint, rate)
      perRound.push(measured)
      process.stderr.write(`  ${endpoint.name} at ${rate}/s round ${round + 1}: ${NAMES.map((n) => `${n} p99 ${measured[n].p99.toFixed(2)} ms`).join(', ')}\n`)
    }
    byEndpoint[endpoint.name] = { rate, perRound }
  }
  return byEndpoint
}

/** Process spawn to the first 200 from POST /token: the time, and the CPU time the server took for it. */
async function coldStart(name) {
  const server = await launch(name)
  try {
    const response = await fetch(`${server.url}/token`, FIRST_REQUEST)
    await response.text()
    if (response.status !== 200) throw new Error(`${name}: first /token answered ${response.status}`)
    return { ms: performance.now() - server.startedAt, cpuMs: cpuMicros(server) / 1000 }
  } finally {
    await stop(server)
  }
}

async function coldStarts_() {
  const samples = Object.fromEntries(NAMES.map((name) => [name, { ms: [], cpuMs: [] }]))
  for (let i = 0; i < coldStarts; i++) {
    for (const name of order(i)) {
      const { ms, cpuMs } = await coldStart(name)
      samples[name].ms.push(ms)
      samples[name].cpuMs.push(cpuMs)
    }
  }
  return samples
}

/** buildServer() to its first inject() answer, in a fresh process each time (module loading included). */
async function inProcess() {
  const script = (name) => `
    const started = performance.now()
    const { ${name === 'mock' ? 'buildServer' : 'buildBaseline'}: build } = await import(${JSON.stringify(
      name === 'mock' ? `${root}dist/index.bundle.js` : `${root}bench/baseline-app.js`,
    )})
    const app = await build()
    const res = await app.inject({ url: '/token', ...${JSON.stringify(FIRST_REQUEST)}, payload: ${JSON.stringify(FIRST_REQUEST.body)} })
    if (res.statusCode !== 200) throw new Error('status ' + res.statusCode)
    console.log(performance.now() - started)`
  const samples = { mock: [], baseline: [] }
  for (let i = 0; i < coldStarts; i++) {
    for (const name of i % 2 === 0 ? ['mock', 'baseline'] : ['baseline', 'mock']) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script(name)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      await once(child, 'exit')
      samples[name].push(Number(out.trim()))
    }
  }
  return samples
}

/** RSS of a server after 10,000 and after `memoryRequests` requests to POST /token (each issues a token). */
async function memoryOf(name) {
  const server = await launch(name)
  try {
    const bytes = await requestOf(ENDPOINTS[0], server)
    await closedLoop({ port: server.port, bytes, total: 10_000 })
    const after10k = rssBytes(server)
    await closedLoop({ port: server.port, bytes, total: memoryRequests - 10_000 })
    return { after10k, afterAll: rssBytes(server) }
  } finally {
    await stop(server)
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const spread = (values) => [Math.min(...values), Math.max(...values)]
const fixed = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—')
const mib = (bytes) => `${fixed(bytes / 2 ** 20, 1)} MiB`

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, pinned },
  settings: { rounds, duration, coldStarts, memoryRequests, connections: 32, cli },
}
console.error(
  `mock-dwolla bench: ${results.machine.cpus} × ${results.machine.model}, Node ${process.version}, ${pinned ? 'server on CPU 1, load generator on CPU 0' : 'not pinned (no taskset or one CPU)'}`,
)
if (only.has('throughput') || only.has('latency')) results.throughput = await throughput()
if (only.has('latency')) results.latency = await latency(results.throughput)
if (only.has('cold')) results.coldStart = await coldStarts_()
if (only.has('inprocess')) results.inProcess = await inProcess()
if (only.has('memory')) results.memory = { defaults: await memoryOf('defaults'), baseline: await memoryOf('baseline') }
if (only.has('dashboard')) results.dashboard = await dashboardLoad([5_000, 100_000])

// The summary: every ratio is the mock's figure over the baseline's, taken within each round;
// the median, then the spread (lowest to highest round).
const rows = []
const absolute = []
for (const endpoint of ENDPOINTS) {
  const perRound = results.throughput?.[endpoint.name]
  if (perRound !== undefined) {
    for (const name of ['defaults', 'silent']) {
      const ratios = perRound.map((round) => round[name].rps / round.baseline.rps)
      const cpuRatios = perRound.map((round) => round[name].cpuMicrosPerRequest / round.baseline.cpuMicrosPerRequest)
      const target = name === 'defaults' ? '≥ 0.8 (aim 0.9)' : '—'
      rows.push([`${endpoint.name} req/s, ${name}`, median(ratios), spread(ratios), target, name === 'defaults' ? median(ratios) >= 0.8 : undefined])
      rows.push([`${endpoint.name} server CPU per request, ${name} (lower is better)`, median(cpuRatios), spread(cpuRatios), '—', undefined])
    }
    const mid = (name, field) => median(perRound.map((round) => round[name][field]))
    absolute.push(
      `  ${endpoint.name.padEnd(20)} req/s ${NAMES.map((n) => `${n} ${fixed(mid(n, 'rps'), 0)}`).join(', ')}; CPU µs/request ${NAMES.map((n) => `${n} ${fixed(mid(n, 'cpuMicrosPerRequest'), 1)}`).join(', ')}`,
    )
  }
  const latencyOf = results.latency?.[endpoint.name]
  if (latencyOf !== undefined) {
    const ratios = latencyOf.perRound.map((round) => round.defaults.p99 / round.baseline.p99)
    rows.push([`${endpoint.name} p99 open loop at ${latencyOf.rate}/s, defaults`, median(ratios), spread(ratios), '≤ 1.5', median(ratios) <= 1.5])
    const mid = (name, field) => median(latencyOf.perRound.map((round) => round[name][field]))
    absolute.push(
      `  ${endpoint.name.padEnd(20)} open loop at ${latencyOf.rate}/s: p50 / p99 ms ${NAMES.map((n) => `${n} ${fixed(mid(n, 'p50'))} / ${fixed(mid(n, 'p99'))}`).join(', ')}`,
    )
  }
}
if (results.coldStart) {
  const { defaults, silent, baseline } = results.coldStart
  for (const [label, field] of [
    ['cold start (spawn → first 200)', 'ms'],
    ['cold start, server CPU time', 'cpuMs'],
  ]) {
    const ratio = median(defaults[field]) / median(baseline[field])
    const target = field === 'ms' ? '≤ 1.2' : '—'
    rows.push([`${label}, defaults`, ratio, spread(defaults[field].map((d, i) => d / baseline[field][i])), target, field === 'ms' ? ratio <= 1.2 : undefined])
    rows.push([
      `${label}, silent`,
      median(silent[field]) / median(baseline[field]),
      spread(silent[field].map((s, i) => s / baseline[field][i])),
      '—',
      undefined,
    ])
  }
  const both = (name) => `${fixed(median(results.coldStart[name].ms), 0)} ms (CPU ${fixed(median(results.coldStart[name].cpuMs), 0)} ms)`
  absolute.push(`  cold start           median of ${coldStarts}: defaults ${both('defaults')}, silent ${both('silent')}, baseline ${both('baseline')}`)
}
if (results.inProcess) {
  const { mock, baseline } = results.inProcess
  rows.push(['buildServer() to first inject()', median(mock) / median(baseline), spread(mock.map((m, i) => m / baseline[i])), '—', undefined])
  absolute.push(`  in-process           median of ${coldStarts}: mock ${fixed(median(mock), 0)} ms, baseline ${fixed(median(baseline), 0)} ms`)
}
if (results.memory) {
  const { defaults, baseline } = results.memory
  const ratio = defaults.afterAll / defaults.after10k
  rows.push([
    `RSS after ${memoryRequests.toLocaleString('en')} vs after 10,000 requests, defaults`,
    ratio,
    [ratio, ratio],
    '≤ 1.2 and < 120 MiB',
    ratio <= 1.2 && defaults.afterAll < 120 * 2 ** 20,
  ])
  absolute.push(
    `  RSS                  defaults ${mib(defaults.after10k)} → ${mib(defaults.afterAll)}; baseline ${mib(baseline.after10k)} → ${mib(baseline.afterAll)}`,
  )
}

console.log('\n| measure | mock / baseline (median) | spread over rounds | target | met |\n| --- | --- | --- | --- | --- |')
for (const [name, ratio, [low, high], target, met] of rows) {
  console.log(`| ${name} | ${fixed(ratio)} | ${fixed(low)}–${fixed(high)} | ${target} | ${met === undefined ? '—' : met ? 'yes' : 'NO'} |`)
}
if (results.dashboard) absolute.push(...dashboardLines(results.dashboard))
console.log(`\nAbsolute figures (medians):\n${absolute.join('\n')}`)

mkdirSync(`${root}bench/results`, { recursive: true })
const file = `${root}bench/results/${results.date.replaceAll(':', '-')}.json`
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nRaw figures: ${file}`)
