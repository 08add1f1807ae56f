import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'

t.test('fixture rules fail the events and webhook operations like any other, before anything changes', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, 'secret')
  const subscriptionId = await subscribeVia(app, token, receiver.url, 'secret')
  await createCustomerVia(app, token, UNVERIFIED)
  await app.mockDwolla.webhooks.settle()
  const [webhook] = app.mockDwolla.webhooks.forSubscription('key', subscriptionId)
  const [event] = app.mockDwolla.events.all()
  const calls: Array<[string, string, string, unknown]> = [
    ['listEvents', 'GET', '/events', undefined],
    ['getEvent', 'GET', `/events/${event?.id}`, undefined],
    ['listWebhookSubscriptions', 'GET', '/webhook-subscriptions', undefined],
    ['createWebhookSubscription', 'POST', '/webhook-subscriptions', { url: 'http://localhost/', secret: 's' }],
    ['getWebhookSubscription', 'GET', `/webhook-subscriptions/${subscriptionId}`, undefined],
    ['updateWebhookSubscription', 'POST', `/webhook-subscriptions/${subscriptionId}`, { paused: true }],
    ['delete', 'DELETE', `/webhook-subscriptions/${subscriptionId}`, undefined],
    ['listWebhooks', 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks`, undefined],
    ['getWebhook', 'GET', `/webhooks/${webhook?.id}`, undefined],
    ['retryWebhook', 'POST', `/webhooks/${webhook?.id}/retries`, undefined],
    ['listWebhookRetries', 'GET', `/webhooks/${webhook?.id}/retries`, undefined],
  ]
  for (const [operation, method, url, body] of calls) {
    app.mockDwolla.fixtures.add({ when: { operation: operation as never }, respond: { error: 'TooManyRequests', retryAfter: 30 }, times: 1 })
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}`, accept: HAL, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    })
    t.same(
      [response.statusCode, response.json(), response.headers['retry-after']],
      [429, { code: 'TooManyRequests', message: DWOLLA_ERRORS.TooManyRequests.message }, '30'],
      `${operation}: the rule answers`,
    )
  }
  const subscriptions = app.mockDwolla.webhooks.subscriptions()
  t.same(
    subscriptions.map((s) => [s.id, s.paused]),
    [[subscriptionId, false]],
    'nothing was created, paused or deleted',
  )
  t.equal(receiver.received.length, 1, 'nothing was redelivered')
  t.same(
    app.mockDwolla.journal.list({ operation: 'createWebhookSubscription' }).map((e) => e.fixtureRule !== undefined),
    [false, true],
    'the journal names the rule that answered',
  )
  const fileRule = await mockFor(t, {
    fixtures: {
      rules: [{ when: { operation: 'createWebhookSubscription', body: { pointer: '/url', matches: '^http://forbidden' } }, respond: { error: 'Forbidden' } }],
    },
  })
  const fileToken = await accessTokenFor(fileRule)
  const forbidden = await apiRequest(fileRule, 'POST', '/webhook-subscriptions', { token: fileToken, body: { url: 'http://forbidden.test/', secret: 's' } })
  t.same([forbidden.statusCode, forbidden.json().code], [403, 'Forbidden'], 'a fixture file rule can match on the body')
})
