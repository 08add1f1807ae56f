import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Its own process with --expose-gc, so the heap is measured after full collections. A receiver
// that fails every attempt with the most the mock keeps (and more): 8 KiB of body, 2 KiB of
// headers. Every retry is due at once, so each webhook holds all ten attempts it can keep.
const script = `
import { createServer } from 'node:http'
import { createMockState } from ${dist('mock-state.js')}
import { SUBSCRIPTIONS } from ${dist('resources/webhook-subscriptions/index.js')}
const headers = Object.fromEntries(Array.from({ length: 20 }, (_, i) => ['x-header-' + i, 'v'.repeat(90)]))
const receiver = createServer((request, response) => request.resume().on('end', () => { response.writeHead(500, headers); response.end('e'.repeat(8192)) }))
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const state = await createMockState({ now: () => 0, defaultFixtures: false, webhookHistoryLimit: 200, webhookRetrySchedule: Array(9).fill(0) })
const { webhooks } = state
const world = state.worlds.open('app')
world.get(SUBSCRIPTIONS).create({ url: 'http://127.0.0.1:' + receiver.address().port + '/hooks', secret: 's' }, 'http://127.0.0.1:8910')
global.gc()
const before = process.memoryUsage().heapUsed
for (let i = 0; i < 400; i++) {
  world.raise({ topic: 'customer_created', resourceType: 'customer', resourceId: '11111111-1111-4111-8111-111111111111', customerId: '11111111-1111-4111-8111-111111111111', at: 0 })
  if (i % 50 === 49) await webhooks.settle()
}
await webhooks.settle()
state.worlds.clear()
global.gc()
const kept = webhooks.history.all()
console.log(JSON.stringify({ webhooks: kept.length, attempts: kept.reduce((n, w) => n + w.attempts.length, 0), pending: webhooks.pending().length,
  maxBody: Math.max(...kept.flatMap((w) => w.attempts.map((a) => Buffer.byteLength(a.response.body)))),
  bytes: (process.memoryUsage().heapUsed - before) / kept.length }))
webhooks.close()
receiver.close()
`

t.test('the delivery history is bounded whatever receivers answer: about 70 KiB per webhook at worst (docs/webhooks.md says so)', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])
  const { webhooks, attempts, pending, maxBody, bytes } = JSON.parse(stdout) as {
    webhooks: number
    attempts: number
    pending: number
    maxBody: number
    bytes: number
  }
  t.same([webhooks, attempts, pending], [200, 2000, 0], 'of 400 webhooks, the 200 newest are kept, ten attempts each, nothing left waiting')
  t.equal(maxBody, 4096, 'an attempt keeps 4 KiB of an 8 KiB answer')
  t.ok(
    bytes < 80 * 1024,
    `under 80 KiB per webhook with ten full attempts (${Math.round(bytes / 1024)} KiB): at most about 70 MiB at the default webhookHistoryLimit of 1,000`,
  )
})
