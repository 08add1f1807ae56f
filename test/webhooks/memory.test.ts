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
import { Clock } from ${dist('clock.js')}
import { EventStore } from ${dist('events/event-store.js')}
import { Webhooks } from ${dist('webhooks/webhooks.js')}
const headers = Object.fromEntries(Array.from({ length: 20 }, (_, i) => ['x-header-' + i, 'v'.repeat(90)]))
const receiver = createServer((request, response) => request.resume().on('end', () => { response.writeHead(500, headers); response.end('e'.repeat(8192)) }))
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))
const clock = new Clock(() => 0)
const webhooks = new Webhooks({ clock, subscriptionLimit: 10, applicationLimit: 10, historyLimit: 200, retryDelays: Array(9).fill(0), timeoutMs: 10000, concurrency: 10 })
const events = new EventStore(1000)
events.subscribe((event) => webhooks.deliver(event))
webhooks.subscriptionStore.create('app', { url: 'http://127.0.0.1:' + receiver.address().port + '/hooks', secret: 's' }, 'http://127.0.0.1:8910')
global.gc()
const before = process.memoryUsage().heapUsed
for (let i = 0; i < 400; i++) {
  events.record({ topic: 'customer_created', customerId: '11111111-1111-4111-8111-111111111111', clientId: 'app', at: 0 })
  if (i % 50 === 49) await webhooks.settle()
}
await webhooks.settle()
events.clear()
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
  const { webhooks, attempts, pending, maxBody, bytes } = JSON.parse(stdout) as { webhooks: number; attempts: number; pending: number; maxBody: number; bytes: number }
  t.same([webhooks, attempts, pending], [200, 2000, 0], 'of 400 webhooks, the 200 newest are kept, ten attempts each, nothing left waiting')
  t.equal(maxBody, 4096, 'an attempt keeps 4 KiB of an 8 KiB answer')
  t.ok(bytes < 80 * 1024, `under 80 KiB per webhook with ten full attempts (${Math.round(bytes / 1024)} KiB): at most about 70 MiB at the default webhookHistoryLimit of 1,000`)
})
