import t from 'tap'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { SECRET, webhooksFor } from './engine-helpers.js'

// Issue 27 item 3: making room in the history let go of the webhook just made (it was not yet on
// its way, so it counted as "over"), its delivery silently never made; and the history was one
// for every application, so one application's burst let go of another's webhooks.

const customerId = (i: number) => `11111111-1111-4111-8111-${String(i).padStart(12, '0')}`
const failing = (_request: unknown, response: { statusCode: number; end(): void }) => {
  response.statusCode = 500
  response.end()
}

t.test('a new webhook is always delivered: with every kept one on its way, the oldest goes, counted', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: 3, retryDelays: [60_000] })
  const receiver = await webhookReceiver(t, SECRET, failing)
  subscribe(receiver.url)
  for (let i = 0; i < 3; i++) raise('customer_created', customerId(i))
  await webhooks.settle()
  t.equal(webhooks.pending().length, 3, 'three webhooks failed and wait for their retries: all three on their way')
  raise('customer_verified', customerId(3))
  await webhooks.settle()
  t.equal(receiver.received.length, 4, 'the new webhook was sent')
  t.equal(receiver.received.at(-1)?.topic, 'customer_verified', 'it is the newest event')
  t.same(
    webhooks
      .pending()
      .map((p) => p.topic)
      .sort(),
    ['customer_created', 'customer_created', 'customer_verified'],
    'the oldest webhook went, its retry with it; the other two and the new one wait for theirs',
  )
  t.same(webhooks.counts().dropped, { finished: 0, undelivered: 1, withApplication: 0 }, 'counted as let go undelivered')
})

t.test('finished webhooks go first, counted apart; a delivered one is never counted undelivered', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: 5, retryDelays: [] })
  const receiver = await webhookReceiver(t, SECRET)
  subscribe(receiver.url)
  for (let i = 0; i < 12; i++) {
    raise('customer_created', customerId(i))
    await webhooks.settle()
  }
  t.equal(receiver.received.length, 12, 'every webhook delivered')
  t.equal(webhooks.deliveries().length, 5, 'the last five kept')
  t.same(webhooks.counts().dropped, { finished: 7, undelivered: 0, withApplication: 0 }, 'seven delivered ones let go to make room')
})

t.test('one application’s burst never lets go of another application’s webhooks', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: 5, retryDelays: [] })
  const receiver = await webhookReceiver(t, SECRET)
  subscribe(receiver.url, 'quiet-app')
  raise('customer_created', customerId(0), 'quiet-app')
  await webhooks.settle()
  const [quiet] = webhooks.deliveries()
  subscribe(receiver.url, 'busy-app')
  for (let i = 1; i <= 50; i++) {
    raise('customer_created', customerId(i), 'busy-app')
    await webhooks.settle()
  }
  t.equal(receiver.received.length, 51, 'all 51 delivered')
  t.equal(webhooks.deliveries({ webhookId: quiet?.webhookId }).length, 1, 'the quiet application’s webhook is still kept')
  t.equal(webhooks.deliveries().length, 6, 'beside the busy application’s last five')
  t.same(webhooks.counts('busy-app').dropped, { finished: 45, undelivered: 0, withApplication: 0 }, 'the busy one let go of 45 of its own')
  t.same(webhooks.counts('quiet-app').dropped, { finished: 0, undelivered: 0, withApplication: 0 }, 'and none of the quiet one’s')
})

t.test('a burst larger than anything can finish: every webhook made is delivered, within the bound of its application', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: 3_000, retryDelays: [] })
  const receiver = await webhookReceiver(t, SECRET)
  for (let i = 0; i < 10; i++) subscribe(receiver.url)
  // 300 events in one go: 3,000 webhooks are made before any delivery can start.
  for (let i = 0; i < 300; i++) raise('customer_created', customerId(i))
  await webhooks.settle()
  t.equal(receiver.received.length, 3_000, 'all 3,000 delivered')
  t.equal(new Set(receiver.received.map((webhook) => webhook.event.id)).size, 300, 'each of the 300 events ten times')
  t.same(webhooks.counts().dropped, { finished: 0, undelivered: 0, withApplication: 0 }, 'nothing let go')
})
