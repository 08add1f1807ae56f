import t from 'tap'
import { start } from '../../src/index.js'
import { PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

const SECRET = 'end-to-end-secret'
/** A clock only the test moves: retries go when it says, never because the machine was slow. */
const frozen = { now: () => Date.parse('2026-03-04T05:06:07.000Z') }

/** Resolves the first time `poke` is called: a receiver telling the test a webhook arrived. */
function arrival(): { promise: Promise<void>; poke: () => void } {
  let poke: () => void = () => undefined
  const promise = new Promise<void>((resolve) => (poke = resolve))
  return { promise, poke }
}

t.test('a team’s own handler verifies every webhook and re-reads the customer: created, verified, deactivated, reactivated', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  const statuses: string[] = []
  const receiver = await webhookReceiver(t, SECRET)
  await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  const location = (await client.post('customers', PERSONAL)).headers.get('location') as string
  await client.post(location, { status: 'deactivated' })
  await client.post(location, { status: 'reactivated' })
  await server.webhooks.settle()
  t.same(
    receiver.received.map((webhook) => webhook.topic),
    ['customer_created', 'customer_verified', 'customer_deactivated', 'customer_activated'],
    'every topic, in order',
  )
  t.ok(
    receiver.received.every((webhook) => webhook.signatureValid),
    'each signature checks out: HMAC-SHA256 of the raw body with the secret, compared in constant time',
  )
  for (const webhook of receiver.received) {
    const event = webhook.event as { topic: string; resourceId: string; _links: { customer: { href: string }; self: { href: string } } }
    t.equal(webhook.topic, event.topic, `${event.topic}: X-Dwolla-Topic names the body’s topic`)
    t.equal(event._links.customer.href, location, `${event.topic}: the customer link is the Location the backend kept`)
    statuses.push((await client.get(event._links.customer.href)).body.status)
    t.same((await client.get(event._links.self.href)).body, event, `${event.topic}: the event’s self link answers the same body`)
  }
  t.same(statuses, ['verified', 'verified', 'verified', 'verified'], 're-reading the customer after each (as handlers do) finds it as it now is')
  t.same(
    server.webhooks.deliveries().map((d) => d.succeeded),
    [true, true, true, true],
    'four deliveries, all acknowledged',
  )
})

t.test('a failing handler gets Dwolla’s retries, driven by the mock’s clock, until it answers 2xx', async (t) => {
  const server = await start(frozen)
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  let failures = 2
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = failures-- > 0 ? 500 : 200
    response.end()
  })
  await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  await client.post('customers', UNVERIFIED)
  await server.webhooks.settle()
  t.same(
    server.webhooks.pending().map((p) => p.cause),
    ['retry'],
    'the first attempt failed: a retry waits',
  )
  server.clock.advance(250)
  await server.webhooks.settle()
  t.equal(receiver.received.length, 2, 'the clock moved 250 ms (the scaled 15 minutes): the first retry went, and failed')
  server.clock.advance(750)
  await server.webhooks.settle()
  t.same(
    server.webhooks.deliveries().map((d) => [d.cause, d.response.status]),
    [
      ['first', 500],
      ['retry', 500],
      ['retry', 200],
    ],
    '750 ms more (the scaled 45 minutes): the second retry succeeded',
  )
  server.clock.advance(72_000)
  await server.webhooks.settle()
  t.equal(receiver.received.length, 3, 'and nothing follows a success')
  t.ok(
    receiver.received.every((webhook) => webhook.body === receiver.received[0]?.body && webhook.signatureValid),
    'every attempt the same signed body',
  )
})

t.test('a paused subscription gets nothing; resumed, it gets what follows', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  const receiver = await webhookReceiver(t, SECRET)
  const subscription = (await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })).headers.get('location') as string
  await client.post(subscription, { paused: true })
  await client.post('customers', UNVERIFIED)
  await server.webhooks.settle()
  t.equal(receiver.received.length, 0, 'paused: nothing')
  t.same(server.webhooks.deliveries(), [], 'not even an attempt')
  await client.post(subscription, { paused: false })
  await client.post('customers', { ...UNVERIFIED, email: 'resumed@example.com' })
  await server.webhooks.settle()
  t.same(
    receiver.received.map((w) => w.topic),
    ['customer_created'],
    'resumed: the next event arrives',
  )
})

t.test('handlers that hang, reset, redirect or answer a huge body stall neither the mock nor other deliveries', async (t) => {
  const server = await start({ ...frozen, webhookRetrySchedule: [] })
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  const healthyArrived = arrival()
  const hangingArrived = arrival()
  const receivers = {
    hanging: await webhookReceiver(t, SECRET, () => hangingArrived.poke()),
    resetting: await webhookReceiver(t, SECRET, (request) => request.socket.destroy()),
    redirecting: await webhookReceiver(t, SECRET, (_request, response) => {
      response.writeHead(307, { location: 'http://127.0.0.1:9/elsewhere' })
      response.end()
    }),
    huge: await webhookReceiver(t, SECRET, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' })
      response.end('y'.repeat(5 * 1024 * 1024))
    }),
    healthy: await webhookReceiver(t, SECRET, (_request, response) => {
      response.end('ok')
      healthyArrived.poke()
    }),
  }
  for (const receiver of Object.values(receivers)) await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  await client.post('customers', UNVERIFIED)
  await Promise.all([healthyArrived.promise, hangingArrived.promise])
  const started = Date.now()
  const answered = await client.get('customers')
  t.equal(answered.status, 200, 'the API answers while a handler hangs')
  t.ok(Date.now() - started < 5_000, 'promptly: well before the hanging attempt’s 10 s timeout')
  t.equal(receivers.healthy.received.length, 1, 'the healthy handler got its webhook while another hangs')
  server.clock.advance(10_000)
  await server.webhooks.settle()
  const outcome = new Map(server.webhooks.deliveries().map((d) => [d.url, d]))
  t.match(outcome.get(receivers.hanging.url), { succeeded: false, error: 'no answer within 10000 ms' }, 'hanging: timed out (10 s by the mock’s clock)')
  t.match(outcome.get(receivers.resetting.url), { succeeded: false, response: { status: undefined } }, 'resetting: a failure')
  t.match(outcome.get(receivers.redirecting.url), { succeeded: false, response: { status: 307 } }, 'redirecting: a failure, not followed')
  t.match(outcome.get(receivers.huge.url), { succeeded: true, response: { status: 200 } }, 'a huge 200: a success')
  t.equal(outcome.get(receivers.huge.url)?.response.body.length, 4096, 'of which 4 KiB were read')
  t.match(outcome.get(receivers.healthy.url), { succeeded: true }, 'healthy: delivered')
})

t.test('close() is prompt with retries waiting and a handler hanging; nothing is sent after', async (t) => {
  const server = await start({ ...frozen, webhookRetrySchedule: 'dwolla' })
  const client = dwollaV2For(server.url)
  const hangingArrived = arrival()
  const hangingClosed = arrival()
  const hanging = await webhookReceiver(t, SECRET, (request) => {
    request.socket.once('close', hangingClosed.poke)
    hangingArrived.poke()
  })
  const failing = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  await client.post('webhook-subscriptions', { url: failing.url, secret: SECRET })
  await client.post('customers', UNVERIFIED)
  await server.webhooks.settle()
  await client.post('webhook-subscriptions', { url: hanging.url, secret: SECRET })
  await client.post('customers', { ...UNVERIFIED, email: 'second@example.com' })
  await hangingArrived.promise
  t.ok(server.webhooks.pending().length >= 1, 'retries wait (Dwolla’s schedule: 15 minutes away)')
  const closing = Date.now()
  await server.close()
  const took = Date.now() - closing
  t.ok(took < 5_000, `closed in ${took} ms (the hanging attempt’s timeout is 10 s): neither the retries nor the hanging handler held it`)
  // The handler's side of the connection closes: the mock aborted its request (no timer waited for).
  await hangingClosed.promise
  t.equal(hanging.received.length, 1, 'the request in flight was aborted, its connection closed')
  t.same(server.webhooks.pending(), [], 'nothing waits')
  const sent = failing.received.length
  server.clock.advance(24 * 60 * 60 * 1000)
  await server.webhooks.settle()
  t.equal(failing.received.length, sent, 'nothing is sent after close, however far the clock moves')
})
