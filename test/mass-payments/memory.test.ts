import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { MASS_PAYMENT_BYTES, MASS_PAYMENT_ITEM_BYTES, MASS_PAYMENTS } from '../../src/resources/mass-payments/mass-payments-part.js'
import { stateFor } from '../helpers/state.js'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Run in its own process with --expose-gc, so the heap is measured after full collections. Items
// are made through the store and settled as processing settles them (a transfer id each).
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { MASS_PAYMENTS } from ${dist('resources/mass-payments/index.js')}
const app = await buildServer({ defaultFixtures: false })
const store = app.mockDwolla.worlds.open('application').get(MASS_PAYMENTS)
const measure = (count, fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / count }
const source = randomUUID()
const payments = []
const itemBytes = measure(50_000, () => {
  for (let i = 0; i < 10; i++) {
    const massPayment = store.create({ sourceId: source, deferred: true, items: Array.from({ length: 5_000 }, () => ({ destinationId: randomUUID(), amount: 100 })) }, undefined)
    for (const item of store.itemsOf(massPayment)) store.settleItem(item, { transferId: randomUUID() })
    payments.push(massPayment)
  }
})
// Mass payments are measured by the ten thousand, after a thousand made to warm the code up: a
// thousand alone left the compiler's own allocations in the figure (1.6 to 2.8 KiB a payment).
const app2 = await buildServer({ defaultFixtures: false, massPaymentLimit: 11_000 })
const small = app2.mockDwolla.worlds.open('application').get(MASS_PAYMENTS)
const createEmpty = (count) => { for (let i = 0; i < count; i++) small.create({ sourceId: source, deferred: true, items: [] }, randomUUID()) }
createEmpty(1_000)
const paymentBytes = measure(10_000, () => createEmpty(10_000))
console.log(JSON.stringify({ items: store.counts.items, itemBytes, paymentBytes }))
await app.close()
await app2.close()
`

t.test('what each mass-payment record really costs stays under what the bound counts it at', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { maxBuffer: 1 << 20 })
  const { items, itemBytes, paymentBytes } = JSON.parse(stdout) as Record<string, number>
  t.equal(items, 50_000, '50,000 items held, the most one application may')
  t.ok(
    (itemBytes as number) < MASS_PAYMENT_ITEM_BYTES,
    `an item with its transfer: ${Math.round(itemBytes as number)} bytes, counted at ${MASS_PAYMENT_ITEM_BYTES}`,
  )
  t.ok((paymentBytes as number) < MASS_PAYMENT_BYTES, `a mass payment: ${Math.round(paymentBytes as number)} bytes, counted at ${MASS_PAYMENT_BYTES}`)
})

t.test('the bound counts each record and the strings it was given', async (t) => {
  const state = await stateFor(t)
  const store = state.worlds.open('key').get(MASS_PAYMENTS)
  const source = '11111111-1111-4111-8111-111111111111'
  store.create(
    { sourceId: source, deferred: true, items: [{ destinationId: source, amount: 1, metadata: { note: 'x'.repeat(100) }, correlationId: 'abc' }] },
    undefined,
  )
  t.equal(
    MASS_PAYMENTS.weigh(store),
    MASS_PAYMENT_BYTES + MASS_PAYMENT_ITEM_BYTES + 2 * ('note'.length + 100 + 3),
    'one of each, and its metadata and correlationId at two bytes a character',
  )
})
