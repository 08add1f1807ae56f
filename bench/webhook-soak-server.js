// The mock the webhooks soak runs against: the library's start() set up as the CLI sets itself up
// (the young generation held at its starting size, no log), with webhookHistoryLimit given, which
// the CLI has no flag for. Prints the CLI's ready line, then every five seconds the heap left by a
// full collection (run with --expose-gc): what the process holds, not what awaits collection.
import { setFlagsFromString } from 'node:v8'
import { start } from '../dist/index.bundle.js'

setFlagsFromString('--semi-space-growth-factor=1')
const server = await start({ port: 0, logger: false, webhookHistoryLimit: Number(process.argv[2]) })
process.stdout.write(`MOCK_DWOLLA_URL=${server.url}\n`)
const heap = setInterval(() => {
  globalThis.gc()
  process.stdout.write(`HEAP_USED=${process.memoryUsage().heapUsed}\n`)
}, 5_000)
process.on('SIGTERM', () => {
  clearInterval(heap)
  void server.close().then(() => process.exit(0))
})
