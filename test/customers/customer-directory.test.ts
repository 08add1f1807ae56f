import t from 'tap'
import { CustomerDirectory, type CustomerSeed } from '../../src/resources/customers/customer-directory.js'
import type { CustomerDocument } from '../../src/resources/customers/customer-document.js'
import { LLC, NOW, PERSONAL, UNVERIFIED } from './fields.js'

const SHARED: CustomerDocument = { id: '11111111-1111-4111-8111-111111111111', type: 'unverified', status: 'unverified', ...UNVERIFIED, email: 'shared@example.com' }
const ONLY_B: CustomerDocument = { id: '22222222-2222-4222-8222-222222222222', type: 'unverified', status: 'unverified', firstName: 'B', lastName: 'Only', email: 'b@example.com', application: 'b' }
const seed = (document: CustomerDocument, source = 'test'): CustomerSeed => ({ document, source })

function directory(options: { seeds?: CustomerSeed[]; customerLimit?: number; applicationLimit?: number } = {}) {
  return new CustomerDirectory({
    customerLimit: options.customerLimit ?? 100,
    applicationLimit: options.applicationLimit ?? 10,
    now: () => NOW,
    duplicateEmailCheck: 'all',
    seeds: options.seeds ?? [],
  })
}

t.test('applications are isolated: one never sees another’s customers', async (t) => {
  const customers = directory()
  const made = customers.storeFor('a').create(UNVERIFIED).customer
  t.same(customers.storeFor('a').get(made.id), made, 'its own application has it')
  t.equal(customers.storeFor('b').get(made.id), undefined, 'another application does not')
  t.equal(customers.storeFor('b').create(UNVERIFIED).replayed, false, 'the same email is free in another application')
})

t.test('seeds: those for every application, those naming it; a later seed of the same id wins', async (t) => {
  const override = { ...SHARED, firstName: 'Overridden' }
  const customers = directory({ seeds: [seed(SHARED), seed(ONLY_B), seed(override)] })
  t.same(customers.storeFor('a').list().map((c) => [c.id, c.firstName]), [[SHARED.id, 'Overridden']], 'a: the shared seed, overridden')
  t.same(customers.storeFor('b').list().map((c) => c.id).sort(), [SHARED.id, ONLY_B.id].sort(), 'b: the shared seed and its own')
  t.equal(customers.storeFor('a').get(SHARED.id)?.created, NOW, 'a seed without created is as old as its store')
  customers.storeFor('a').update(SHARED.id, { firstName: 'Changed' })
  t.equal(customers.storeFor('b').get(SHARED.id)?.firstName, 'Overridden', 'each application has its own copy')
})

t.test('seeds that cannot all go into one store are found before any request', async (t) => {
  t.equal(CustomerDirectory.seedProblem([seed(SHARED), seed(ONLY_B)], 10), undefined, 'fine seeds')
  t.equal(
    CustomerDirectory.seedProblem([seed(SHARED, 'one.yaml at /customers/0'), seed({ ...ONLY_B, email: 'SHARED@example.com' }, 'two.yaml at /customers/3')], 10),
    'two.yaml at /customers/3: email shared@example.com is also seeded by one.yaml at /customers/0',
    'two seeds with one email in application b',
  )
  t.equal(CustomerDirectory.seedProblem([seed(SHARED), seed({ ...SHARED, firstName: 'Same id' })], 10), undefined, 'the same id twice is an override, not a clash')
  t.equal(CustomerDirectory.seedProblem([seed(SHARED), seed(ONLY_B)], 1), '2 customers are seeded for application b, more than customerLimit (1)', 'more seeds than the limit')
  t.match(CustomerDirectory.seedProblem([seed({ ...SHARED, correlationId: 'x' }), seed({ ...ONLY_B, correlationId: 'X' })], 10), /correlationId x is also seeded/, 'a shared correlationId')
})

t.test('applicationLimit: past it a new application gets MaxNumberOfResources', async (t) => {
  const customers = directory({ applicationLimit: 2 })
  customers.storeFor('a')
  customers.storeFor('b')
  t.throws(() => customers.storeFor('c'), { code: 'MaxNumberOfResources' }, 'a third application is refused')
  t.ok(customers.storeFor('a'), 'the first two still work')
  t.equal(customers.applicationCount, 2, 'two stores')
})

t.test('reset: every store goes, and comes back with its seeds', async (t) => {
  const customers = directory({ seeds: [seed(SHARED)] })
  let changes = 0
  customers.onChange(() => void (changes += 1))
  customers.storeFor('a').create(PERSONAL)
  customers.create({ ...LLC, email: 'llc@example.com' })
  customers.reset()
  t.equal(customers.applicationCount, 0, 'no stores')
  t.same(customers.storeFor('a').list().map((c) => c.id), [SHARED.id], 'the seed only')
  t.ok(changes >= 3, `changes were announced (${changes})`)
})

t.test('snapshot and restore: the same customers and keys, no seeds added, no events', async (t) => {
  const customers = directory({ seeds: [seed(SHARED)] })
  const made = customers.storeFor('a').create(PERSONAL, 'the-key').customer
  const snapshot = customers.snapshot()
  t.same(snapshot.map((s) => [s.application, s.customers.length, s.idempotency.length]), [['a', 2, 1]], 'one application: the seed, the new one, one key')
  t.equal(snapshot[0]?.customers.find((c) => c.id === made.id)?.created, new Date(NOW).toISOString(), 'created as ISO 8601')
  const restored = directory({ seeds: [seed(ONLY_B)] })
  const events: string[] = []
  restored.events.subscribe((event) => events.push(event.topic))
  let changes = 0
  restored.onChange(() => void (changes += 1))
  restored.restore(snapshot)
  t.same(restored.snapshot(), snapshot, 'exactly what was saved')
  t.same(restored.storeFor('a').create(UNVERIFIED, 'the-key').customer, made, 'the key still answers the first creation')
  t.same([events, changes], [[], 0], 'restoring raised nothing and announced nothing')
  t.throws(() => directory({ applicationLimit: 0 }).restore(snapshot), { code: 'MaxNumberOfResources' }, 'a snapshot over the limits is refused')
})

t.test('the test double: create, get, list, setStatus, for one application or all', async (t) => {
  const customers = directory()
  customers.storeFor('a')
  const forA = customers.create(PERSONAL, { application: 'a', status: 'document' })
  t.match(forA, { application: 'a', type: 'personal', status: 'document', created: new Date(NOW).toISOString() }, 'created for a, straight into document')
  t.same(customers.get(forA.id), forA, 'found without naming the application')
  t.equal(customers.get(forA.id, { application: 'b' }), undefined, 'not in b')
  const shared = customers.create({ ...UNVERIFIED, email: 'everyone@example.com' })
  t.equal(shared.application, undefined, 'shared: no application')
  t.ok(customers.get(shared.id, { application: 'a' }), 'an existing application got it')
  t.ok(customers.get(shared.id, { application: 'late' }), 'and one made later gets it too')
  t.same(customers.list({ application: 'late' }).map((c) => c.id), [shared.id], 'listed for that application')
  t.equal(customers.list().length, 4, 'listed across applications: a has two, b and late one each (naming b made its store)')
  const moved = customers.setStatus(shared.id, 'suspended')
  t.equal(moved?.status, 'suspended', 'setStatus answers the customer')
  t.same([customers.get(shared.id, { application: 'a' })?.status, customers.get(shared.id, { application: 'late' })?.status], ['suspended', 'suspended'], 'in every application that has it')
  t.equal(customers.setStatus('99999999-9999-4999-8999-999999999999', 'verified'), undefined, 'an unknown customer: undefined')
  t.throws(() => customers.setStatus(shared.id, 'verified'), RangeError, 'a status its type cannot have')
  const events: string[] = []
  customers.events.subscribe((event) => events.push(`${event.clientId}:${event.topic}`))
  customers.create({ ...LLC, email: 'llc@example.com' }, { application: 'a' })
  t.same(events, ['a:customer_created', 'a:customer_verified'], 'test-double creations raise topics too')
})

t.test('a shared creation is all or nothing', async (t) => {
  const customers = directory({ customerLimit: 1 })
  customers.storeFor('empty')
  customers.storeFor('full').create(UNVERIFIED)
  t.throws(() => customers.create({ ...UNVERIFIED, email: 'other@example.com' }), { code: 'MaxNumberOfResources' }, 'one store is full')
  t.same(customers.list({ application: 'empty' }), [], 'so no store got it')
})
