import t from 'tap'
import { CustomerEvents, type CustomerEvent } from '../../src/resources/customers/customer-events.js'
import { CustomerProblems } from '../../src/resources/customers/customer-problems.js'
import { CustomerStore } from '../../src/resources/customers/customer-store.js'
import type { DuplicateEmailCheck } from '../../src/config.js'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { NOW, PERSONAL, UNVERIFIED } from './fields.js'

function storeFor(options: { limit?: number; duplicateEmailCheck?: DuplicateEmailCheck; now?: () => number } = {}) {
  const events = new CustomerEvents()
  const seen: CustomerEvent[] = []
  events.subscribe((event) => seen.push(event))
  let changes = 0
  const store = new CustomerStore({
    clientId: 'app',
    limit: () => options.limit ?? 100,
    now: options.now ?? (() => NOW),
    duplicateEmailCheck: () => options.duplicateEmailCheck ?? 'all',
    events,
    onChange: () => void (changes += 1),
  })
  return { store, seen, changes: () => changes }
}

const withEmail = (email: string) => ({ ...UNVERIFIED, email })

t.test('create: a fresh lowercase UUID, the topics told to listeners, the change announced', async (t) => {
  const { store, seen, changes } = storeFor()
  const customer = store.create(PERSONAL)
  t.match(customer.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lowercase UUID v4')
  t.same(store.get(customer.id.toUpperCase()), customer, 'found by id in any case')
  t.same(
    seen,
    [
      { topic: 'customer_created', customerId: customer.id, clientId: 'app', at: NOW },
      { topic: 'customer_verified', customerId: customer.id, clientId: 'app', at: NOW },
    ],
    'customer_created, then customer_verified',
  )
  t.equal(changes(), 1, 'one change')
})

t.test('duplicate emails: case-insensitive, deactivated ones count by default, configurable', async (t) => {
  const { store } = storeFor()
  const first = store.create(withEmail('Jane@Example.com'))
  const rejected = t.throws(() => store.create(withEmail('jane@example.COM'))) as CustomerProblems
  t.same(
    rejected.problems,
    [{ code: 'Duplicate', message: 'A customer with the specified email already exists.', path: '/email', duplicateOf: first.id }],
    'Duplicate at /email naming the existing customer',
  )
  store.update(first.id, { status: 'deactivated' })
  t.throws(() => store.create(withEmail('jane@example.com')), CustomerProblems, "a deactivated customer's email still counts ('all')")
  const active = storeFor({ duplicateEmailCheck: 'active' }).store
  const old = active.create(withEmail('jane@example.com'))
  active.update(old.id, { status: 'deactivated' })
  t.ok(active.create(withEmail('jane@example.com')).id, "'active': a deactivated customer's email is free")
  t.throws(() => active.create(withEmail('jane@example.com')), CustomerProblems, "'active': an active one's is not")
  const off = storeFor({ duplicateEmailCheck: 'off' }).store
  off.create(withEmail('jane@example.com'))
  off.create(withEmail('jane@example.com'))
  t.equal(off.size, 2, "'off': the same email twice")
  const { store: changing } = storeFor()
  changing.create(withEmail('taken@example.com'))
  const other = changing.create(withEmail('free@example.com'))
  t.throws(() => changing.update(other.id, { email: 'TAKEN@example.com' }), CustomerProblems, 'an update to a taken email is a Duplicate too')
  t.equal(changing.get(other.id)?.email, 'free@example.com', 'and changes nothing')
  t.equal(changing.update(other.id, { email: 'Free@Example.com' }).email, 'Free@Example.com', 'its own email in another case is no duplicate')
})

t.test('correlationId is unique across customers', async (t) => {
  const { store } = storeFor()
  const first = store.create({ ...withEmail('a@example.com'), correlationId: 'order-1' })
  const rejected = t.throws(() => store.create({ ...withEmail('b@example.com'), correlationId: 'ORDER-1' })) as CustomerProblems
  t.same(
    rejected.problems,
    [{ code: 'Duplicate', message: 'A customer with the specified correlationId already exists.', path: '/correlationId', duplicateOf: first.id }],
    'Duplicate at /correlationId',
  )
})

t.test('the limit: MaxNumberOfResources, and nothing more is kept', async (t) => {
  const { store, seen } = storeFor({ limit: 3 })
  for (let i = 0; i < 3; i++) store.create(withEmail(`c${i}@example.com`))
  t.throws(
    () => store.create(withEmail('c3@example.com')),
    { statusCode: 400, code: 'MaxNumberOfResources', message: DWOLLA_ERRORS.MaxNumberOfResources.message },
    'the fourth is refused',
  )
  t.equal(store.size, 3, 'three kept')
  t.equal(seen.length, 3, 'no event for the refused one')
})

t.test('list: newest first, filters, search', async (t) => {
  let now = NOW
  const { store } = storeFor({ now: () => now })
  const a = store.create({ ...withEmail('alpha@example.com'), firstName: 'Alpha', businessName: 'Zeta Corp' })
  now += 1000
  const b = store.create({ ...PERSONAL, email: 'beta@example.com', firstName: 'document' })
  const c = store.create({ ...withEmail('gamma@example.com'), lastName: 'Gamma' })
  t.same(
    store.list().map((x) => x.id),
    [c.id, b.id, a.id],
    'newest first; at the same time, the later one first',
  )
  t.same(
    store.list({ email: 'BETA@example.com' }).map((x) => x.id),
    [b.id],
    'email: exact, case-insensitive',
  )
  t.same(store.list({ email: 'beta' }), [], 'email is not a substring match')
  t.same(
    store.list({ statuses: ['document', 'unverified'] }).map((x) => x.id),
    [c.id, b.id, a.id],
    'statuses: any of',
  )
  t.same(
    store.list({ statuses: ['document'] }).map((x) => x.id),
    [b.id],
    'one status',
  )
  t.same(
    store.list({ search: 'zeta' }).map((x) => x.id),
    [a.id],
    'search: businessName',
  )
  t.same(
    store.list({ search: 'GAMM' }).map((x) => x.id),
    [c.id],
    'search: lastName, case-insensitive',
  )
  t.same(store.list({ search: 'example.com' }).length, 3, 'search: email')
  t.same(store.list({ search: 'alpha', statuses: ['document'] }), [], 'filters combine')
})

t.test('snapshot and insert: customers as they are, without events', async (t) => {
  const { store } = storeFor()
  store.create(withEmail('a@example.com'))
  const copy = storeFor()
  for (const customer of store.all()) copy.store.insert(customer)
  t.same(copy.store.all(), store.all(), 'the same customers')
  t.same(copy.seen, [], 'no events')
  t.throws(() => copy.store.insert(store.all()[0]!), RangeError, 'an id twice is refused')
})
