import t from 'tap'
import { start } from '../../src/index.js'
import { PERSONAL } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const NOW = Date.parse('2026-03-04T05:06:07.000Z')
const SECRET = 'double-secret'

t.test('server.events(), server.webhooks.deliveries(), settle() and pending(): what a test asserts on, without sleeping', async (t) => {
  const server = await start({ now: () => NOW })
  t.teardown(() => server.close())
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end('not yet')
  })
  const token = await accessTokenFor(server.app)
  const subscriptionId = await subscribeVia(server.app, token, receiver.url, SECRET)
  const customerId = await createCustomerVia(server.app, token, PERSONAL)
  t.same(
    server.events().map(({ topic, resourceId, application, created }) => ({ topic, resourceId, application, created })),
    [
      { topic: 'customer_created', resourceId: customerId, application: 'key', created: '2026-03-04T05:06:07.000Z' },
      { topic: 'customer_verified', resourceId: customerId, application: 'key', created: '2026-03-04T05:06:07.000Z' },
    ],
    'server.events(): oldest first, as they were raised',
  )
  t.equal(server.events({ topic: 'customer_verified' }).length, 1, 'filtered by topic')
  t.equal(server.events({ resourceId: customerId.toUpperCase(), application: 'key' }).length, 2, 'by customer and application')

  await server.webhooks.settle()
  const deliveries = server.webhooks.deliveries()
  t.same(
    deliveries.map((d) => [d.topic, d.cause, d.response.status, d.succeeded]),
    [
      ['customer_created', 'first', 500, false],
      ['customer_verified', 'first', 500, false],
    ],
    'every attempt, with its outcome',
  )
  const [first] = deliveries
  t.match(
    first,
    {
      subscriptionId,
      application: 'key',
      eventId: server.events()[0]?.id,
      url: receiver.url,
      time: '2026-03-04T05:06:07.000Z',
      request: {
        headers: { 'content-type': 'application/json; charset=UTF-8', 'x-dwolla-topic': 'customer_created', 'x-request-signature-sha-256': /^[0-9a-f]{64}$/ },
        body: receiver.received[0]?.body,
      },
      response: { status: 500, body: 'not yet' },
      error: undefined,
    },
    'what was sent and what came back',
  )
  t.same(
    server.webhooks.deliveries({ topic: 'customer_verified' }).map((d) => d.topic),
    ['customer_verified'],
    'filtered by topic',
  )
  t.same(
    server.webhooks.pending().map((p) => [p.cause, p.dueAt]),
    [
      ['retry', '2026-03-04T05:06:07.250Z'],
      ['retry', '2026-03-04T05:06:07.250Z'],
    ],
    'the retries wait: 250 ms by the scaled schedule (Dwolla’s 15 minutes)',
  )
  t.same(
    server.webhooks.subscriptions(),
    [{ id: subscriptionId, application: 'key', url: receiver.url, paused: false, created: '2026-03-04T05:06:07.000Z' }],
    'subscriptions, without their secrets',
  )

  receiver.answerWith((_request, response) => response.end('ok'))
  server.clock.advance(250)
  await server.webhooks.settle()
  t.same(
    server.webhooks.deliveries().map((d) => [d.cause, d.succeeded]),
    [
      ['first', false],
      ['first', false],
      ['retry', true],
      ['retry', true],
    ],
    'moving the clock delivered the retries at once',
  )
  t.same(server.webhooks.pending(), [], 'nothing waits')

  server.reset()
  t.same(
    [server.events(), server.webhooks.deliveries(), server.webhooks.pending(), server.webhooks.subscriptions()],
    [[], [], [], []],
    'reset() clears events, deliveries, retries and subscriptions',
  )
})

t.test('/__mock/events, /__mock/webhooks and POST /__mock/webhooks/settle, for a mock in another process', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 503
    response.end()
  })
  const token = await accessTokenFor(app)
  const subscriptionId = await subscribeVia(app, token, receiver.url, SECRET)
  await createCustomerVia(app, token, PERSONAL)
  const events = (await app.inject({ method: 'GET', url: '/__mock/events?topic=customer_created' })).json().events
  t.same(
    events.map((e: { topic: string }) => e.topic),
    ['customer_created'],
    'GET /__mock/events, filtered',
  )
  const settled = await app.inject({ method: 'POST', url: '/__mock/webhooks/settle' })
  t.same(
    [settled.statusCode, settled.json().settled, settled.json().pending.length],
    [200, true, 2],
    'POST /__mock/webhooks/settle waits for what is due, and says what still waits',
  )
  const state = (await app.inject({ method: 'GET', url: `/__mock/webhooks?subscriptionId=${subscriptionId}` })).json()
  t.same(Object.keys(state), ['subscriptions', 'pending', 'dropped', 'deliveries'], 'subscriptions, pending retries, webhooks let go, deliveries')
  t.same(
    state.deliveries.map((d: { response: { status: number } }) => d.response.status),
    [503, 503],
    'both attempts',
  )
  t.notMatch(JSON.stringify(state), SECRET, 'never the secret')
  await app.inject({ method: 'POST', url: '/__mock/clock', payload: { advanceSeconds: 1 } })
  await app.inject({ method: 'POST', url: '/__mock/webhooks/settle' })
  t.equal((await app.inject({ method: 'GET', url: '/__mock/webhooks' })).json().deliveries.length, 4, 'POST /__mock/clock makes due retries go')
  for (const url of ['/__mock/events?nope=1', '/__mock/events?topic=a&topic=b', '/__mock/webhooks?secret=x']) {
    const refused = await app.inject({ method: 'GET', url })
    t.same([refused.statusCode, refused.json().error], [400, 'InvalidQuery'], `${url}: 400 InvalidQuery`)
  }
  await app.inject({ method: 'POST', url: '/__mock/reset' })
  t.same(
    (await app.inject({ method: 'GET', url: '/__mock/webhooks' })).json(),
    { subscriptions: [], pending: [], dropped: { finished: 0, undelivered: 0, withApplication: 0 }, deliveries: [] },
    'POST /__mock/reset clears them',
  )
  t.same((await app.inject({ method: 'GET', url: '/__mock/events' })).json(), { events: [] }, 'and the events')
})

t.test('the admin guard covers the new routes', async (t) => {
  const app = await mockFor(t, { adminToken: 'a-long-enough-admin-token' })
  for (const [method, url] of [
    ['GET', '/__mock/events'],
    ['GET', '/__mock/webhooks'],
    ['POST', '/__mock/webhooks/settle'],
    ['GET', '/__mock/webhooks/counts'],
  ] as const) {
    const refused = await app.inject({ method, url })
    t.same([refused.statusCode, refused.json().error], [401, 'AdminTokenRequired'], `${method} ${url} without the token: 401`)
    const allowed = await app.inject({ method, url, headers: { authorization: 'Bearer a-long-enough-admin-token' } })
    t.equal(allowed.statusCode, 200, `${method} ${url} with it: 200`)
  }
  const rebinding = await app.inject({
    method: 'GET',
    url: '/__mock/webhooks',
    headers: { host: 'evil.example', authorization: 'Bearer a-long-enough-admin-token' },
  })
  t.equal(rebinding.statusCode, 403, 'a foreign Host name: 403')
})

t.test('the journal keeps deliveries apart: requests to the mock only, deliveries in their own view', async (t) => {
  const app = await mockFor(t)
  const receiver = await webhookReceiver(t, SECRET)
  const token = await accessTokenFor(app)
  await subscribeVia(app, token, receiver.url, SECRET)
  await createCustomerVia(app, token, PERSONAL)
  await app.mockDwolla.webhooks.settle()
  t.same(
    app.mockDwolla.journal.list().map((e) => e.operation),
    ['createApplicationAccessToken', 'createWebhookSubscription', 'createCustomer'],
    'the request journal: what the application sent the mock',
  )
  t.equal(app.mockDwolla.webhooks.deliveries().length, 2, 'deliveries: what the mock sent the application')
  t.equal(receiver.received.length, 2, 'both received')
  const other = await apiRequest(app, 'GET', '/events', { token })
  t.equal(other.json().total, 2, 'and the events they carried')
})

t.test('counts() and GET /__mock/webhooks/counts: what is kept, waiting, in flight and let go, in all or for one application', async (t) => {
  const app = await mockFor(t, { now: () => NOW, webhookHistoryLimit: 2, webhookRetrySchedule: 'dwolla' })
  const failing = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  const healthy = await webhookReceiver(t, SECRET)
  const failingToken = await accessTokenFor(app, 'failing-app')
  const healthyToken = await accessTokenFor(app, 'healthy-app')
  await subscribeVia(app, failingToken, failing.url, SECRET)
  await subscribeVia(app, healthyToken, healthy.url, SECRET)
  for (let i = 0; i < 3; i++) {
    await createCustomerVia(app, failingToken, { ...PERSONAL, email: `failing-${i}@example.com` })
    await createCustomerVia(app, healthyToken, { ...PERSONAL, email: `healthy-${i}@example.com` })
    await app.mockDwolla.webhooks.settle()
  }
  // Each customer raises two events: six webhooks each, two kept. The failing ones wait for their retries.
  const failingCounts = { kept: 2, pending: 2, inFlight: 0, dropped: { finished: 0, undelivered: 4, withApplication: 0 } }
  const healthyCounts = { kept: 2, pending: 0, inFlight: 0, dropped: { finished: 4, undelivered: 0, withApplication: 0 } }
  t.same(app.mockDwolla.webhooks.counts('failing-app'), failingCounts, 'the failing application: its retries wait, and it let go of four on their way')
  t.same(app.mockDwolla.webhooks.counts('healthy-app'), healthyCounts, 'the healthy one let go of four delivered ones only')
  t.same(
    app.mockDwolla.webhooks.counts(),
    { kept: 4, pending: 2, inFlight: 0, dropped: { finished: 4, undelivered: 4, withApplication: 0 } },
    'in all: the sums',
  )
  const counted = await app.inject({ method: 'GET', url: '/__mock/webhooks/counts?application=failing-app' })
  t.same(counted.json(), failingCounts, 'GET /__mock/webhooks/counts?application= says the same')
  t.same((await app.inject({ method: 'GET', url: '/__mock/webhooks/counts' })).json(), app.mockDwolla.webhooks.counts(), 'and without a filter, the sums')
  const view = (await app.inject({ method: 'GET', url: '/__mock/webhooks?application=healthy-app' })).json()
  t.same(view.dropped, healthyCounts.dropped, 'GET /__mock/webhooks?application= shows what the application let go')
  t.ok(view.deliveries.length === 2 && view.deliveries.every((d: { application: string }) => d.application === 'healthy-app'), 'and only its deliveries')
  t.same(view.pending, [], 'and only its waiting attempts')
  const refused = await app.inject({ method: 'GET', url: '/__mock/webhooks/counts?topic=x' })
  t.same([refused.statusCode, refused.json().error], [400, 'InvalidQuery'], 'counts takes only application')
})

t.test('an application dropped by the bound on all applications takes its webhooks with it, counted', async (t) => {
  const app = await mockFor(t, { now: () => NOW, applicationLimit: 1, webhookRetrySchedule: 'dwolla' })
  const failing = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  const firstToken = await accessTokenFor(app, 'first-app')
  await subscribeVia(app, firstToken, failing.url, SECRET)
  await createCustomerVia(app, firstToken, PERSONAL)
  await app.mockDwolla.webhooks.settle()
  t.same([app.mockDwolla.webhooks.counts().kept, app.mockDwolla.webhooks.pending().length], [2, 2], 'two webhooks kept, their retries waiting')
  const secondToken = await accessTokenFor(app, 'second-app')
  await apiRequest(app, 'GET', '/webhook-subscriptions', { token: secondToken })
  t.same(
    app.mockDwolla.webhooks.counts(),
    { kept: 0, pending: 0, inFlight: 0, dropped: { finished: 0, undelivered: 0, withApplication: 2 } },
    'the first application went (applicationLimit 1): its webhooks and their retries with it, counted',
  )
  app.mockDwolla.clock.advance(24 * 60 * 60 * 1000)
  await app.mockDwolla.webhooks.settle()
  t.equal(failing.received.length, 2, 'no retry is sent for them')
})
