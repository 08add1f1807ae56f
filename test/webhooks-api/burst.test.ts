import t from 'tap'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const SECRET = 'burst-secret'

// Issue 27 item 3, as it was found: ten subscriptions to a healthy handler and 300 customers
// created at once. Each create raises customer_created, so 3,000 webhooks are made before any
// delivery starts; only 1,000 were ever sent.
t.test('300 customers at once, ten subscriptions: all 3,000 webhooks delivered, at the defaults', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, SECRET)
  for (let i = 0; i < 10; i++) await subscribeVia(app, token, receiver.url, SECRET)
  const ids = await Promise.all(Array.from({ length: 300 }, (_, i) => createCustomerVia(app, token, { ...UNVERIFIED, email: `burst-${i}@example.com` })))
  await app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 3_000, 'every webhook reached the handler')
  t.ok(
    receiver.received.every((webhook) => webhook.signatureValid && webhook.topic === 'customer_created'),
    'each signed, each a customer_created',
  )
  const perCustomer = new Map<string, number>()
  for (const webhook of receiver.received) {
    const id = webhook.event.resourceId as string
    perCustomer.set(id, (perCustomer.get(id) ?? 0) + 1)
  }
  t.same(new Set(perCustomer.keys()), new Set(ids), 'about every customer created')
  t.ok(
    [...perCustomer.values()].every((count) => count === 10),
    'ten times each, once per subscription',
  )
  t.same(app.mockDwolla.webhooks.counts().dropped, { finished: 0, undelivered: 0, withApplication: 0 }, 'nothing let go')

  const subscriptionId = (await apiRequest(app, 'GET', '/webhook-subscriptions', { token })).json<{
    _embedded: { 'webhook-subscriptions': Array<{ id: string }> }
  }>()._embedded['webhook-subscriptions'][0]?.id
  const listed = await apiRequest(app, 'GET', `/webhook-subscriptions/${subscriptionId}/webhooks?limit=200&offset=100`, { token })
  t.equal(listed.statusCode, 200, 'a subscription’s webhooks are listed')
  t.equal(listed.json<{ total: number }>().total, 300, 'its 300, each kept')
})
