// npm run bench:state: what --state costs (docs/reliability.md quotes it). Not a test: it prints
// what it measured.
//
// 1. Per request: the CLI (--log-level silent, bench/customers-settings.json) with and without
//    --state, alternating rounds, POST /customers and GET /customers/{id} on 1 and on 16
//    connections. With --state each change is on disk (fdatasync) before its answer; changes
//    made in one turn share an append, and the journal is folded into a snapshot as it grows.
// 2. At a large state (STATE_BENCH_CUSTOMERS, 50,000 by default: ten applications of 5,000,
//    every field filled): what one change costs to journal, what serialising the whole state in
//    one go costs (what every write did before the journal), and the longest the event loop is
//    held while a snapshot of it is written the way compaction writes one; the size of the file,
//    and how long a start takes to load it.
//
//   STATE_BENCH_ROUNDS=4  STATE_BENCH_SECONDS=4  STATE_BENCH_CUSTOMERS=50000  STATE_BENCH_ONLY=requests,large
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { closedLoop, requestBytes } from './load.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const rounds = Number(process.env.STATE_BENCH_ROUNDS ?? 4)
const seconds = Number(process.env.STATE_BENCH_SECONDS ?? 4)
const customers = Number(process.env.STATE_BENCH_CUSTOMERS ?? 50_000)
const only = new Set((process.env.STATE_BENCH_ONLY ?? 'requests,large').split(','))
const HAL = 'application/vnd.dwolla.v1.hal+json'
const folder = mkdtempSync(join(tmpdir(), 'mock-dwolla-state-bench-'))
process.on('exit', () => rmSync(folder, { recursive: true, force: true }))

async function launch(stateFile) {
  const args = ['dist/cli.bundle.js', '--port', '0', '--log-level', 'silent', '--fixtures', 'bench/customers-settings.json']
  if (stateFile !== undefined) args.push('--state', stateFile)
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve, reject) => {
    let seen = ''
    child.stdout.on('data', (chunk) => {
      seen += chunk
      const match = /MOCK_DWOLLA_URL=(\S+)/.exec(seen)
      if (match) resolve(match[1])
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)))
  })
  return { url, port: Number(new URL(url).port), stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) }
}

async function headersFor(url) {
  const response = await fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=bench&client_secret=bench&grant_type=client_credentials',
  })
  return { authorization: `Bearer ${(await response.json()).access_token}`, accept: HAL, 'content-type': 'application/json' }
}

const NEW_CUSTOMER = JSON.stringify({ firstName: 'Jane', lastName: 'Merchant', email: 'jane.merchant@example.com' })

async function measureRequests() {
  const results = {}
  for (let round = 0; round < rounds; round++) {
    for (const mode of round % 2 === 0 ? ['memory', 'state'] : ['state', 'memory']) {
      const server = await launch(mode === 'state' ? join(folder, `requests-${round}.json`) : undefined)
      const headers = await headersFor(server.url)
      const created = await fetch(`${server.url}/customers`, { method: 'POST', headers, body: NEW_CUSTOMER })
      const path = new URL(created.headers.get('location')).pathname
      const requests = {
        'POST /customers': requestBytes({ method: 'POST', path: '/customers', headers, body: NEW_CUSTOMER }),
        'GET /customers/{id}': requestBytes({ method: 'GET', path, headers: { authorization: headers.authorization, accept: HAL } }),
      }
      for (const [name, bytes] of Object.entries(requests)) {
        for (const connections of [1, 16]) {
          await closedLoop({ port: server.port, bytes, connections, seconds: 0.5 })
          const result = await closedLoop({ port: server.port, bytes, connections, seconds })
          const key = `${name}, ${connections} connection${connections === 1 ? '' : 's'}`
          ;((results[key] ??= {})[mode] ??= []).push(result)
        }
      }
      await server.stop()
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
  console.log(`\nper request (median of ${rounds} rounds of ${seconds} s; p50 and p99 in ms)`)
  for (const [key, modes] of Object.entries(results)) {
    const line = ['memory', 'state'].map((mode) => {
      const runs = modes[mode]
      return `${mode}: ${Math.round(median(runs.map((r) => r.rps)))}/s p50 ${median(runs.map((r) => r.p50)).toFixed(2)} p99 ${median(runs.map((r) => r.p99)).toFixed(2)}`
    })
    console.log(`  ${key.padEnd(34)} ${line.join('   ')}`)
  }
}

async function measureLarge() {
  const dist = (path) => join(root, 'dist', path)
  const { buildServer } = await import(dist('index.js'))
  const { RESOURCES } = await import(dist('resources/registry.js'))
  const { entryOf, snapshotWorlds } = await import(dist('persistence/world-snapshots.js'))
  const { writeSnapshot } = await import(dist('persistence/snapshot-writer.js'))
  const { resolveStatePaths } = await import(dist('persistence/state-paths.js'))
  const parts = RESOURCES.flatMap((resource) => (resource.persisted === undefined ? [] : [resource.persisted]))
  const stateFile = join(folder, 'large.json')
  const app = await buildServer({ stateFile, defaultFixtures: false, customerLimit: 5_000, storeByteLimit: 2 ** 31 })
  const state = app.mockDwolla
  const controller = {
    firstName: 'John',
    lastName: 'Controller',
    title: 'Chief Executive Officer',
    dateOfBirth: '1980-01-31',
    ssn: '1234',
    address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
  }
  const started = performance.now()
  for (let i = 0; i < customers; i++) {
    const body = {
      type: 'business',
      firstName: `Jane${i}`,
      lastName: 'Merchant',
      email: `jane${i}.merchant@example.com`,
      address1: '99-99 33rd Street Apartment 12',
      address2: 'Suite 400',
      city: 'Some City',
      state: 'NY',
      postalCode: '11101-1234',
      businessName: 'Jane Corp International Holdings',
      businessType: 'llc',
      businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203',
      ein: '12-3456789',
      phone: '5554321234',
      website: 'https://www.jane-corp.example.com',
      doingBusinessAs: 'Jane Electronics',
      correlationId: `correlation-${i}`,
      controller,
    }
    state.customers.create(body, { application: `application-${i % 10}` })
    if (i % 1000 === 999) await state.stateFile.durable()
  }
  // Folded into one file first, so what follows is measured with the writer idle.
  await state.stateFile.flush()
  console.log(
    `\nat a large state: ${state.customers.list().length} customers in ${state.worlds.size} applications (made in ${Math.round(performance.now() - started)} ms)`,
  )

  // One change, as a request makes it: what the journal writes and how long until it is on disk.
  const times = []
  const ids = state.customers.list({ application: 'application-3' }).map((customer) => customer.id)
  for (let i = 0; i < 200; i++) {
    const at = performance.now()
    state.customers.setStatus(ids[i], 'suspended', { application: 'application-3' })
    await state.stateFile.durable()
    times.push(performance.now() - at)
  }
  times.sort((a, b) => a - b)
  console.log(`  one change journaled and on disk: median ${times[100].toFixed(2)} ms, p99 ${times[198].toFixed(2)} ms`)

  // Before the journal, every write serialised the whole state in one go on the event loop.
  const whole = performance.now()
  const text = JSON.stringify({ format: 'mock-dwolla-state', version: 2, ...snapshotWorlds(state.worlds, parts) }, null, 2)
  console.log(
    `  the whole state serialised in one go (every write before the journal): ${Math.round(performance.now() - whole)} ms, ${(text.length / 2 ** 20).toFixed(1)} MiB`,
  )

  // A snapshot as compaction writes one, three times, with the event loop watched by a 1 ms probe.
  // The longest gap between two probes is wall time (on a busy machine the process may simply not
  // be running); the CPU time the process used within it is what the snapshot held the loop for.
  const paths = await resolveStatePaths(join(folder, 'snapshot.json'))
  for (let run = 1; run <= 3; run++) {
    const delay = monitorEventLoopDelay({ resolution: 1 })
    let worst = { gap: 0, cpu: 0 }
    let last = performance.now()
    let lastCpu = process.cpuUsage()
    const probe = setInterval(() => {
      const now = performance.now()
      const used = process.cpuUsage(lastCpu)
      if (now - last > worst.gap) worst = { gap: now - last, cpu: (used.user + used.system) / 1000 }
      last = now
      lastCpu = process.cpuUsage()
    }, 1)
    delay.enable()
    const snapshotStarted = performance.now()
    const bytes = await writeSnapshot(
      paths,
      { format: 'mock-dwolla-state', version: 3, savedAt: new Date().toISOString(), journal: 'bench-journal-01' },
      state.worlds.all().map((world) => () => entryOf(world, parts)),
    )
    const took = performance.now() - snapshotStarted
    delay.disable()
    clearInterval(probe)
    console.log(
      `  a snapshot as compaction writes it (${run}): ${Math.round(took)} ms in all, ${(bytes / 2 ** 20).toFixed(1)} MiB; longest gap ${worst.gap.toFixed(1)} ms, ${worst.cpu.toFixed(1)} ms of it CPU; loop delay p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms`,
    )
  }
  await app.close()
  const size = statSync(stateFile).size
  const loadStarted = performance.now()
  const again = await buildServer({ stateFile, defaultFixtures: false, customerLimit: 5_000, storeByteLimit: 2 ** 31 })
  console.log(`  a start loads the ${(size / 2 ** 20).toFixed(1)} MiB file in ${Math.round(performance.now() - loadStarted)} ms`)
  await again.close()
}

if (only.has('requests')) await measureRequests()
if (only.has('large')) await measureLarge()
