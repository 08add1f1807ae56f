import t from 'tap'
import { TOTAL_CONCURRENCY } from '../../src/webhook-delivery/webhooks.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { SECRET, webhooksFor, whenever } from './engine-helpers.js'

// Issue 27 item 2: ten subscriptions to a handler that never answers filled the 100 attempts
// allowed in flight in all, and the engine stopped at the first attempt it could not start, so
// another application's healthy handler waited for the hanging ones to time out (or, with enough
// of them, never got its webhook).

const customerId = (i: number) => `11111111-1111-4111-8111-${String(i).padStart(12, '0')}`

t.test('ten hanging subscriptions at their own limit never delay another application’s webhook', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { concurrency: 10, timeoutMs: 5_000, retryDelays: [], historyLimit: 10_000 })
  const allHanging = whenever(() => hanging.received.length === TOTAL_CONCURRENCY)
  const hanging = await webhookReceiver(t, SECRET, () => allHanging.poke())
  for (let i = 0; i < 10; i++) subscribe(hanging.url)
  for (let i = 0; i < 100; i++) raise('customer_created', customerId(i))
  await allHanging.promise
  t.equal(webhooks.engine.inFlight, TOTAL_CONCURRENCY, `the ten hanging subscriptions hold ${TOTAL_CONCURRENCY} attempts, ten each`)

  let hangingEnded: number | undefined
  const arrived = whenever(() => healthy.received.length === 1)
  const healthy = await webhookReceiver(t, SECRET, (_request, response) => {
    hangingEnded = webhooks.deliveries().filter((d) => d.application === 'app').length
    response.end('ok')
    arrived.poke()
  })
  subscribe(healthy.url, 'other-app')
  raise('customer_verified', customerId(1000), 'other-app')
  await arrived.promise
  t.equal(hangingEnded, 0, 'the healthy handler got its webhook while every hanging attempt was still waiting for an answer')
  t.equal(healthy.received[0]?.topic, 'customer_verified', 'the other application’s event')
  t.equal(hanging.received.length, TOTAL_CONCURRENCY, 'and the hanging subscriptions got no more meanwhile')
})

t.test('within one application too: a healthy subscription goes at once beside subscriptions at their limit', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { concurrency: 10, timeoutMs: 5_000, retryDelays: [], historyLimit: 10_000 })
  const allHanging = whenever(() => hanging.received.length === TOTAL_CONCURRENCY)
  const hanging = await webhookReceiver(t, SECRET, () => allHanging.poke())
  // Ten subscriptions in another application fill the total; this one has nine hanging ones and a healthy one.
  for (let i = 0; i < 10; i++) subscribe(hanging.url, 'noisy-app')
  for (let i = 0; i < 20; i++) raise('customer_created', customerId(i), 'noisy-app')
  await allHanging.promise
  for (let i = 0; i < 9; i++) subscribe(hanging.url)
  const everyOne = whenever(() => healthy.received.length === 20)
  const healthy = await webhookReceiver(t, SECRET, (_request, response) => {
    response.end('ok')
    everyOne.poke()
  })
  subscribe(healthy.url)
  for (let i = 0; i < 20; i++) raise('customer_created', customerId(100 + i))
  await everyOne.promise
  t.equal(
    webhooks.deliveries().filter((d) => !d.succeeded).length,
    0,
    'all twenty reached the healthy handler before any hanging attempt timed out, one after another in its own slot',
  )
  t.ok(
    hanging.received.length >= TOTAL_CONCURRENCY + 9,
    `each of the nine new hanging subscriptions has an attempt going too, past the total (${hanging.received.length})`,
  )
  t.ok(
    webhooks.engine.inFlight <= TOTAL_CONCURRENCY + 10,
    `in flight: at most the total plus one per subscription with something to send (${webhooks.engine.inFlight})`,
  )
})
