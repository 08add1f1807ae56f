import t from 'tap'
import { HalLinks } from '../../src/hal/hal-links.js'
import { eventRepresentation } from '../../src/resources/events/representation.js'
import { DWOLLA_RETRY_DELAYS_MS } from '../../src/webhook-delivery/retry-schedule.js'
import { AUTO_PAUSE_FAILURES } from '../../src/resources/webhook-subscriptions/subscription-store.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { BASE_URL, NOW, SECRET, webhooksFor, whenever } from './engine-helpers.js'

const HOUR = 60 * 60 * 1000

t.test('an event goes to each active subscription of its application, signed, with Dwolla’s headers and the event as body', async (t) => {
  const { webhooks, events, raise, subscribe, subscriptions } = await webhooksFor(t)
  const first = await webhookReceiver(t, SECRET)
  const second = await webhookReceiver(t, 'another secret')
  const paused = await webhookReceiver(t, SECRET)
  const otherApp = await webhookReceiver(t, SECRET)
  subscribe(first.url)
  subscriptions().create({ url: second.url, secret: 'another secret' }, BASE_URL)
  subscriptions().setPaused(subscribe(paused.url), true)
  subscribe(otherApp.url, 'other-app')
  const event = raise('customer_verified')
  await webhooks.settle()

  for (const receiver of [first, second]) {
    t.equal(receiver.received.length, 1, 'one webhook each')
    const [webhook] = receiver.received
    t.equal(
      webhook?.body,
      JSON.stringify(eventRepresentation(event, new HalLinks(BASE_URL))),
      'the body is the event as GET /events/{id} renders it, on the subscription’s base URL',
    )
    t.ok(webhook?.signatureValid, 'X-Request-Signature-SHA-256 is the HMAC-SHA256 of the raw body with that subscription’s secret')
    t.match(webhook?.headers['x-request-signature-sha-256'], /^[0-9a-f]{64}$/, 'lowercase hex')
    t.match(
      webhook?.headers,
      {
        'content-type': 'application/json; charset=UTF-8',
        'user-agent': 'dwolla-webhooks/1.0',
        'x-dwolla-topic': 'customer_verified',
        'content-length': String(Buffer.byteLength(webhook?.body ?? '')),
      },
      'Dwolla’s content type, user agent and topic',
    )
  }
  t.not(
    first.received[0]?.headers['x-request-signature-sha-256'],
    second.received[0]?.headers['x-request-signature-sha-256'],
    'each signed with its own secret',
  )
  t.equal(paused.received.length, 0, 'a paused subscription gets nothing')
  t.equal(otherApp.received.length, 0, 'another application’s subscription gets nothing')
  t.equal(webhooks.deliveries().length, 2, 'two attempts recorded')
  t.same(
    events()
      .list()
      .map((e) => e.id),
    [event.id],
    'the event is recorded too',
  )
})

t.test('a failing receiver is retried on the schedule, each retry due at its time on the mock’s clock', async (t) => {
  const { clock, webhooks, raise, subscribe } = await webhooksFor(t, { retryDelays: DWOLLA_RETRY_DELAYS_MS })
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 503
    response.end('down')
  })
  subscribe(receiver.url)
  raise()
  await webhooks.settle()
  t.equal(receiver.received.length, 1, 'the first attempt')
  t.same(
    webhooks.pending().map(({ cause, dueAt }) => [cause, dueAt]),
    [['retry', new Date(NOW + 15 * 60 * 1000).toISOString()]],
    'the first retry waits, due 15 minutes later by the mock’s clock',
  )
  clock.advance(15 * 60 * 1000 - 1)
  await webhooks.settle()
  t.equal(receiver.received.length, 1, 'a millisecond early: nothing (settle resolves, nothing was due)')
  let elapsed = 15 * 60 * 1000 - 1
  clock.advance(1)
  elapsed += 1
  await webhooks.settle()
  t.equal(receiver.received.length, 2, 'on time: the retry goes at once, no timer waited for')
  for (const delay of DWOLLA_RETRY_DELAYS_MS.slice(1)) {
    clock.advance(delay)
    elapsed += delay
    await webhooks.settle()
  }
  t.equal(elapsed, 72 * HOUR, '72 hours in all')
  t.equal(receiver.received.length, 9, 'the first attempt and 8 retries')
  t.same(webhooks.pending(), [], 'then no more')
  const attempts = webhooks.deliveries()
  t.same(
    attempts.map((a) => a.cause),
    ['first', ...Array(8).fill('retry')],
    'causes in order',
  )
  t.same(
    attempts.map((a) => a.response.status),
    Array(9).fill(503),
    'each answered 503',
  )
  t.ok(
    attempts.every((a) => !a.succeeded && a.error === undefined),
    'failures with an answer, no network error',
  )
  t.same(
    attempts.map((a) => Date.parse(a.time) - NOW),
    [0, 15, 60, 180, 360, 720, 1440, 2880, 4320].map((minutes) => minutes * 60 * 1000),
    'sent at 0, 15 min, 1 h, 3 h, 6 h, 12 h, 24 h, 48 h, 72 h',
  )
  t.ok(
    receiver.received.every((webhook) => webhook.body === receiver.received[0]?.body && webhook.signatureValid),
    'every retry carries the same signed body',
  )
})

t.test('a success ends the retries; a 3xx is a failure and the redirect is not followed', async (t) => {
  const { clock, webhooks, raise, subscribe } = await webhooksFor(t)
  const target = await webhookReceiver(t, SECRET)
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.writeHead(302, { location: target.url })
    response.end()
  })
  subscribe(receiver.url)
  raise()
  await webhooks.settle()
  t.same(
    webhooks.deliveries().map((d) => [d.response.status, d.succeeded]),
    [[302, false]],
    'a redirect is a failure',
  )
  t.equal(target.received.length, 0, 'and is not followed')
  receiver.answerWith((_request, response) => response.end('thanks'))
  clock.advance(1000)
  await webhooks.settle()
  t.same(
    webhooks.deliveries().map((d) => [d.cause, d.response.status, d.succeeded, d.response.body]),
    [
      ['first', 302, false, ''],
      ['retry', 200, true, 'thanks'],
    ],
    'the retry succeeds',
  )
  clock.advance(HOUR)
  await webhooks.settle()
  t.equal(receiver.received.length, 2, 'nothing after a success')
  t.same(webhooks.pending(), [], 'nothing waits')
})

t.test('a redelivery goes now, even while paused, in place of a waiting retry; the schedule goes on after it', async (t) => {
  const { clock, webhooks, raise, subscribe, subscriptions, kept } = await webhooksFor(t, { retryDelays: [1000, 2000] })
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  const subscription = subscribe(receiver.url)
  raise()
  await webhooks.settle()
  const [webhook] = kept()
  t.same(
    webhooks.pending().map((p) => p.cause),
    ['retry'],
    'a retry waits',
  )
  subscriptions().setPaused(subscription, true)
  const retry = webhooks.redeliver(webhook!)
  t.same([webhooks.pending(), webhooks.engine.inFlight], [[], 1], 'the manual retry takes its place and goes at once')
  await webhooks.settle()
  t.equal(receiver.received.length, 2, 'sent though the subscription is paused: it was asked for')
  t.same(webhook?.retries, [retry], 'the retry is recorded')
  t.same(
    webhooks.pending().map((p) => [p.cause, p.dueAt]),
    [['retry', new Date(NOW + 1000).toISOString()]],
    'it failed: the schedule’s first delay again, from now',
  )
  clock.advance(1000)
  await webhooks.settle()
  t.equal(receiver.received.length, 2, 'a scheduled retry of a paused subscription is dropped when due')
  t.same(webhooks.pending(), [], 'and nothing waits')
  subscriptions().setPaused(subscription, false)
  raise('customer_deactivated')
  await webhooks.settle()
  t.equal(receiver.received.at(-1)?.topic, 'customer_deactivated', 'resumed: the next event is delivered')
})

t.test('a receiver that hangs holds only its own subscription, and times out when the clock passes the timeout', async (t) => {
  const { clock, webhooks, raise, subscribe } = await webhooksFor(t, { concurrency: 2, timeoutMs: 10_000, retryDelays: [] })
  const third = whenever(() => hanging.received.length === 3)
  const hanging = await webhookReceiver(t, SECRET, () => third.poke())
  const healthy = await webhookReceiver(t, SECRET)
  const arrived = whenever(() => webhooks.deliveries().length === 1)
  webhooks.onAttempt = arrived.poke
  subscribe(hanging.url)
  raise('customer_created', '11111111-1111-4111-8111-111111111111')
  raise('customer_verified', '11111111-1111-4111-8111-111111111111')
  raise('customer_suspended', '11111111-1111-4111-8111-111111111111')
  subscribe(healthy.url, 'other-app')
  raise('customer_deactivated', '22222222-2222-4222-8222-222222222222', 'other-app')
  await arrived.promise
  t.equal(healthy.received[0]?.topic, 'customer_deactivated', 'another subscription’s webhook is delivered while the first hangs')
  t.equal(webhooks.engine.inFlight, 2, 'the hanging subscription holds its two slots (concurrency 2), no more')
  t.equal(webhooks.pending().filter((p) => p.cause === 'first').length, 1, 'its third webhook waits for a slot')
  clock.advance(10_000)
  await third.promise
  t.equal(webhooks.deliveries().filter((d) => !d.succeeded).length, 2, 'the two timed out when the clock passed their deadline, and the third went')
  clock.advance(10_000)
  await webhooks.settle()
  const failed = webhooks.deliveries().filter((d) => !d.succeeded)
  t.equal(failed.length, 3, 'the third timed out as well')
  t.ok(
    failed.every((d) => d.error === 'no answer within 10000 ms' && d.response.status === undefined),
    'each: no answer within the timeout',
  )
  t.ok(
    failed.every((d) => d.durationMs < 5_000),
    'in real time, nobody waited ten seconds',
  )
})

t.test('the timeout also runs in real time: a frozen clock does not let a receiver hang forever', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { timeoutMs: 50, retryDelays: [] })
  const hanging = await webhookReceiver(t, SECRET, () => undefined)
  subscribe(hanging.url)
  raise()
  await webhooks.settle()
  t.same(
    webhooks.deliveries().map((d) => d.error),
    ['no answer within 50 ms'],
    'timed out by its own timer',
  )
})

t.test('resets, refusals and huge answers are failures or successes as they should be, never a stall', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { retryDelays: [] })
  const resetting = await webhookReceiver(t, SECRET, (request) => request.socket.destroy())
  const cutMidBody = await webhookReceiver(t, SECRET, (_request, response) => {
    response.writeHead(200, { 'content-length': '1000' })
    response.write('partial')
    setImmediate(() => response.socket?.destroy())
  })
  const huge = await webhookReceiver(t, SECRET, (_request, response) => {
    response.writeHead(200, { 'x-big': 'h'.repeat(900), 'x-more': 'm'.repeat(900) })
    // 8 MiB, far more than is ever read: the mock stops at 4 KiB and closes the connection.
    const chunk = 'x'.repeat(64 * 1024)
    let sent = 0
    const more = (): void => {
      while (sent < 128) {
        sent += 1
        if (!response.write(chunk)) return void response.once('drain', more)
      }
      response.end()
    }
    more()
  })
  const refused = await webhookReceiver(t, SECRET)
  refused.server.close()
  refused.server.closeAllConnections()
  for (const receiver of [resetting, cutMidBody, huge, refused]) subscribe(receiver.url)
  raise()
  await webhooks.settle()
  const byUrl = new Map(webhooks.deliveries().map((d) => [d.url, d]))
  t.match(
    byUrl.get(resetting.url),
    { succeeded: false, response: { status: undefined }, error: /socket hang up|ECONNRESET/ },
    'a reset: a failure with no status',
  )
  t.match(
    byUrl.get(cutMidBody.url),
    { succeeded: false, response: { status: 200 }, error: /aborted|ECONNRESET|terminated/ },
    'a body cut short: a failure, the 200 notwithstanding',
  )
  t.match(byUrl.get(refused.url), { succeeded: false, response: { status: undefined }, error: /ECONNREFUSED/ }, 'a refused connection: a failure')
  const big = byUrl.get(huge.url)
  t.match(big, { succeeded: true, response: { status: 200 } }, 'a huge 200 is a success')
  t.equal(Buffer.byteLength(big?.response.body ?? ''), 4096, 'only its first 4 KiB are kept')
  t.ok(Object.keys(big?.response.headers ?? {}).length >= 1, 'some of its headers are kept')
  t.notOk('x-more' in (big?.response.headers ?? {}), 'but no more than 1 KiB of them')
})

t.test('bounded: the oldest webhooks go with their attempts and their waiting retries', async (t) => {
  const { webhooks, raise, subscribe, kept } = await webhooksFor(t, { historyLimit: 3, retryDelays: [60_000] })
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  subscribe(receiver.url)
  for (let i = 0; i < 5; i++) {
    raise()
    await webhooks.settle()
  }
  t.equal(webhooks.counts().kept, 3, 'three webhooks kept')
  t.equal(webhooks.deliveries().length, 3, 'with their attempts')
  t.equal(webhooks.pending().length, 3, 'only the kept ones still have a retry waiting')
  t.same(new Set(webhooks.pending().map((p) => p.webhookId)), new Set(kept().map((w) => w.id)), 'the same three')
})

t.test('making room, a webhook whose delivery is over goes before one still on its way', async (t) => {
  const { webhooks, raise, subscribe, kept } = await webhooksFor(t, { historyLimit: 3, retryDelays: [60_000] })
  let failing = true
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = failing ? 500 : 200
    response.end()
  })
  subscribe(receiver.url)
  raise('customer_created')
  await webhooks.settle()
  const [waiting] = kept()
  failing = false
  raise('customer_verified')
  raise('customer_suspended')
  await webhooks.settle()
  raise('customer_deactivated')
  await webhooks.settle()
  t.same(
    kept().map((w) => w.topic),
    ['customer_created', 'customer_suspended', 'customer_deactivated'],
    'the oldest delivered one went, not the oldest of all',
  )
  t.same(
    webhooks.pending().map((p) => p.webhookId),
    [waiting?.id],
    'the failed one’s retry still waits',
  )
})

t.test('a deleted subscription’s deliveries stop: what waits is dropped, what is in flight aborted', async (t) => {
  const { webhooks, raise, subscribe, subscriptions } = await webhooksFor(t, { retryDelays: [60_000] })
  const requests = whenever(() => hanging.received.length === 1)
  const hanging = await webhookReceiver(t, SECRET, () => requests.poke())
  const subscription = subscribe(hanging.url)
  raise()
  await requests.promise
  t.equal(webhooks.engine.inFlight, 1, 'one in flight')
  subscriptions().remove(subscription)
  await webhooks.settle()
  t.equal(webhooks.engine.inFlight, 0, 'aborted')
  t.same([webhooks.pending(), webhooks.deliveries(), webhooks.counts().kept], [[], [], 0], 'nothing waits, nothing is kept')
})

t.test('close() does not wait: retries waiting are dropped, requests in flight aborted, nothing is sent after', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { retryDelays: [1000] })
  const arrived = whenever(() => hanging.received.length === 1)
  const hanging = await webhookReceiver(t, SECRET, () => arrived.poke())
  const failing = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  subscribe(failing.url)
  raise()
  await webhooks.settle()
  subscribe(hanging.url, 'other-app')
  raise('customer_created', '22222222-2222-4222-8222-222222222222', 'other-app')
  await arrived.promise
  t.same([webhooks.pending().length, webhooks.engine.inFlight], [1, 1], 'a retry waits and a request is in flight')
  const closing = Date.now()
  webhooks.close()
  await webhooks.settle()
  t.ok(Date.now() - closing < 5_000, 'closed at once, not after the 10 s timeout')
  t.same([webhooks.pending().length, webhooks.engine.inFlight], [0, 0], 'nothing waits, nothing in flight')
  raise()
  await webhooks.settle()
  t.equal(failing.received.length, 1, 'nothing is sent after close')
})

t.test('reset(): no subscriptions, no history, nothing waiting; what was in flight records nothing', async (t) => {
  const { webhooks, raise, subscribe, reset } = await webhooksFor(t, { retryDelays: [1000] })
  const arrived = whenever(() => hanging.received.length === 1)
  const hanging = await webhookReceiver(t, SECRET, () => arrived.poke())
  subscribe(hanging.url)
  raise()
  await arrived.promise
  reset()
  await webhooks.settle()
  t.same([webhooks.subscriptions(), webhooks.deliveries(), webhooks.pending(), webhooks.engine.inFlight], [[], [], [], 0], 'all gone')
  const receiver = await webhookReceiver(t, SECRET)
  subscribe(receiver.url)
  raise()
  await webhooks.settle()
  t.equal(receiver.received.length, 1, 'and it delivers again afterwards')
})

t.test(`a subscription is paused after ${AUTO_PAUSE_FAILURES} failures in a row and a day without success`, async (t) => {
  const { clock, webhooks, raise, subscribe } = await webhooksFor(t, { retryDelays: [], historyLimit: 1000 })
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    response.statusCode = 500
    response.end()
  })
  const subscription = subscribe(receiver.url)
  clock.advance(24 * HOUR)
  for (let i = 0; i < AUTO_PAUSE_FAILURES - 1; i++) raise()
  await webhooks.settle()
  t.equal(subscription.paused, false, `${AUTO_PAUSE_FAILURES - 1} failures: still active`)
  raise()
  await webhooks.settle()
  t.equal(subscription.paused, true, `${AUTO_PAUSE_FAILURES}: paused, as Dwolla pauses unreachable endpoints`)
  raise()
  await webhooks.settle()
  t.equal(receiver.received.length, AUTO_PAUSE_FAILURES, 'and it gets nothing more')

  const recent = subscribe(
    (
      await webhookReceiver(t, SECRET, (_request, response) => {
        response.statusCode = 500
        response.end()
      })
    ).url,
    'recent-app',
  )
  for (let i = 0; i < AUTO_PAUSE_FAILURES + 5; i++) raise('customer_created', '33333333-3333-4333-8333-333333333333', 'recent-app')
  await webhooks.settle()
  t.equal(recent.paused, false, 'failures within a day of its creation do not pause it')
})

t.test('a redelivery asked for while an attempt is in flight goes once that one ends, in place of the schedule', async (t) => {
  const { webhooks, raise, subscribe, kept } = await webhooksFor(t, { retryDelays: [60_000] })
  let release: (() => void) | undefined
  const arrived = whenever(() => receiver.received.length === 1)
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    if (receiver.received.length === 1) {
      release = () => {
        response.statusCode = 500
        response.end()
      }
      arrived.poke()
    } else response.end('ok')
  })
  subscribe(receiver.url)
  raise()
  await arrived.promise
  const [webhook] = kept()
  webhooks.redeliver(webhook!)
  t.same(
    webhooks.pending().map((p) => p.cause),
    ['manual'],
    'the manual retry waits, listed',
  )
  t.equal(webhooks.engine.inFlight, 1, 'behind the attempt in flight, not beside it')
  release?.()
  await webhooks.settle()
  t.same(
    webhooks.deliveries().map((d) => [d.cause, d.response.status]),
    [
      ['first', 500],
      ['manual', 200],
    ],
    'the first failed, then the manual retry went at once and succeeded',
  )
  t.same(webhooks.pending(), [], 'no scheduled retry is left waiting: the manual one took its place')
})

t.test('a subscription paused while its attempts wait for room: they are dropped when their turn comes', async (t) => {
  const { webhooks, raise, subscribe, subscriptions } = await webhooksFor(t, { concurrency: 1, retryDelays: [] })
  let release: (() => void) | undefined
  const arrived = whenever(() => receiver.received.length === 1)
  const receiver = await webhookReceiver(t, SECRET, (_request, response) => {
    release = () => response.end('ok')
    arrived.poke()
  })
  const subscription = subscribe(receiver.url)
  for (let i = 0; i < 3; i++) raise()
  await arrived.promise
  t.equal(webhooks.pending().length, 2, 'two wait behind the one in flight (concurrency 1)')
  subscriptions().setPaused(subscription, true)
  release?.()
  await webhooks.settle()
  t.equal(receiver.received.length, 1, 'the two waiting were not sent')
  t.same([webhooks.pending(), webhooks.counts().kept], [[], 3], 'nothing waits; all three are kept, their delivery over')
})
