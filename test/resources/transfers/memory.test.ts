import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { TRANSFER_BYTES } from '../../../src/resources/transfers/transfers-part.js'
import { IDEMPOTENCY_KEY_BYTES } from '../../../src/resources/idempotency/idempotency-part.js'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../../dist/${path}`, import.meta.url)))

// Run in its own process with --expose-gc, so the heap is measured after full collections.
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { TRANSFERS } from ${dist('resources/transfers/index.js')}
import { IDEMPOTENCY } from ${dist('resources/idempotency/index.js')}
const COUNT = 20000
const app = await buildServer({ defaultFixtures: false, transferLimit: COUNT * 2 })
const world = app.mockDwolla.worlds.open('application')
const store = world.get(TRANSFERS)
const keys = world.get(IDEMPOTENCY)
const parties = Array.from({ length: 1000 }, () => randomUUID())
const measure = (fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / COUNT }
const transfers = measure(() => {
  for (let i = 0; i < COUNT; i++) {
    // Every link of a chain, a failure, fees, two customer parties (in two party lists), pending: its place in every index.
    // The parties are a customer's each (bounded by the customers, which count their own cost): 1,000 of them.
    const id = randomUUID()
    store.put({ id, role: 'main', status: 'pending', amount: 123456 + i, created: Date.now(), source: { kind: 'customer', customerId: parties[i % 1000] },
      destination: { kind: 'customer', customerId: parties[(i + 1) % 1000] }, sourceFundingSourceId: randomUUID(), destinationFundingSourceId: randomUUID(),
      bank: 'credit', fundingTransferId: randomUUID(), fundedTransferId: randomUUID(), feeIds: [randomUUID(), randomUUID()], paymentId: id,
      refundTo: randomUUID(), payeeBalanceId: randomUUID(), withdrawsToBank: true, failLater: 'R03',
      failure: { code: 'R03', description: 'No Account/Unable to Locate Account', explanation: 'The account number does not correspond to the individual identified in the entry or a valid account.', fundingSourceId: randomUUID() } })
  }
})
const digests = measure(() => { for (let i = 0; i < COUNT; i++) keys.remember('initiateTransfer', randomUUID(), '/transfers/' + randomUUID()) })
console.log(JSON.stringify({ size: store.size, transfers, digests, keys: keys.size }))
await app.close()
`

t.test('what a transfer and an Idempotency-Key record really cost stays under what the bound counts them at', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])
  const { size, transfers, digests, keys } = JSON.parse(stdout) as Record<string, number>
  t.equal(size, 20_000, '20,000 transfers held')
  t.equal(keys, 20_000, '20,000 keys held')
  t.ok(
    (transfers as number) < TRANSFER_BYTES,
    `a transfer at its largest (strings apart), with its indexes: ${Math.round(transfers as number)} bytes, counted at ${TRANSFER_BYTES}`,
  )
  t.ok((digests as number) < IDEMPOTENCY_KEY_BYTES, `an Idempotency-Key record: ${Math.round(digests as number)} bytes, counted at ${IDEMPOTENCY_KEY_BYTES}`)
})
