import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { CUSTOMER_BYTES } from '../../src/resources/customers/customers-part.js'
import { IDEMPOTENCY_KEY_BYTES } from '../../src/resources/idempotency/idempotency-part.js'

const run = promisify(execFile)
const store = fileURLToPath(new URL('../../dist/resources/customers/customer-store.js', import.meta.url))
const events = fileURLToPath(new URL('../../dist/resources/customers/customer-events.js', import.meta.url))
const keyStore = fileURLToPath(new URL('../../dist/resources/idempotency/idempotency-store.js', import.meta.url))

// Run in its own process with --expose-gc, so the heap is measured after full collections. The
// bodies are made before the first measurement, so only what the store keeps is counted: the
// customers, their email and correlationId indexes, and the Idempotency-Key records (kept, as
// POST /customers keeps them, in the store every creating POST shares: a path and a digest each).
const script = (kind: 'typical' | 'worst', keys: boolean) => `
import { CustomerStore } from ${JSON.stringify(store)}
import { CustomerEvents } from ${JSON.stringify(events)}
import { IdempotencyStore } from ${JSON.stringify(keyStore)}
const N = 5000
const now = () => Date.parse('2026-01-01T00:00:00Z')
const store = new CustomerStore({ clientId: 'application', limit: () => N, now,
  duplicateEmailCheck: () => 'all', events: new CustomerEvents(), onChange: () => undefined })
const idempotency = new IdempotencyStore(() => N, now)
const keyed = (customer, key) => idempotency.settle(idempotency.remember('createCustomer', key, '/customers/' + customer.id))
const n = (i, width) => String(i).padStart(width, '0')
// The worst inputs: every field at its longest, in characters past Latin-1 (V8 keeps such a string
// at two bytes a character; U+FFFD, what invalid UTF-8 in a body becomes, is one of them), upper
// case where the store keeps a lower-case copy for its index (the email), and an llc (the most
// fields, a controller with a full address).
const wide = (length) => 'Ā'.repeat(length)
const worst = (i) => ({ type: 'business', firstName: wide(45) + n(i, 5), lastName: '\\uFFFD'.repeat(50), email: wide(230) + n(i, 5) + '@Ā.' + wide(15),
  address1: wide(50), address2: wide(50), city: wide(50), state: 'NY', postalCode: '11101-1234', businessName: wide(255),
  doingBusinessAs: wide(255), website: wide(255), businessType: 'llc', businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203',
  ein: '12-3456789', phone: '(555) 432-1234', correlationId: 'C'.repeat(245) + n(i, 10),
  controller: { firstName: wide(50), lastName: wide(50), title: wide(50), dateOfBirth: '1980-01-31', ssn: '1234',
    address: { address1: wide(50), address2: wide(50), address3: wide(50), city: wide(50), stateProvinceRegion: wide(50), postalCode: wide(50), country: 'US' } } })
const typical = (i) => ({ type: 'business', firstName: 'Jane' + i, lastName: 'Merchant', email: 'jane' + i + '.merchant.long.address@example.com',
  address1: '99-99 33rd Street Apartment 12', address2: 'Suite 400', city: 'Some City', state: 'NY', postalCode: '11101-1234',
  dateOfBirth: '1970-01-01', ssn: '123456789', businessName: 'Jane Corp International Holdings', businessType: 'llc',
  businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203', ein: '12-3456789', phone: '5554321234',
  website: 'https://www.jane-corp.example.com', doingBusinessAs: 'Jane Electronics', correlationId: 'correlation-' + i,
  controller: { firstName: 'John', lastName: 'Controller', title: 'Chief Executive Officer', dateOfBirth: '1980-01-31', ssn: '1234',
    address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' } } })
const bodies = Array.from({ length: N }, (_, i) => JSON.stringify(${kind}(i)))
const keys = Array.from({ length: N }, (_, i) => 'K'.repeat(240) + n(i, 10))
global.gc(); global.gc()
const before = process.memoryUsage().heapUsed
for (let i = 0; i < N; i++) {
  const customer = store.create(JSON.parse(bodies[i]))
  ${keys ? 'keyed(customer, keys[i])' : ''}
}
global.gc(); global.gc()
const bytes = (process.memoryUsage().heapUsed - before) / N
// The inputs are read once more after the measure: otherwise V8 may free them during the loop
// (it did on Node 24), and what they held would come off the figure.
console.log(JSON.stringify({ size: store.size, keys: idempotency.size, bytes, inputs: bodies.length + keys.length }))
`

async function measure(kind: 'typical' | 'worst', keys: boolean): Promise<{ size: number; keys: number; bytes: number }> {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script(kind, keys)])
  return JSON.parse(stdout) as { size: number; keys: number; bytes: number }
}

// Issue 27 #14: the bound on all applications counts each customer at CUSTOMER_BYTES; that must be
// what the worst customer really takes, measured, not a guess.
t.test('CUSTOMER_BYTES is the measured worst case of a customer, and a key record is within IDEMPOTENCY_KEY_BYTES', async (t) => {
  const customers = await measure('worst', false)
  t.same([customers.size, customers.keys], [5000, 0], '5,000 worst-case customers held')
  t.ok(customers.bytes <= CUSTOMER_BYTES, `each within CUSTOMER_BYTES (${Math.round(customers.bytes)} ≤ ${CUSTOMER_BYTES} bytes)`)
  t.ok(
    customers.bytes >= CUSTOMER_BYTES * 0.75,
    `and CUSTOMER_BYTES no more than a third above it: the bound counts what memory holds (${Math.round(customers.bytes)})`,
  )
  const keyed = await measure('worst', true)
  const perKey = keyed.bytes - customers.bytes
  t.same([keyed.size, keyed.keys], [5000, 5000], 'and again with a 250-character Idempotency-Key each')
  t.ok(
    perKey <= IDEMPOTENCY_KEY_BYTES,
    `a key record within IDEMPOTENCY_KEY_BYTES (${Math.round(perKey)} ≤ ${IDEMPOTENCY_KEY_BYTES}): only its digest is kept, whatever the key's length`,
  )
})

t.test('a typical customer with every field filled and an Idempotency-Key: under 2.5 KiB (docs/customers.md says 1.6 to 2.0 KiB)', async (t) => {
  const { size, keys, bytes } = await measure('typical', true)
  t.same([size, keys], [5000, 5000], '5,000 customers and keys held')
  t.ok(bytes < 2560, `under 2.5 KiB each (${Math.round(bytes)} bytes)`)
})
