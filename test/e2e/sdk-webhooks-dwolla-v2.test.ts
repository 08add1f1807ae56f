import t from 'tap'
import { LIMIT_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { PERSONAL } from '../customers/fields.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

type SdkError = Error & {
  status: number
  body: { code: string; message: string; _embedded?: { errors: Array<{ code: string; message: string; path: string }> } }
}
const SECRET = 'dwolla-v2-subscription-secret'

t.test('dwolla-v2: the same calls by path, as Dwolla’s docs write them', async (t) => {
  const mock = await listeningMock(t)
  const receiver = await webhookReceiver(t, SECRET)
  const client = dwollaV2For(mock.url)
  const created = await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  t.equal(created.status, 201, '201')
  const location = created.headers.get('location') as string
  t.match(location, new RegExp(`^${mock.url}/webhook-subscriptions/[0-9a-f-]{36}$`), "headers.get('location')")
  const listed = await client.get('webhook-subscriptions')
  t.same([listed.body.total, listed.body._embedded['webhook-subscriptions'][0].id], [1, location.split('/').pop()], 'list')
  const subscription = await client.get(location)
  t.match(subscription.body, { url: receiver.url, paused: false }, 'get(location)')

  await client.post('customers', PERSONAL)
  await mock.app.mockDwolla.webhooks.settle()
  t.same(
    receiver.received.map((w) => [w.topic, w.signatureValid]),
    [
      ['customer_created', true],
      ['customer_verified', true],
    ],
    'delivered and signed',
  )
  const events = await client.get('events')
  t.equal(events.body.total, 2, 'get("events")')
  const event = await client.get(events.body._embedded.events[0]._links.self.href)
  t.equal(event.body.topic, 'customer_verified', 'get(the event’s self href)')

  const hooks = await client.get(`${location}/webhooks`)
  t.equal(hooks.body.total, 2, 'get(`${subscriptionUrl}/webhooks`)')
  const webhookUrl = hooks.body._embedded.webhooks[0]._links.self.href as string
  t.equal((await client.get(webhookUrl)).body.attempts.length, 1, 'get(webhookUrl)')
  // Dwolla's own example: dwolla.post(`${webhookUrl}/retries`), no body.
  const retried = await client.post(`${webhookUrl}/retries`)
  t.equal(retried.status, 201, 'post(`${webhookUrl}/retries`) without a body: 201')
  await mock.app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 3, 'redelivered')
  t.equal((await client.get(`${webhookUrl}/retries`)).body.total, 1, 'get(`${webhookUrl}/retries`)')

  const paused = await client.post(location, { paused: true })
  t.same([paused.status, paused.body.paused], [200, true], 'post(location, {paused: true})')
  const deleted = await client.delete(location)
  t.same([deleted.status, deleted.body.id], [200, location.split('/').pop()], 'delete(location): 200 with the subscription')
  const gone = await rejectionOf<SdkError>(client.get(location))
  t.same([gone.status, gone.body], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.webhookSubscription }], 'then 404')
})

t.test('dwolla-v2: errors reject with the status and Dwolla’s body', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const invalid = await rejectionOf<SdkError>(client.post('webhook-subscriptions', { url: 'nope', secret: 'x'.repeat(129) }))
  t.same(
    [invalid.status, invalid.body._embedded?.errors.map((e) => [e.code, e.message, e.path])],
    [
      400,
      [
        ['InvalidFormat', 'Url must be a valid url.', '/url'],
        ['InvalidFormat', 'Secret must be 128 or fewer characters.', '/secret'],
      ],
    ],
    'both problems, at their paths',
  )
  for (let i = 0; i < 10; i++) await client.post('webhook-subscriptions', { url: `http://localhost:${3000 + i}/`, secret: SECRET })
  const full = await rejectionOf<SdkError>(client.post('webhook-subscriptions', { url: 'http://localhost/', secret: SECRET }))
  t.same([full.status, full.body], [400, { code: 'MaxNumberOfResources', message: LIMIT_MESSAGES.subscriptions }], 'the eleventh')
})
