import t from 'tap'
import { EventStore } from '../../src/resources/events/event-store.js'
import { eventViews, EVENTS } from '../../src/resources/events/index.js'
import type { RaisedEvent } from '../../src/world/raised-event.js'
import { stateFor } from '../helpers/state.js'

const at = Date.parse('2026-03-04T05:06:07.000Z')
const CUSTOMER = '11111111-1111-4111-8111-111111111111'
const raised = (topic: string, when = at): RaisedEvent => ({ topic, resourceType: 'customer', resourceId: CUSTOMER, customerId: CUSTOMER, at: when })

t.test('records each event under a new id, newest first; the test double lists every application’s, oldest first', async (t) => {
  const state = await stateFor(t)
  const app = state.worlds.open('app')
  const other = state.worlds.open('other-app')
  const created = app.get(EVENTS).record(raised('customer_created'))
  const verified = app.get(EVENTS).record(raised('customer_verified', at + 1))
  const elsewhere = other.get(EVENTS).record(raised('customer_created'))
  t.match(created.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a lowercase UUID v4')
  t.match(
    created,
    { id: created.id, topic: 'customer_created', resourceType: 'customer', resourceId: CUSTOMER, customerId: CUSTOMER, clientId: 'app', created: at },
    'the topic, the customer as resource, the application, the time',
  )
  t.same(app.get(EVENTS).list(), [verified, created], 'newest first')
  t.same(app.get(EVENTS).get(created.id.toUpperCase()), created, 'found by id in any case')
  t.equal(other.get(EVENTS).get(created.id), undefined, 'another application’s event is not found')
  t.same(
    eventViews(state).map((e) => [e.topic, e.application]),
    [
      ['customer_created', 'app'],
      ['customer_verified', 'app'],
      ['customer_created', 'other-app'],
    ],
    'the test double’s view: every application, oldest first',
  )
  t.same(
    eventViews(state, { application: 'app', topic: 'customer_verified' }).map((e) => e.id),
    [verified.id],
    'filtered by application and topic',
  )
  t.same(eventViews(state, { resourceId: CUSTOMER.toUpperCase() }).length, 3, 'by resource, any case')
  t.same(
    eventViews(state)[0],
    { id: created.id, topic: 'customer_created', resourceId: CUSTOMER, application: 'app', created: '2026-03-04T05:06:07.000Z' },
    'a view: ISO time, the application named',
  )
  t.same(eventViews(state, { application: 'nobody' }), [], 'an application without events has none')
  t.equal(state.worlds.find('nobody'), undefined, 'and reading made no world for it')
  t.equal(elsewhere.clientId, 'other-app', 'each event belongs to its application')
})

t.test('bounded per application: the oldest go first, and one application cannot push out another’s', async (t) => {
  let sequence = 0
  const quiet = new EventStore('quiet', 3, () => (sequence += 1))
  const busy = new EventStore('busy', 3, () => (sequence += 1))
  const kept = quiet.record(raised('customer_created'))
  const ids = Array.from({ length: 1000 }, (_, i) => busy.record(raised('customer_created', at + i)).id)
  t.same(
    busy.list().map((e) => e.id),
    ids.slice(-3).reverse(),
    'the three newest of a thousand',
  )
  t.equal(busy.get(ids[0] as string), undefined, 'the oldest are gone')
  t.equal(busy.size, 3, 'three kept')
  t.same(quiet.list(), [kept], 'the quiet application keeps its event')
})
