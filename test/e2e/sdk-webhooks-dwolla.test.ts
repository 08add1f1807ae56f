import t from 'tap'
import { InvalidUrlFormatError, NotFoundError } from 'dwolla/models/errors'
import { DWOLLA_ERRORS, LIMIT_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

const SECRET = 'sdk-subscription-secret'
const PERSONAL = {
  firstName: 'Jane',
  lastName: 'Merchant',
  email: 'jane@example.com',
  type: 'personal' as const,
  address1: '99-99 33rd St',
  city: 'Some City',
  state: 'NY',
  postalCode: '11101',
  dateOfBirth: '1970-01-01',
  ssn: '1234',
}

t.test('dwolla: webhookSubscriptions.create/list/get/update/delete and events.list/get pass the SDK’s own validation', async (t) => {
  const mock = await listeningMock(t)
  const receiver = await webhookReceiver(t, SECRET)
  const sdk = dwollaSdkFor(mock.url)
  const created = await sdk.webhookSubscriptions.create({ url: receiver.url, secret: SECRET })
  const location = created?.headers.location?.[0] as string
  t.match(location, new RegExp(`^${mock.url}/webhook-subscriptions/[0-9a-f-]{36}$`), 'create: headers.location[0] is absolute')
  const id = location.split('/').pop() as string
  t.equal(mock.seen.find((request) => request.url === '/webhook-subscriptions')?.headers['content-type'], 'application/json', 'the SDK sent application/json')

  const listed = await sdk.webhookSubscriptions.list()
  t.same([listed.total, listed.embedded?.webhookSubscriptions?.map((s) => s.id)], [1, [id]], 'list: total and _embedded["webhook-subscriptions"]')
  const subscription = await sdk.webhookSubscriptions.get({ id })
  t.match(subscription, { id, url: receiver.url, paused: false }, 'get')
  t.type(subscription.created, Date, 'created parsed as a date (a zone is required)')
  t.notOk('secret' in subscription, 'no secret')

  await sdk.customers.create(PERSONAL)
  await mock.app.mockDwolla.webhooks.settle()
  t.same(
    receiver.received.map((w) => [w.topic, w.signatureValid]),
    [
      ['customer_created', true],
      ['customer_verified', true],
    ],
    'the receiver got both events, signed',
  )

  const events = await sdk.events.list({ limit: 10 })
  t.same(
    events.embedded?.events?.map((e) => e.topic),
    ['customer_verified', 'customer_created'],
    'events.list: newest first',
  )
  const event = await sdk.events.get({ id: events.embedded?.events?.[1]?.id as string })
  const delivered = receiver.received[0]?.event as { resourceId: string; _links: { customer: { href: string } } }
  t.match(event, { topic: 'customer_created', resourceId: delivered.resourceId }, 'events.get')
  t.type(event.created, Date, 'its created parsed as a date')
  t.equal(event.links?.customer?.href, delivered._links.customer.href, 'the same links the webhook carried')

  const webhooks = await sdk.webhookSubscriptions.webhooks.list({ id })
  t.equal(webhooks.total, 2, 'webhookSubscriptions.webhooks.list')
  const webhookId = webhooks.embedded?.webhooks?.[0]?.id as string
  const webhook = await sdk.webhooks.get({ id: webhookId })
  t.match(webhook, { id: webhookId, subscriptionId: id, attempts: [{ response: { statusCode: 200 } }] }, 'webhooks.get, with its attempt')
  t.type(webhook.attempts?.[0]?.request?.timestamp, Date, 'attempt timestamps parsed as dates')
  const retried = await sdk.webhooks.retry({ id: webhookId })
  t.match(retried?.headers.location?.[0], new RegExp(`/webhooks/${webhookId}/retries/[0-9a-f-]{36}$`), 'webhooks.retry: Location')
  await mock.app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 3, 'redelivered')
  t.equal((await sdk.webhooks.retries.list({ id: webhookId })).total, 1, 'webhooks.retries.list')

  const paused = await sdk.webhookSubscriptions.update({ id, requestBody: { paused: true } })
  t.equal(paused.paused, true, 'update: paused')
  await sdk.customers.create({ ...PERSONAL, email: 'later@example.com' })
  await mock.app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 3, 'a paused subscription gets nothing')
  const deleted = await sdk.webhookSubscriptions.delete({ id })
  t.match(deleted, { id, paused: true }, 'delete: the subscription as it was')
  const gone = await rejectionOf(sdk.webhookSubscriptions.get({ id }))
  t.type(gone, NotFoundError, 'then get: NotFoundError')
  t.equal((gone as Error).message, NOT_FOUND_MESSAGES.webhookSubscription, '"Webhook subscription not found."')
})

t.test("dwolla: a bad subscription is the SDK's typed 400; the eleventh is too", async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const invalid = await rejectionOf(sdk.webhookSubscriptions.create({ url: 'not a url', secret: SECRET }))
  // The SDK's 400 is a union of three errors of the same shape; it always picks the first.
  t.type(invalid, InvalidUrlFormatError, 'InvalidUrlFormatError')
  t.match(invalid, { code: 'ValidationError', message: DWOLLA_ERRORS.ValidationError.message }, 'Dwolla’s code and message')
  const tooLong = await rejectionOf(sdk.webhookSubscriptions.create({ url: 'http://localhost/', secret: 'x'.repeat(129) }))
  t.match(JSON.stringify((tooLong as { data$?: unknown }).data$), /Secret must be 128 or fewer characters/, 'a long secret: the embedded error reaches the SDK')
  for (let i = 0; i < 10; i++) await sdk.webhookSubscriptions.create({ url: `http://localhost:${3000 + i}/`, secret: SECRET })
  const full = await rejectionOf(sdk.webhookSubscriptions.create({ url: 'http://localhost/', secret: SECRET }))
  t.match(full, { code: 'MaxNumberOfResources', message: LIMIT_MESSAGES.subscriptions }, 'the eleventh: MaxNumberOfResources')
})
