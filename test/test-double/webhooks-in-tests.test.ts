import t, { type Test } from 'tap'
import { start } from '../../src/index.js'
import { PERSONAL } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const SECRET = 'a-secret-for-tests'

t.test('settle({ timeoutMs }) gives up, naming what is still pending; on both surfaces', async (t) => {
  const server = await start({ webhookTimeoutMs: 60_000 })
  t.teardown(() => server.close())
  // A handler that never answers.
  const receiver = await webhookReceiver(t, SECRET, () => undefined)
  const token = await accessTokenFor(server.app)
  await subscribeVia(server.app, token, receiver.url, SECRET)
  await createCustomerVia(server.app, token, { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' })
  const started = Date.now()
  const error = await server.webhooks.settle({ timeoutMs: 300 }).then(
    () => undefined,
    (rejected: unknown) => rejected as Error & { pending: Array<{ webhookId: string; host: string; state: string; waitedMs: number }> },
  )
  t.ok(error, 'settle() rejected')
  t.ok(Date.now() - started < 5000, 'after its timeout, not webhookTimeoutMs')
  t.equal(error?.name, 'SettleTimeoutError', 'a SettleTimeoutError')
  t.same(server.webhooks.deliveries(), [], 'no attempt has ended')
  const webhook = error?.pending[0]
  t.equal(error?.pending.length, 1, 'one webhook pending')
  t.match(webhook, { host: new URL(receiver.url).host, state: 'in-flight' }, 'in flight to the receiver')
  t.ok((webhook?.waitedMs ?? 0) >= 250, `with how long it has waited (${webhook?.waitedMs} ms)`)
  t.match(
    error?.message,
    new RegExp(`not settled within 300 ms: 1 pending: ${webhook?.webhookId} to ${new URL(receiver.url).host} \\(in-flight, waited \\d+ ms\\)`),
    'the message names the webhook id, the host and the wait',
  )
  t.match(error?.message, /webhookTimeoutMs/, 'and says what to do')

  const http = await server.app.inject({
    method: 'POST',
    url: '/__mock/webhooks/settle',
    headers: { 'content-type': 'application/json' },
    payload: { timeoutMs: 100 },
  })
  t.equal(http.statusCode, 504, 'POST /__mock/webhooks/settle {"timeoutMs"}: 504')
  t.match(http.json(), { error: 'NotSettled', message: new RegExp(`${webhook?.webhookId} to ${new URL(receiver.url).host}`) }, 'naming it too')
  const bad = await server.app.inject({
    method: 'POST',
    url: '/__mock/webhooks/settle',
    headers: { 'content-type': 'application/json' },
    payload: { timeoutMs: -1 },
  })
  t.match([bad.statusCode, bad.json()], [400, { error: 'InvalidSettle', message: /timeoutMs: expected a whole number/ }], 'a bad timeout is refused')

  await server.webhooks.settle({ application: 'someone-else', timeoutMs: 1000 })
  t.pass("settle({ application }) waits for that application's webhooks only: another's hanging handler does not hold it")
  const other = await server.app.inject({
    method: 'POST',
    url: '/__mock/webhooks/settle',
    headers: { 'content-type': 'application/json' },
    payload: { application: 'someone-else' },
  })
  t.same(other.json(), { settled: true, pending: [] }, 'over HTTP too')
})

/** The topics a receiver heard, per customer created, in the order they arrived. */
async function orderHeard(t: Test, options: { webhookOrder?: 'shuffle' }, customers: number): Promise<string[][]> {
  const server = await start({ ...options, webhookConcurrency: 1 })
  t.teardown(() => server.close())
  const receiver = await webhookReceiver(t, SECRET)
  const token = await accessTokenFor(server.app)
  await subscribeVia(server.app, token, receiver.url, SECRET)
  const orders: string[][] = []
  for (let i = 0; i < customers; i++) {
    receiver.received.length = 0
    // A verified personal customer: one request raises customer_created and customer_verified.
    await createCustomerVia(server.app, token, { ...PERSONAL, email: `jane+${i}@example.com` })
    await server.webhooks.settle({ timeoutMs: 5000 })
    orders.push(receiver.received.map(({ topic }) => topic as string))
  }
  return orders
}

t.test("webhookOrder: 'shuffle' sends a batch's webhooks in a random order", async (t) => {
  const inOrder = await orderHeard(t, {}, 5)
  t.ok(
    inOrder.every((topics) => topics.join() === 'customer_created,customer_verified'),
    'by default, in the order they were made',
  )
  const shuffled = await orderHeard(t, { webhookOrder: 'shuffle' }, 24)
  t.ok(
    shuffled.every((topics) => [...topics].sort().join() === 'customer_created,customer_verified'),
    'shuffled: each batch delivered whole',
  )
  // Each batch is in the other order with probability 1/2: all 24 in the made order is a 1 in 16 million chance.
  t.ok(
    shuffled.some((topics) => topics[0] === 'customer_verified'),
    'and at least once customer_verified came first',
  )
})
