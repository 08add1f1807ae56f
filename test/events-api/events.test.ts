import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const NOW = Date.parse('2026-03-04T05:06:07.000Z')
const link = (path: string, resourceType?: string) => ({
  href: `http://localhost:80${path}`,
  type: HAL,
  ...(resourceType === undefined ? {} : { 'resource-type': resourceType }),
})
const ACCOUNT = '/accounts/8f22fb7f-d09a-51b0-8291-477a09c1224d'

t.test('a verified customer’s creation records customer_created, then customer_verified; GET /events lists them newest first', async (t) => {
  let now = NOW
  const app = await mockFor(t, { now: () => now })
  const token = await accessTokenFor(app)
  const customerId = await createCustomerVia(app, token, PERSONAL)
  now += 1000
  await apiRequest(app, 'POST', `/customers/${customerId}`, { token, body: { status: 'deactivated' } })
  const response = await apiRequest(app, 'GET', '/events', { token })
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'the Dwolla media type')
  const body = response.json()
  t.same(
    body._embedded.events.map((e: { topic: string }) => e.topic),
    ['customer_deactivated', 'customer_verified', 'customer_created'],
    'newest first',
  )
  const created = body._embedded.events[2]
  t.same(
    created,
    {
      _links: {
        account: link(ACCOUNT, 'account'),
        customer: link(`/customers/${customerId}`, 'customer'),
        resource: link(`/customers/${customerId}`),
        self: link(`/events/${created.id}`, 'event'),
      },
      created: '2026-03-04T05:06:07.000Z',
      id: created.id,
      resourceId: customerId,
      topic: 'customer_created',
    },
    'the whole event, in Dwolla’s shape: account, customer, resource and self links',
  )
  t.equal(body._embedded.events[0].created, '2026-03-04T05:06:08.000Z', 'each at its time on the mock’s clock')
  t.equal(body.total, 3, 'total')
  t.same(
    body._links,
    {
      self: link('/events?limit=25&offset=0', 'event'),
      first: link('/events?limit=25&offset=0', 'event'),
      last: link('/events?limit=25&offset=0', 'event'),
    },
    'paging links',
  )
  const one = await apiRequest(app, 'GET', `/events/${created.id.toUpperCase()}`, { token })
  t.same([one.statusCode, one.json()], [200, created], 'GET /events/{id}: the same event, any case')
})

t.test('every transition records Dwolla’s topic; seeds record nothing', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const topics = async () =>
    (await apiRequest(app, 'GET', '/events', { token }))
      .json()
      ._embedded.events.map((e: { topic: string }) => e.topic)
      .reverse()
  t.same(await topics(), [], 'the seeds are not events')
  await createCustomerVia(app, token, UNVERIFIED)
  t.same(await topics(), ['customer_created'], 'an unverified customer: created only')
  const steps: Array<[string, unknown, string[]]> = [
    [SEEDED.personalVerified, { status: 'deactivated' }, ['customer_deactivated']],
    [SEEDED.personalVerified, { status: 'reactivated' }, ['customer_activated']],
    [SEEDED.personalVerified, { status: 'suspended' }, ['customer_suspended']],
  ]
  const seen = ['customer_created']
  for (const [id, body, raised] of steps) {
    await apiRequest(app, 'POST', `/customers/${id}`, { token, body })
    seen.push(...raised)
    t.same(await topics(), seen, `${JSON.stringify(body)}: ${raised.join(', ')}`)
  }
  for (const [firstName, topic] of [
    ['retry', 'customer_reverification_needed'],
    ['kba', 'customer_kba_verification_needed'],
    ['document', 'customer_verification_document_needed'],
    ['suspended', 'customer_suspended'],
  ]) {
    await createCustomerVia(app, token, { ...PERSONAL, firstName, email: `${firstName}@example.com` })
    seen.push('customer_created', topic as string)
    t.same((await topics()).slice(-2), ['customer_created', topic], `a ${firstName} customer: created, then ${topic}`)
  }
  app.mockDwolla.customers.setStatus(SEEDED.personalDocument, 'verified', { application: 'key' })
  t.same((await topics()).at(-1), 'customer_verified', 'the test double’s status changes raise events too')
})

t.test('paging: limit and offset as for customers; a bad one is a ValidationError', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (let i = 0; i < 5; i++) await createCustomerVia(app, token, { ...UNVERIFIED, email: `u${i}@example.com` })
  const page = (await apiRequest(app, 'GET', '/events?limit=2&offset=2', { token })).json()
  t.same([page.total, page._embedded.events.length], [5, 2], 'two of five')
  t.same(Object.keys(page._links), ['self', 'first', 'next', 'prev', 'last'], 'next and prev where there is such a page')
  t.equal(page._links.next.href, 'http://localhost:80/events?limit=2&offset=4', 'next')
  const bad = await apiRequest(app, 'GET', '/events?limit=0', { token })
  t.same(
    [bad.statusCode, bad.json()],
    [
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: { errors: [{ code: 'Invalid', message: 'Limit invalid.', path: '/limit', _links: {} }] },
      },
    ],
    'limit 0: ValidationError at /limit',
  )
  t.equal(
    (await apiRequest(app, 'GET', '/events?limit=1000', { token })).json()._links.self.href,
    'http://localhost:80/events?limit=200&offset=0',
    'a limit over 200 is taken as 200',
  )
})

t.test('another application’s event, an unknown id and a malformed one are 404 "Application event not found."', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await createCustomerVia(app, token, UNVERIFIED)
  const [event] = (await apiRequest(app, 'GET', '/events', { token })).json()._embedded.events
  const other = await accessTokenFor(app, 'other-app')
  t.equal((await apiRequest(app, 'GET', '/events', { token: other })).json().total, 0, 'another application lists none of them')
  for (const [name, id] of [
    ['another application’s', event.id],
    ['an unknown id', '99999999-9999-4999-8999-999999999999'],
    ['a malformed id', 'nope'],
  ]) {
    const response = await apiRequest(app, 'GET', `/events/${id}`, { token: other })
    t.same([response.statusCode, response.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.event }], `${name}: 404`)
  }
  t.equal(NOT_FOUND_MESSAGES.event, 'Application event not found.', 'Dwolla’s message (events/retrieve)')
  const unauthenticated = await apiRequest(app, 'GET', '/events', { token, headers: { authorization: undefined } })
  t.same([unauthenticated.statusCode, unauthenticated.json().code], [401, 'InvalidCredentials'], 'needs a token')
  const noAccept = await apiRequest(app, 'GET', `/events/${event.id}`, { token, headers: { accept: 'application/json' } })
  t.same([noAccept.statusCode, noAccept.json().code], [406, 'InvalidVersion'], 'needs the Dwolla Accept')
})

t.test('bounded: eventLimit per application, the oldest going first', async (t) => {
  const app = await mockFor(t, { eventLimit: 3 })
  const token = await accessTokenFor(app)
  for (let i = 0; i < 4; i++) await createCustomerVia(app, token, { ...UNVERIFIED, email: `u${i}@example.com` })
  const events = (await apiRequest(app, 'GET', '/events', { token })).json()
  t.equal(events.total, 3, 'three kept of four')
  t.equal(app.mockDwolla.events.all().length, 3, 'and no more in memory')
})
