import fc from 'fast-check'
import t from 'tap'
import { SUBSCRIPTIONS } from '../../src/resources/webhook-subscriptions/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, mockFor } from '../helpers/mock.js'
import { dwollaShapeProblem } from '../helpers/shapes.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { SECRET, webhooksFor, whenever } from '../webhooks/engine-helpers.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
/** What POST /webhook-subscriptions and POST /webhook-subscriptions/{id} document. */
const STATUSES = new Set([200, 201, 400, 401, 403, 404, 406, 413, 415])

t.test('any request to the subscription endpoints: a documented status in Dwolla’s shape, and only authenticated ones subscribe', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, SECRET)
  const existing = (
    await app.inject({
      method: 'POST',
      url: '/webhook-subscriptions',
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      payload: { url: receiver.url, secret: SECRET },
    })
  ).headers.location as string
  const subscribed: string[] = [receiver.url]
  const json = fc.jsonValue({ maxDepth: 3 })
  const body = fc.oneof(
    fc
      .record(
        {
          url: fc.oneof(fc.webUrl(), fc.constantFrom('http://127.0.0.1:9/', 'javascript:alert(1)', 'http://u:p@h/', ''), json),
          secret: fc.oneof(fc.string({ maxLength: 200 }), json),
          paused: fc.oneof(fc.boolean(), json),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    json.map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 100 }),
  )
  const path = fc.constantFrom(
    '/webhook-subscriptions',
    new URL(existing).pathname,
    '/webhook-subscriptions/not-a-uuid',
    '/webhook-subscriptions/99999999-9999-4999-8999-999999999999',
  )
  const authorization = fc.oneof(
    fc.constant(`Bearer ${token}`),
    fc.constant(undefined),
    fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
  )
  const contentType = fc.constantFrom('application/json', HAL, 'text/plain', 'application/x-www-form-urlencoded', undefined)
  await fc.assert(
    fc.asyncProperty(path, body, authorization, contentType, async (url, payload, auth, type) => {
      const headers: Record<string, string> = { accept: HAL }
      if (auth !== undefined) headers.authorization = auth
      if (type !== undefined) headers['content-type'] = type
      let response
      try {
        response = await app.inject({ method: 'POST', url, headers, payload })
      } catch {
        return true
      }
      if (!STATUSES.has(response.statusCode)) return false
      if (response.statusCode === 201) {
        if (auth !== `Bearer ${token}`) return false
        subscribed.push(JSON.parse(payload).url)
        return true
      }
      if (response.statusCode === 200) return auth === `Bearer ${token}`
      return dwollaShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 300 },
  )
  t.pass('300 generated requests, every answer documented, no 5xx')
  const urls = app.mockDwolla.webhooks.subscriptions().map((s) => s.url)
  t.ok(
    urls.every((url) => subscribed.includes(url)),
    'every subscription was made by an authenticated request',
  )
  // Keep deliveries local: only the receiver's subscription stays.
  for (const { id, url } of app.mockDwolla.webhooks.subscriptions()) {
    if (url !== receiver.url) {
      const store = app.mockDwolla.worlds.find('key')?.peek(SUBSCRIPTIONS)
      store?.remove(store.get(id)!)
    }
  }
  await createCustomerVia(app, token, UNVERIFIED)
  await app.mockDwolla.webhooks.settle()
  t.ok(
    app.mockDwolla.webhooks.deliveries().every((d) => urls.includes(d.url)),
    'deliveries go only to subscribed URLs',
  )
  t.equal(({} as Record<string, unknown>).url, undefined, 'no prototype was polluted')
})

t.test('a burst of events to a handler that hangs: bounded in flight, bounded waiting, bounded kept', async (t) => {
  const { clock, webhooks, raise, subscribe } = await webhooksFor(t, { historyLimit: 100, concurrency: 10, retryDelays: [] })
  let batch = whenever(() => hanging.received.length === 10)
  const hanging = await webhookReceiver(t, SECRET, () => batch.poke())
  subscribe(hanging.url)
  for (let i = 0; i < 2000; i++) raise()
  t.equal(webhooks.engine.inFlight, 10, 'ten in flight, as Dwolla’s bursts')
  t.equal(webhooks.history.size, 100, 'a hundred webhooks kept (2,000 events)')
  t.equal(webhooks.pending().length, 90, 'the other ninety wait, bounded by the history')
  for (let sent = 10; sent < 100; sent += 10) {
    await batch.promise
    batch = whenever(() => hanging.received.length === sent + 10)
    // The ten in flight time out when the clock passes their deadline; the next ten go.
    clock.advance(10_000)
  }
  await batch.promise
  clock.advance(10_000)
  await webhooks.settle()
  t.equal(hanging.received.length, 100, 'the hundred kept were each tried once')
  t.equal(webhooks.engine.inFlight, 0, 'all timed out, the clock moving')
  t.same(webhooks.pending(), [], 'nothing left waiting')
  t.ok(webhooks.deliveries().length <= 100, 'attempts kept: only the kept webhooks’')
})
