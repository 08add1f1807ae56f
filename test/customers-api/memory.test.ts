import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'

const run = promisify(execFile)
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
const customers = fileURLToPath(new URL('../../dist/resources/customers/index.js', import.meta.url))

// Run in its own process with --expose-gc, so the heap is measured after full collections.
const script = `
import { buildServer } from ${JSON.stringify(dist)}
import { CUSTOMERS } from ${JSON.stringify(customers)}
const app = await buildServer({ defaultFixtures: false })
const store = app.mockDwolla.worlds.open('application').get(CUSTOMERS)
const controller = { firstName: 'John', lastName: 'Controller', title: 'Chief Executive Officer', dateOfBirth: '1980-01-31', ssn: '1234',
  address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' } }
global.gc()
const before = process.memoryUsage().heapUsed
for (let i = 0; i < 5000; i++) {
  store.create({ type: 'business', firstName: 'Jane' + i, lastName: 'Merchant', email: 'jane' + i + '.merchant.long.address@example.com',
    address1: '99-99 33rd Street Apartment 12', address2: 'Suite 400', city: 'Some City', state: 'NY', postalCode: '11101-1234',
    dateOfBirth: '1970-01-01', ssn: '123456789', businessName: 'Jane Corp International Holdings', businessType: 'llc',
    businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203', ein: '12-3456789', phone: '5554321234',
    website: 'https://www.jane-corp.example.com', doingBusinessAs: 'Jane Electronics', correlationId: 'correlation-' + i, controller }, 'idempotency-key-' + i)
}
global.gc()
console.log(JSON.stringify({ size: store.size, keys: store.idempotency.size, bytes: (process.memoryUsage().heapUsed - before) / 5000 }))
await app.close()
`

t.test('a customer with every field filled and an Idempotency-Key: about 1.5 KiB of heap (docs/customers.md says so)', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])
  const { size, keys, bytes } = JSON.parse(stdout) as { size: number; keys: number; bytes: number }
  t.same([size, keys], [5000, 5000], '5,000 customers and keys held')
  t.ok(bytes < 2048, `under 2 KiB each (${Math.round(bytes)} bytes): at the default caps, 10 × 5,000 stay under 100 MiB`)
})
