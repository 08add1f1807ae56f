import { request as httpRequest } from 'node:http'
import fc from 'fast-check'
import t from 'tap'
import { ADMIN_GUARD_ERRORS } from '../../src/admin/admin-guard.js'
import { start } from '../../src/index.js'
import { SUBSCRIPTIONS } from '../../src/resources/webhook-subscriptions/index.js'
import { subscriptionProblems } from '../../src/resources/webhook-subscriptions/subscription-store.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
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
  t.equal(webhooks.counts().kept, 100, 'a hundred webhooks kept (2,000 events)')
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

// Issue 27 item 5: a subscription to the mock's own admin API (`/__mock/reset`) reset the mock
// whenever an event fired, and a page on another site could set that up through /token and the
// API, which answer any origin. Such URLs are refused however they are spelled, and every
// delivery carries a mark the admin guard refuses, for a URL that reaches /__mock some other way.

const ADMIN_URLS = [
  'http://127.0.0.1:8910/__mock/reset',
  'http://localhost:8910/__mock/state',
  'http://[::1]:8910/__mock/reset',
  'http://mock.test/__mock/reset',
  'https://127.0.0.1/__mock/reset',
  'http://127.0.0.1:8910/__mock',
  'http://127.0.0.1:8910/__mock/',
  'http://127.0.0.1:8910/__mock?next=1',
  'http://127.0.0.1:8910/__MOCK/reset',
  'http://127.0.0.1:8910/__Mock/reset',
  'http://127.0.0.1:8910/%5F%5Fmock/reset',
  'http://127.0.0.1:8910/%5f%5fmock/reset',
  'http://127.0.0.1:8910/_%5Fmock/reset',
  'http://127.0.0.1:8910/%5F%5F%6D%6F%63%6B/reset',
  'http://127.0.0.1:8910/%255F%255Fmock/reset',
  'http://127.0.0.1:8910/__mock%2Freset',
  'http://127.0.0.1:8910/%2F__mock/reset',
  'http://127.0.0.1:8910//__mock/reset',
  'http://127.0.0.1:8910/./__mock/reset',
  'http://127.0.0.1:8910/hooks/../__mock/reset',
  'http://127.0.0.1:8910/hooks/%2e%2e/__mock/reset',
  'http://127.0.0.1:8910/hooks/%2E%2E/%5F%5Fmock/reset',
  'http://127.0.0.1:8910\\__mock\\reset',
  'http://127.0.0.1:8910/__mock;x/reset',
  'http://127.0.0.1:8910/__mock%00/reset',
  'http://2130706433:8910/__mock/reset',
  'http://0x7f.1:8910/__mock/reset',
  'http://127.1:8910/__mock/reset',
]

t.test('subscription URLs to the mock’s own admin API are refused, however spelled', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const url of ADMIN_URLS) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url, secret: SECRET } })
    t.equal(response.statusCode, 400, `${url}: 400`)
    t.match(
      response.json(),
      { code: 'ValidationError', _embedded: { errors: [{ code: 'InvalidFormat', path: '/url', message: /admin API/ }] } },
      `${url}: a ValidationError at /url that says why`,
    )
  }
  for (const url of ['http://127.0.0.1:8910/hooks/__mock/reset', 'http://127.0.0.1:8910/__mockingbird', 'http://127.0.0.1:8910/hooks?next=/__mock/reset']) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url, secret: SECRET } })
    t.equal(response.statusCode, 201, `${url}: not the admin API, accepted`)
  }
  t.equal(app.mockDwolla.webhooks.subscriptions().length, 3, 'only those three were made')
})

t.test('whatever spelling the server routes to the admin API, a subscription URL with it is refused (property)', async (t) => {
  const app = await mockFor(t)
  const encode = (character: string) => `%${character.charCodeAt(0).toString(16).padStart(2, '0')}`
  const spelled = (character: string) => fc.constantFrom(character, character.toUpperCase(), encode(character).toUpperCase(), encode(character).toLowerCase())
  const prefix = fc.tuple(...[...'__mock'].map(spelled)).map((characters) => characters.join(''))
  const before = fc.constantFrom('/', '//', '/./', '/hooks/../', '/hooks/%2e%2e/', '/%2F', '/%2e/')
  const after = fc.constantFrom('/requests', '%2Frequests', '/./requests', '//requests', ';x/requests', '/requests/')
  let routed = 0
  await fc.assert(
    fc.asyncProperty(before, prefix, after, async (head, name, tail) => {
      const path = `${head}${name}${tail}`
      const response = await app.inject({ method: 'GET', url: path })
      // Reached the admin API: it answered, or its guard refused a spelling other than the prefix as written.
      const answer = response.json<{ requests?: unknown; error?: string }>()
      const reachedAdmin = (response.statusCode === 200 && Array.isArray(answer.requests)) || answer.error === 'EncodedAdminPath'
      if (reachedAdmin) routed += 1
      return !reachedAdmin || subscriptionProblems(`http://127.0.0.1:8910${path.replace('/requests', '/reset')}`, SECRET).length > 0
    }),
    { numRuns: 400 },
  )
  t.ok(routed > 0, `${routed} of the 400 spellings reached the admin API, and each is refused as a subscription URL`)
})

t.test('a delivery that reaches /__mock anyway is refused by the admin guard: the mock is not reset', async (t) => {
  const server = await start({ port: 0 })
  t.teardown(() => server.close())
  // A handler that passes every webhook on to the mock's own reset, as a proxy or a DNS name
  // pointing back at the mock would.
  const relay = await webhookReceiver(t, SECRET, (request, response, body) => {
    const headers = { ...request.headers, host: `127.0.0.1:${server.port}` }
    const forwarded = httpRequest(`${server.url}/__mock/reset`, { method: 'POST', headers }, (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => response.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' }).end(Buffer.concat(chunks)))
    })
    forwarded.end(body)
  })
  const client = dwollaV2For(server.url)
  await client.post('webhook-subscriptions', { url: relay.url, secret: SECRET })
  await client.post('customers', { ...UNVERIFIED, email: 'relay@example.com' })
  await server.webhooks.settle()
  const [delivery] = server.webhooks.deliveries()
  t.equal(delivery?.response.status, 403, 'the guard answered the relayed webhook 403')
  t.match(JSON.parse(delivery?.response.body ?? '{}'), { error: 'WebhookDelivery' }, 'because it carries the mark of a webhook delivery')
  t.match(delivery?.request.headers, { 'x-mock-dwolla-webhook': delivery?.webhookId }, 'the mark: X-Mock-Dwolla-Webhook, the webhook’s id')
  t.equal(server.customers.list({ application: 'key' }).filter((c) => c.email === 'relay@example.com').length, 1, 'the customer is still there: no reset')
  t.equal(server.webhooks.subscriptions().length, 1, 'and so is the subscription')
})

t.test('the guard refuses the mark on every admin route, before anything else', async (t) => {
  const app = await mockFor(t)
  for (const [method, url] of [
    ['POST', '/__mock/reset'],
    ['GET', '/__mock/requests'],
    ['POST', '/%5F%5Fmock/reset'],
    ['GET', '/__mock/nowhere'],
  ] as const) {
    const response = await app.inject({ method, url, headers: { 'x-mock-dwolla-webhook': 'anything', 'content-type': 'application/json' }, payload: '{}' })
    t.equal(response.statusCode, 403, `${method} ${url}: 403`)
    t.same(response.json(), { error: 'WebhookDelivery', message: ADMIN_GUARD_ERRORS.WebhookDelivery.message }, `${method} ${url}: WebhookDelivery`)
  }
})

t.test('the admin API answers only at /__mock as written; the guard’s refusals carry no CORS headers', async (t) => {
  const app = await mockFor(t)
  for (const url of ['/%5F%5Fmock/requests', '/_%5Fmock/reset', '/__m%6Fck/requests']) {
    const response = await app.inject({ method: 'GET', url })
    t.same(
      [response.statusCode, response.json()],
      [400, { error: 'EncodedAdminPath', message: ADMIN_GUARD_ERRORS.EncodedAdminPath.message }],
      `${url}: the router takes it to the admin API, whose guard refuses it`,
    )
  }
  t.same(
    (await app.inject({ method: 'GET', url: '/__mock/%72equests' })).json(),
    { requests: [] },
    'past the prefix, escapes are the router’s business: /__mock/%72equests is /__mock/requests',
  )
  for (const url of ['/%5F%5Fmock/requests', '/__mock/requests', '/_%5Fmock/reset']) {
    const response = await app.inject({ method: 'GET', url, headers: { origin: 'https://evil.example' } })
    t.ok(response.statusCode === 400 || response.statusCode === 403, `${url} from another site: refused (${response.statusCode})`)
    t.equal(response.headers['access-control-allow-origin'], undefined, `${url}: no Access-Control-Allow-Origin`)
    t.equal(response.headers['access-control-allow-credentials'], undefined, `${url}: no Access-Control-Allow-Credentials`)
  }
  const api = await app.inject({ method: 'GET', url: '/', headers: { origin: 'https://app.example' } })
  t.equal(api.headers['access-control-allow-origin'], 'https://app.example', 'the API still answers pages')
})

t.test('port 0 and control characters in a subscription URL are refused', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const url of [
    'http://127.0.0.1:0/hooks',
    'http://localhost:00/hooks',
    'http://127.0.0.1:8910/ho\nks',
    'http://127.0.0.1:8910/ho\toks',
    'http://127.0.0.1:8910/hooks\r',
    ' http://127.0.0.1:8910/hooks',
    'http://127.0.0.1:8910/hooks ',
    'http://127.0.0.1:8910/ho\u0000oks',
    'http://127.0.0.1:8910/ho\u007foks',
    'http://127.0.0.1:8910/ho oks',
  ]) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url, secret: SECRET } })
    t.equal(response.statusCode, 400, `${JSON.stringify(url)}: 400`)
    t.match(response.json(), { code: 'ValidationError', _embedded: { errors: [{ code: 'InvalidFormat', path: '/url' }] } }, `${JSON.stringify(url)}: at /url`)
  }
  t.same(app.mockDwolla.webhooks.subscriptions(), [], 'none was made')
})

t.test('a handler’s answer with 12 KiB of headers is read; past 16 KiB the attempt fails, saying why', async (t) => {
  const { webhooks, raise, subscribe } = await webhooksFor(t, { retryDelays: [] })
  const headers = (kib: number) => Object.fromEntries(Array.from({ length: kib }, (_, i) => [`x-header-${i}`, 'v'.repeat(1000)]))
  const large = await webhookReceiver(t, SECRET, (_request, response) => response.writeHead(200, headers(12)).end('ok'))
  const huge = await webhookReceiver(t, SECRET, (_request, response) => response.writeHead(200, headers(20)).end('ok'))
  subscribe(large.url)
  subscribe(huge.url)
  raise()
  await webhooks.settle()
  const byUrl = new Map(webhooks.deliveries().map((d) => [d.url, d]))
  t.match(byUrl.get(large.url), { succeeded: true, response: { status: 200, body: 'ok' } }, '12 KiB of headers: a success')
  t.match(
    byUrl.get(huge.url),
    { succeeded: false, response: { status: undefined }, error: /Header overflow|HPE_HEADER_OVERFLOW/ },
    '20 KiB: a failure, the parser’s reason',
  )
})
