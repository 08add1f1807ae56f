// npm run bench: mock-dwolla against a bare Fastify baseline, measured in the same run on the
// same machine, reported as ratios. Not a test: nothing fails because a machine is slow.
//
//   BENCH_DURATION=5   seconds per load round      BENCH_ROUNDS=3   rounds per endpoint
//   BENCH_QUICK=1      a short run (smaller memory soak, fewer cold starts) for a quick look
//   BENCH_ONLY=throughput,cold,inprocess,memory   measure only these
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const root = fileURLToPath(new URL('..', import.meta.url))
const quick = process.env.BENCH_QUICK === '1'
const duration = Number(process.env.BENCH_DURATION ?? (quick ? 3 : 5))
const rounds = Number(process.env.BENCH_ROUNDS ?? (quick ? 2 : 3))
const coldStarts = quick ? 7 : 11
const soakRequests = quick ? 200_000 : 1_000_000
const only = new Set((process.env.BENCH_ONLY ?? 'throughput,cold,inprocess,memory').split(','))

const servers = {
  candidate: [process.execPath, ['dist/cli.js', '--port', '0', '--log-level', 'silent']],
  baseline: [process.execPath, ['bench/baseline-server.js']],
}
const FORM = 'application/x-www-form-urlencoded'
const TOKEN_BODY = 'client_id=bench&client_secret=bench&grant_type=client_credentials'
const CLIENT_TOKEN_BODY = JSON.stringify({
  action: 'customer.update',
  _links: { customer: { href: 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4' } },
})

/** Spawns a server and resolves when it prints its ready line. */
async function launch(name) {
  const [command, args] = servers[name]
  const startedAt = performance.now()
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk) => {
      seen += chunk
      const match = /MOCK_DWOLLA_URL=(\S+)/.exec(seen)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))
  })
  return { child, url, startedAt }
}

async function stop(server) {
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
}

async function post(url, path, headers, body) {
  const response = await fetch(url + path, { method: 'POST', headers, body })
  return { status: response.status, body: await response.json() }
}

/** Headers and body for each endpoint; /client-tokens needs an access token from the server. */
async function requestFor(endpoint, url) {
  if (endpoint === '/token') return { headers: { 'content-type': FORM }, body: TOKEN_BODY }
  const { body } = await post(url, '/token', { 'content-type': FORM }, TOKEN_BODY)
  return {
    headers: {
      authorization: `Bearer ${body.access_token}`,
      accept: 'application/vnd.dwolla.v1.hal+json',
      'content-type': 'application/json',
    },
    body: CLIENT_TOKEN_BODY,
  }
}

async function load(url, endpoint, seconds) {
  const { headers, body } = await requestFor(endpoint, url)
  // autocannon's own percentiles are whole milliseconds, too coarse when the baseline's p99 is
  // about one; every response's time arrives as a float on the 'response' event, so use those.
  const latencies = []
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: url + endpoint, method: 'POST', headers, body, connections: 32, pipelining: 1, duration: seconds },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${endpoint}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  latencies.sort((a, b) => a - b)
  const p99 = latencies[Math.floor(latencies.length * 0.99)]
  return { rps: result.requests.average, p99: Math.round(p99 * 1000) / 1000, requests: result['2xx'] }
}

/** Rounds alternate candidate and baseline, each on a fresh process after a warm-up; ratios are taken pair by pair. */
async function throughput(endpoint) {
  const pairs = []
  for (let round = 0; round < rounds; round++) {
    const measured = {}
    for (const name of round % 2 === 0 ? ['candidate', 'baseline'] : ['baseline', 'candidate']) {
      const server = await launch(name)
      await load(server.url, endpoint, 1)
      measured[name] = await load(server.url, endpoint, duration)
      await stop(server)
    }
    pairs.push({
      candidate: measured.candidate,
      baseline: measured.baseline,
      rpsRatio: measured.candidate.rps / measured.baseline.rps,
      p99Ratio: measured.candidate.p99 / measured.baseline.p99,
    })
  }
  return { pairs, rpsRatio: median(pairs.map((p) => p.rpsRatio)), p99Ratio: median(pairs.map((p) => p.p99Ratio)) }
}

/** Process spawn to the first 200 from /token. */
async function coldStart(name) {
  const server = await launch(name)
  const { status } = await post(server.url, '/token', { 'content-type': FORM }, TOKEN_BODY)
  const elapsed = performance.now() - server.startedAt
  if (status !== 200) throw new Error(`${name}: first /token answered ${status}`)
  await stop(server)
  return elapsed
}

async function coldStarts_() {
  const samples = { candidate: [], baseline: [] }
  for (let i = 0; i < coldStarts; i++) {
    for (const name of i % 2 === 0 ? ['candidate', 'baseline'] : ['baseline', 'candidate']) samples[name].push(await coldStart(name))
  }
  const candidate = median(samples.candidate)
  const baseline = median(samples.baseline)
  return { samples, candidate, baseline, ratio: candidate / baseline }
}

/** buildServer() to the first inject() answer, in a fresh process each time (module loading included). */
async function inProcess() {
  const script = (name) => `
    const started = performance.now()
    const { ${name === 'candidate' ? 'buildServer' : 'buildBaseline'}: build } = await import(${JSON.stringify(
      name === 'candidate' ? `${root}dist/index.js` : `${root}bench/baseline-build.js`,
    )})
    const app = await build()
    const res = await app.inject({ method: 'POST', url: '/token', headers: { 'content-type': '${FORM}' }, payload: '${TOKEN_BODY}' })
    if (res.statusCode !== 200) throw new Error('status ' + res.statusCode)
    console.log(performance.now() - started)`
  const samples = { candidate: [], baseline: [] }
  for (let i = 0; i < coldStarts; i++) {
    for (const name of ['candidate', 'baseline']) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script(name)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      await once(child, 'exit')
      samples[name].push(Number(out.trim()))
    }
  }
  const candidate = median(samples.candidate)
  const baseline = median(samples.baseline)
  return { samples, candidate, baseline, ratio: candidate / baseline }
}

/** RSS of a server process after 10 thousand requests and after `soakRequests` (each issuing a token). */
async function memoryOf(name) {
  const server = await launch(name)
  const rssOf = async () => {
    const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(server.child.pid)])
    return Number(stdout.trim()) * 1024
  }
  const send = (amount) =>
    new Promise((resolve, reject) => {
      autocannon(
        { url: `${server.url}/token`, method: 'POST', headers: { 'content-type': FORM }, body: TOKEN_BODY, connections: 32, amount },
        (error, result) => (error ? reject(error) : resolve(result)),
      )
    })
  await send(10_000)
  const after10k = await rssOf()
  await send(soakRequests - 10_000)
  const afterAll = await rssOf()
  await stop(server)
  return { after10k, afterAll, requests: soakRequests, ratio: afterAll / after10k }
}

async function memory() {
  const candidate = await memoryOf('candidate')
  const baseline = await memoryOf('baseline')
  return { ...candidate, baseline }
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args)
    let stdout = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.once('exit', (code) => (code === 0 ? resolve({ stdout }) : reject(new Error(`${command} exited ${code}`))))
  })
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const fixed = (value, digits = 2) => value.toFixed(digits)

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
  settings: { duration, rounds, coldStarts, soakRequests, connections: 32 },
}
console.error(`mock-dwolla bench on ${results.machine.cpus} × ${results.machine.model}, Node ${process.version}`)
if (only.has('throughput')) {
  results.token = await throughput('/token')
  results.clientTokens = await throughput('/client-tokens')
}
if (only.has('cold')) results.coldStart = await coldStarts_()
if (only.has('inprocess')) results.inProcess = await inProcess()
if (only.has('memory')) results.memory = await memory()

const rows = []
const absolute = []
for (const [key, path] of [['token', '/token'], ['clientTokens', '/client-tokens']]) {
  const measured = results[key]
  if (measured === undefined) continue
  rows.push([`POST ${path} req/s`, measured.rpsRatio, '≥ 0.6 (aim 0.8)', measured.rpsRatio >= 0.6])
  rows.push([`POST ${path} p99 latency`, measured.p99Ratio, '≤ 2', measured.p99Ratio <= 2])
  const mid = (side, field) => median(measured.pairs.map((pair) => pair[side][field]))
  absolute.push(`  ${path.padEnd(15)} ${fixed(mid('candidate', 'rps'), 0)} / ${fixed(mid('baseline', 'rps'), 0)} req/s, p99 ${mid('candidate', 'p99')} / ${mid('baseline', 'p99')} ms`)
}
if (results.coldStart) {
  rows.push(['cold start (spawn → first 200)', results.coldStart.ratio, '≤ 1.5', results.coldStart.ratio <= 1.5])
  absolute.push(`  cold start      ${fixed(results.coldStart.candidate, 0)} / ${fixed(results.coldStart.baseline, 0)} ms (median of ${coldStarts})`)
}
if (results.inProcess) {
  rows.push(['in-process (build → first inject)', results.inProcess.ratio, '—', true])
  absolute.push(`  in-process      ${fixed(results.inProcess.candidate, 0)} / ${fixed(results.inProcess.baseline, 0)} ms (median of ${coldStarts})`)
}
if (results.memory) {
  rows.push([`RSS after ${soakRequests.toLocaleString('en')} vs 10,000 requests`, results.memory.ratio, '≤ 1.2', results.memory.ratio <= 1.2])
  const mib = (bytes) => `${fixed(bytes / 2 ** 20, 1)} MiB`
  const { baseline } = results.memory
  absolute.push(`  RSS             ${mib(results.memory.after10k)} → ${mib(results.memory.afterAll)} (baseline ${mib(baseline.after10k)} → ${mib(baseline.afterAll)}, ratio ${fixed(baseline.ratio)})`)
}
console.log('\n| measure | ratio to baseline | target | met |\n| --- | --- | --- | --- |')
for (const [name, ratio, target, met] of rows) console.log(`| ${name} | ${fixed(ratio)} | ${target} | ${met ? 'yes' : 'NO'} |`)
console.log(`\nAbsolute figures (candidate / baseline):\n${absolute.join('\n')}`)

mkdirSync(`${root}bench/results`, { recursive: true })
const file = `${root}bench/results/${results.date.replaceAll(':', '-')}.json`
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(`${root}bench/results/latest.json`, `${JSON.stringify(results, null, 2)}\n`)
console.log(`\nRaw figures: ${file}`)
