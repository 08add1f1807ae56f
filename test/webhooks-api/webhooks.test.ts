import t, { type Test } from 'tap'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const NOW = Date.parse('2026-03-04T05:06:07.000Z')
const SECRET = 'receiver-secret'
const link = (path: string, resourceType: string) => ({ href: `http://localhost:80${path}`, type: HAL, 'resource-type': resourceType })
const ACCOUNT_ID = '8f22fb7f-d09a-51b0-8291-477a09c1224d'

/** A mock, a receiver subscribed to it, and one customer created: one webhook delivered. */
async function oneWebhookDelivered(t: Test) {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, SECRET)
  const subscriptionId = await subscribeVia(app, token, receiver.url, SECRET)
  await createCustomerVia(app, token, UNVERIFIED)
  await app.mockDwolla.webhooks.settle()
  const [webhook] = app.mockDwolla.webhooks.forSubscription('key', subscriptionId)
  return { app, token, receiver, subscriptionId, webhook }
}

t.test('a subscription’s webhooks, each with its attempts: the request sent and the response received', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.writeHead(202, { 'x-handled-by': 'test' })
    response.end('queued')
  })
  const subscriptionId = await subscribeVia(app, token, receiver.url, SECRET)
  const customerId = await createCustomerVia(app, token, UNVERIFIED)
  await app.mockDwolla.webhooks.settle()
  const [event] = (await apiRequest(app, 'GET', '/events', { token })).json()._embedded.events
  const list = (await apiRequest(app, 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks`, { token })).json()
  t.equal(list.total, 1, 'one webhook')
  const [webhook] = list._embedded.webhooks
  const [attempt] = webhook.attempts
  t.same(
    webhook,
    {
      _links: {
        self: link(`/webhooks/${webhook.id}`, 'webhook'),
        subscription: link(`/webhook-subscriptions/${subscriptionId}`, 'webhook-subscription'),
        retry: link(`/webhooks/${webhook.id}/retries`, 'retry'),
        event: link(`/events/${event.id}`, 'event'),
      },
      id: webhook.id,
      topic: 'customer_created',
      accountId: ACCOUNT_ID,
      eventId: event.id,
      subscriptionId,
      attempts: [
        {
          id: attempt.id,
          request: {
            timestamp: '2026-03-04T05:06:07.000Z',
            url: receiver.url,
            headers: [
              { name: 'Content-Type', value: 'application/json; charset=UTF-8' },
              { name: 'User-Agent', value: 'dwolla-webhooks/1.0' },
              { name: 'X-Dwolla-Topic', value: 'customer_created' },
              { name: 'X-Request-Signature-SHA-256', value: receiver.received[0]?.headers['x-request-signature-sha-256'] },
              { name: 'X-Mock-Dwolla-Webhook', value: webhook.id },
            ],
            body: receiver.received[0]?.body,
          },
          response: {
            timestamp: '2026-03-04T05:06:07.000Z',
            headers: attempt.response.headers,
            statusCode: 202,
            body: 'queued',
          },
        },
      ],
    },
    'the whole webhook, in Dwolla’s shape',
  )
  t.same(JSON.parse(attempt.request.body), event, 'the body sent is the event as GET /events/{id} renders it')
  t.equal(event._links.customer.href, `http://localhost:80/customers/${customerId}`, 'on the base URL the subscription was made through')
  t.match(attempt.response.headers, [{ name: 'x-handled-by', value: 'test' }], 'the receiver’s headers, as it sent them')
  t.same((await apiRequest(app, 'GET', `/webhooks/${webhook.id}`, { token })).json(), webhook, 'GET /webhooks/{id}: the same')
  t.same(Object.keys(list._links), ['self', 'first', 'last'], 'paging links')
})

t.test('an attempt that got no answer has no statusCode; a redelivery is 201 with the retry’s Location and goes at once', async (t) => {
  const app = await mockFor(t, { now: () => NOW, webhookRetrySchedule: [] })
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, SECRET, (request) => request.socket.destroy())
  const subscriptionId = await subscribeVia(app, token, receiver.url, SECRET)
  await createCustomerVia(app, token, UNVERIFIED)
  await app.mockDwolla.webhooks.settle()
  const [webhook] = (await apiRequest(app, 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks`, { token })).json()._embedded.webhooks
  t.same(webhook.attempts[0].response, { timestamp: '2026-03-04T05:06:07.000Z', headers: [], body: '' }, 'a reset: no status, no headers, no body')
  t.same(
    (await apiRequest(app, 'GET', `/webhooks/${webhook.id}/retries`, { token })).json(),
    { _links: { self: link(`/webhooks/${webhook.id}/retries`, 'retry') }, _embedded: { retries: [] }, total: 0 },
    'no retries asked for yet',
  )

  receiver.answerWith((_request, response) => response.end('ok'))
  // As dwolla-v2 sends `client.post(url)` without a body: JSON content type, nothing in it.
  const retried = await apiRequest(app, 'POST', `/webhooks/${webhook.id}/retries`, { token, payload: '' })
  t.equal(retried.statusCode, 201, '201 Created, an empty JSON body notwithstanding')
  t.match(retried.headers.location, new RegExp(`^http://localhost:80/webhooks/${webhook.id}/retries/[0-9a-f-]{36}$`), 'Location: the retry, under its webhook')
  t.same([retried.body, retried.headers['content-type']], ['', undefined], 'no body')
  await app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 2, 'sent again')
  const after = (await apiRequest(app, 'GET', `/webhooks/${webhook.id}`, { token })).json()
  t.same(
    after.attempts.map((a: { response: { statusCode?: number } }) => a.response.statusCode),
    [undefined, 200],
    'both attempts, oldest first',
  )
  const retryId = (retried.headers.location as string).split('/').pop()
  t.same(
    (await apiRequest(app, 'GET', `/webhooks/${webhook.id}/retries`, { token })).json(),
    {
      _links: { self: link(`/webhooks/${webhook.id}/retries`, 'retry') },
      _embedded: {
        retries: [
          {
            _links: { self: link(`/webhooks/${webhook.id}/retries/${retryId}`, 'retry'), webhook: link(`/webhooks/${webhook.id}`, 'webhook') },
            id: retryId,
            timestamp: '2026-03-04T05:06:07.000Z',
          },
        ],
      },
      total: 1,
    },
    'GET /webhooks/{id}/retries lists it',
  )
  const noBody = await app.inject({ method: 'POST', url: `/webhooks/${webhook.id}/retries`, headers: { authorization: `Bearer ${token}`, accept: HAL } })
  t.equal(noBody.statusCode, 201, 'as the dwolla SDK sends it: no body, no content type')
})

t.test('another application’s webhook, an unknown id and a malformed one are 404 "Webhook not found."; its subscription’s list 404 too', async (t) => {
  const { app, token, receiver, subscriptionId, webhook } = await oneWebhookDelivered(t)
  const other = await accessTokenFor(app, 'other-app')
  const notFound = { code: 'NotFound', message: NOT_FOUND_MESSAGES.webhook }
  for (const [name, id] of [
    ['another application’s', webhook?.id],
    ['an unknown id', '99999999-9999-4999-8999-999999999999'],
    ['a malformed id', 'nope'],
  ]) {
    for (const [method, path] of [
      ['GET', `/webhooks/${id}`],
      ['GET', `/webhooks/${id}/retries`],
      ['POST', `/webhooks/${id}/retries`],
    ] as const) {
      const response = await apiRequest(app, method, path, { token: other })
      t.same([response.statusCode, response.json()], [404, notFound], `${method} ${path.replace(String(id), '{id}')}, ${name}: 404`)
    }
  }
  t.equal(receiver.received.length, 1, 'nothing was redelivered')
  const list = await apiRequest(app, 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks`, { token: other })
  t.same(
    [list.statusCode, list.json()],
    [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.webhookSubscription }],
    'another application’s subscription’s webhooks: 404',
  )
  const badPage = await apiRequest(app, 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks?offset=-1`, { token })
  t.same(
    [badPage.statusCode, badPage.json()],
    [
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: { errors: [{ code: 'Invalid', message: 'Offset invalid.', path: '/offset', _links: {} }] },
      },
    ],
    'a bad offset: ValidationError',
  )
})

t.test('deleting a subscription deletes its webhooks', async (t) => {
  const { app, token, receiver, subscriptionId, webhook } = await oneWebhookDelivered(t)
  await app.inject({ method: 'DELETE', url: `/webhook-subscriptions/${subscriptionId}`, headers: { authorization: `Bearer ${token}`, accept: HAL } })
  t.equal((await apiRequest(app, 'GET', `/webhooks/${webhook?.id}`, { token })).statusCode, 404, 'its webhook is gone')
  await createCustomerVia(app, token, { ...UNVERIFIED, email: 'another@example.com' })
  await app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 1, 'and its URL gets nothing more')
})
