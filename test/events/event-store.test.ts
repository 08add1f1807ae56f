import t from 'tap'
import { EventStore, type DwollaEvent } from '../../src/resources/events/event-store.js'

const at = Date.parse('2026-03-04T05:06:07.000Z')
const CUSTOMER = '11111111-1111-4111-8111-111111111111'

t.test('records each customer event under a new id, newest first per application', async (t) => {
  const store = new EventStore(10)
  const heard: DwollaEvent[] = []
  store.subscribe((event) => heard.push(event))
  const created = store.record({ topic: 'customer_created', customerId: CUSTOMER, clientId: 'app', at })
  const verified = store.record({ topic: 'customer_verified', customerId: CUSTOMER, clientId: 'app', at: at + 1 })
  const other = store.record({ topic: 'customer_created', customerId: CUSTOMER, clientId: 'other-app', at })
  t.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lowercase UUID v4')
  t.same(created, { id: created.id, topic: 'customer_created', resourceId: CUSTOMER, clientId: 'app', created: at }, 'the topic, the customer as resource, the application, the time')
  t.same(heard, [created, verified, other], 'listeners hear each one as it is recorded')
  t.same(store.list('app'), [verified, created], 'newest first')
  t.same(store.list('nobody'), [], 'an application without events has none')
  t.same(store.get('app', created.id.toUpperCase()), created, 'found by id in any case')
  t.equal(store.get('other-app', created.id), undefined, 'another application’s event is not found')
  t.same(store.all().map((e) => [e.topic, e.application]), [['customer_created', 'app'], ['customer_verified', 'app'], ['customer_created', 'other-app']], 'the test double’s view: every application, oldest first')
  t.same(store.all({ application: 'app', topic: 'customer_verified' }).map((e) => e.id), [verified.id], 'filtered by application and topic')
  t.same(store.all({ resourceId: CUSTOMER.toUpperCase() }).length, 3, 'by customer, any case')
  t.same(store.all()[0], { id: created.id, topic: 'customer_created', resourceId: CUSTOMER, application: 'app', created: '2026-03-04T05:06:07.000Z' }, 'a view: ISO time, the application named')
})

t.test('bounded per application: the oldest go first, and one application cannot push out another’s', async (t) => {
  const store = new EventStore(3)
  const quiet = store.record({ topic: 'customer_created', customerId: CUSTOMER, clientId: 'quiet', at })
  const ids = Array.from({ length: 1000 }, (_, i) => store.record({ topic: 'customer_created', customerId: CUSTOMER, clientId: 'busy', at: at + i }).id)
  t.same(store.list('busy').map((e) => e.id), ids.slice(-3).reverse(), 'the three newest of a thousand')
  t.equal(store.get('busy', ids[0] as string), undefined, 'the oldest are gone')
  t.equal(store.all().length, 4, 'the test double’s view is bounded alike')
  t.same(store.list('quiet'), [quiet], 'the quiet application keeps its event')
  store.clear()
  t.same([store.all(), store.list('quiet')], [[], []], 'clear() forgets them all')
})
