import t, { type Test } from 'tap'
import { snapshotWorlds, restoreWorlds } from '../../src/persistence/world-snapshots.js'
import { CUSTOMER_SEEDS, CustomerSeeds, customerControls, customersOf, type CustomerDocument, type CustomerSeed } from '../../src/resources/customers/index.js'
import { EVENTS } from '../../src/resources/events/index.js'
import { IDEMPOTENCY } from '../../src/resources/idempotency/index.js'
import { RESOURCES } from '../../src/resources/registry.js'
import { stateFor } from '../helpers/state.js'
import { LLC, NOW, PERSONAL, UNVERIFIED } from './fields.js'

const SHARED: CustomerDocument = {
  id: '11111111-1111-4111-8111-111111111111',
  type: 'unverified',
  status: 'unverified',
  ...UNVERIFIED,
  email: 'shared@example.com',
}
const ONLY_B: CustomerDocument = {
  id: '22222222-2222-4222-8222-222222222222',
  type: 'unverified',
  status: 'unverified',
  firstName: 'B',
  lastName: 'Only',
  email: 'b@example.com',
  application: 'b',
}
const seed = (document: CustomerDocument, source = 'test'): CustomerSeed => ({ document, source })
const PARTS = RESOURCES.flatMap((resource) => (resource.persisted === undefined ? [] : [resource.persisted]))

async function mock(t: Test, options: { seeds?: CustomerSeed[]; customerLimit?: number } = {}) {
  const state = await stateFor(t, { now: () => NOW, customerLimit: options.customerLimit ?? 100 })
  state.service(CUSTOMER_SEEDS).replace(options.seeds ?? [])
  return state
}

t.test('applications are isolated: one never sees another’s customers', async (t) => {
  const state = await mock(t)
  const made = customersOf(state, 'a').create(UNVERIFIED)
  t.same(customersOf(state, 'a').get(made.id), made, 'its own application has it')
  t.equal(customersOf(state, 'b').get(made.id), undefined, 'another application does not')
  t.not(customersOf(state, 'b').create(UNVERIFIED).id, made.id, 'the same email is free in another application')
})

t.test('seeds: those for every application, those naming it; a later seed of the same id wins', async (t) => {
  const override = { ...SHARED, firstName: 'Overridden' }
  const state = await mock(t, { seeds: [seed(SHARED), seed(ONLY_B), seed(override)] })
  t.same(
    customersOf(state, 'a')
      .list()
      .map((c) => [c.id, c.firstName]),
    [[SHARED.id, 'Overridden']],
    'a: the shared seed, overridden',
  )
  t.same(
    customersOf(state, 'b')
      .list()
      .map((c) => c.id)
      .sort(),
    [SHARED.id, ONLY_B.id].sort(),
    'b: the shared seed and its own',
  )
  t.equal(customersOf(state, 'a').get(SHARED.id)?.created, NOW, 'a seed without created is as old as its store')
  customersOf(state, 'a').update(SHARED.id, { firstName: 'Changed' })
  t.equal(customersOf(state, 'b').get(SHARED.id)?.firstName, 'Overridden', 'each application has its own copy')
})

t.test('seeds that cannot all go into one store are found before any request', async (t) => {
  t.equal(CustomerSeeds.problem([seed(SHARED), seed(ONLY_B)], 10), undefined, 'fine seeds')
  t.equal(
    CustomerSeeds.problem([seed(SHARED, 'one.yaml at /customers/0'), seed({ ...ONLY_B, email: 'SHARED@example.com' }, 'two.yaml at /customers/3')], 10),
    'two.yaml at /customers/3: email shared@example.com is also seeded by one.yaml at /customers/0',
    'two seeds with one email in application b',
  )
  t.equal(CustomerSeeds.problem([seed(SHARED), seed({ ...SHARED, firstName: 'Same id' })], 10), undefined, 'the same id twice is an override, not a clash')
  t.equal(
    CustomerSeeds.problem([seed(SHARED), seed(ONLY_B)], 1),
    '2 customers are seeded for application b, more than customerLimit (1)',
    'more seeds than the limit',
  )
  t.match(
    CustomerSeeds.problem([seed({ ...SHARED, correlationId: 'x' }), seed({ ...ONLY_B, correlationId: 'X' })], 10),
    /correlationId x is also seeded/,
    'a shared correlationId',
  )
})

t.test('reset: every application’s world goes, and its customers come back as the seeds', async (t) => {
  const state = await mock(t, { seeds: [seed(SHARED)] })
  customersOf(state, 'a').create(PERSONAL)
  customerControls(state).create({ ...LLC, email: 'llc@example.com' })
  state.reset()
  t.equal(state.worlds.size, 0, 'no worlds')
  t.same(
    customersOf(state, 'a')
      .list()
      .map((c) => c.id),
    [SHARED.id],
    'the seed only: the test double’s shared creation is gone too',
  )
})

t.test('snapshot and restore: the same customers and keys, no seeds added, no events', async (t) => {
  const state = await mock(t, { seeds: [seed(SHARED)] })
  const made = customersOf(state, 'a').create(PERSONAL)
  // What POST /customers keeps for its Idempotency-Key (createOnce), in the store every creating POST shares.
  state.worlds.open('a').get(IDEMPOTENCY).remember('createCustomer', 'the-key', `/customers/${made.id}`)
  const snapshot = snapshotWorlds(state.worlds, PARTS)
  const [entry] = snapshot.applications
  t.same(
    [entry?.application, (entry?.customers as unknown[]).length, (entry?.idempotencyKeys as unknown[]).length],
    ['a', 2, 1],
    'one application: the seed, the new one, one key',
  )
  t.equal((entry?.customers as CustomerDocument[]).find((c) => c.id === made.id)?.created, new Date(NOW).toISOString(), 'created as ISO 8601')
  const restored = await mock(t, { seeds: [seed(ONLY_B)] })
  restoreWorlds(snapshot, PARTS, restored.worlds, 'state.json', restored.options)
  t.same(snapshotWorlds(restored.worlds, PARTS), snapshot, 'exactly what was saved')
  t.same(customersOf(restored, 'a').get(made.id), made, 'the customer as it was')
  t.same(
    restored.worlds.open('a').get(IDEMPOTENCY).find('createCustomer', 'the-key'),
    { path: `/customers/${made.id}`, inFlight: false },
    'the key still answers the first creation',
  )
  t.same(restored.worlds.find('a')?.peek(EVENTS), undefined, 'restoring raised nothing')
  const tooFew = await stateFor(t, { now: () => NOW, applicationLimit: 1 })
  t.throws(
    () => restoreWorlds({ applications: [entry!, { ...entry!, application: 'b' }] }, PARTS, tooFew.worlds, 'state.json', tooFew.options),
    { name: 'StartupError', message: 'state.json at /applications: 2 applications, more than applicationLimit (1); the state file is left as it is' },
    'a snapshot over the limits is refused',
  )
  t.equal(tooFew.worlds.size, 0, 'and nothing is made')
})

t.test('the test double: create, get, list, setStatus, for one application or all', async (t) => {
  const state = await mock(t)
  const customers = customerControls(state)
  customersOf(state, 'a')
  const forA = customers.create(PERSONAL, { application: 'a', status: 'document' })
  t.match(forA, { application: 'a', type: 'personal', status: 'document', created: new Date(NOW).toISOString() }, 'created for a, straight into document')
  t.same(customers.get(forA.id), forA, 'found without naming the application')
  t.equal(customers.get(forA.id, { application: 'b' }), undefined, 'not in b')
  const shared = customers.create({ ...UNVERIFIED, email: 'everyone@example.com' })
  t.equal(shared.application, undefined, 'shared: no application')
  t.ok(customers.get(shared.id, { application: 'a' }), 'an existing application got it')
  t.ok(customers.get(shared.id, { application: 'late' }), 'and one made later gets it too')
  t.same(
    customers.list({ application: 'late' }).map((c) => c.id),
    [shared.id],
    'listed for that application',
  )
  t.equal(customers.list().length, 2, 'listed across applications: a has two; reading made no store for b or late')
  const moved = customers.setStatus(shared.id, 'suspended')
  t.equal(moved?.status, 'suspended', 'setStatus answers the customer')
  t.same(
    [customers.get(shared.id, { application: 'a' })?.status, customers.get(shared.id, { application: 'late' })?.status],
    ['suspended', 'suspended'],
    'in every application that has it, and for those made later',
  )
  t.equal(state.worlds.find('late'), undefined, 'without making one')
  t.equal(customersOf(state, 'late').get(shared.id)?.status, 'suspended', 'made afterwards, it starts with the customer as it now is')
  t.throws(() => customers.setStatus('99999999-9999-4999-8999-999999999999', 'verified'), { code: 'NotFound' }, 'an unknown customer: NotFound (issue 26)')
  t.throws(() => customers.setStatus(shared.id, 'verified'), RangeError, 'a status its type cannot have')
  const before = state.events.all().length
  customers.create({ ...LLC, email: 'llc@example.com' }, { application: 'a' })
  t.same(
    state.events
      .all()
      .slice(before)
      .map((event) => `${event.application}:${event.topic}`),
    ['a:customer_created', 'a:customer_verified'],
    'test-double creations raise topics too',
  )
})

t.test('a shared creation is all or nothing', async (t) => {
  const state = await mock(t, { customerLimit: 1 })
  const customers = customerControls(state)
  customersOf(state, 'empty')
  customersOf(state, 'full').create(UNVERIFIED)
  t.throws(() => customers.create({ ...UNVERIFIED, email: 'other@example.com' }), { code: 'MaxNumberOfResources' }, 'one store is full')
  t.same(customers.list({ application: 'empty' }), [], 'so no store got it')
})
