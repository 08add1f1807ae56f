import t from 'tap'
import { DEFAULTS } from '../../src/config.js'
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

t.test('at the defaults, ten subscriptions and 1,000 events in one go: all 10,000 webhooks delivered, none let go', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: DEFAULTS.webhookHistoryLimit, retryDelays: [] })
  const receiver = await webhookReceiver(t, SECRET)
  for (let i = 0; i < 10; i++) subscribe(receiver.url)
  // 10,000 webhooks are made before any delivery can start: every one is still on its way.
  for (let i = 0; i < 1_000; i++) raise('customer_created', customerId(i))
  t.same(
    [webhooks.counts().kept, webhooks.counts().pending + webhooks.engine.inFlight],
    [10_000, 10_000],
    'all kept, each with its attempt waiting or in flight',
  )
  await webhooks.settle()
  t.equal(receiver.received.length, 10_000, 'all 10,000 delivered')
  t.equal(new Set(receiver.received.map((webhook) => webhook.event.id)).size, 1_000, 'each of the 1,000 events ten times')
  t.same(webhooks.counts().dropped, { finished: 0, undelivered: 0, withApplication: 0 }, 'nothing let go')
})

t.test('an application’s webhooks hold at most a quarter of storeByteLimit, and are weighed with its world', async (t) => {
  const storeByteLimit = 512 * 1024
  const { webhooks, raise, subscribe, kept, worlds } = await webhooksFor(t, { historyLimit: 10_000, retryDelays: [], storeByteLimit })
  // Answers of 4 KiB, the most an attempt keeps of a body: each webhook holds about 9 KiB.
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => response.end('a'.repeat(4096)))
  subscribe(receiver.url)
  const world = worlds.find('app')
  raise('customer_created', customerId(0))
  const beforeAttempt = world?.weight() ?? 0
  await webhooks.settle()
  t.ok((world?.weight() ?? 0) >= beforeAttempt + 4096, 'the attempt’s answer is weighed with the application’s stores as soon as it is kept')
  for (let i = 1; i < 100; i++) {
    raise('customer_created', customerId(i))
    await webhooks.settle()
  }
  const history = kept()
  const { dropped } = webhooks.counts()
  t.equal(receiver.received.length, 100, 'every webhook delivered')
  t.ok(history.length < 100 && history.length > 0, `only the newest kept (${history.length})`)
  t.ok(
    history.reduce((bytes, webhook) => bytes + webhook.bytes, 0) <= storeByteLimit / 4,
    'holding no more than a quarter of storeByteLimit, by the history’s reckoning',
  )
  t.same(dropped, { finished: 100 - history.length, undelivered: 0, withApplication: 0 }, 'the others, delivered, let go and counted')
  t.ok(worlds.totalBytes <= storeByteLimit, 'and the bound on all applications holds')
})
