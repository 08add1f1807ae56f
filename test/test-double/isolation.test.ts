import t from 'tap'
import { start } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const NOW = Date.parse('2026-06-01T00:00:00.000Z')
const HOUR = 3600 * 1000
const json = { 'content-type': 'application/json' }

t.test('reset() keeps the tokens a backend holds: one dwolla-v2 client across a reset per test (issue 26, item 1)', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  // As a backend holds it: one client for the whole process, its token cached inside it.
  const client = dwollaV2For(server.url)
  for (let test = 1; test <= 3; test++) {
    server.reset()
    const answer = await client.post('client-tokens', { action: 'customer.create' })
    t.equal(answer.status, 200, `test ${test}, after a reset: the cached token still works`)
  }
  t.equal(server.requests({ path: '/token' }).length, 0, 'the journal was cleared by each reset, and no new token was asked for since')
  server.reset({ tokens: true })
  const refused = await rejectionOf<{ status: number; body: { code: string } }>(client.post('client-tokens', { action: 'customer.create' }))
  t.same([refused.status, refused.body.code], [401, 'InvalidAccessToken'], 'reset({ tokens: true }) forgets them, for tests of token handling')
})

t.test('reset({ application }): one application only, in-process and over HTTP', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const mine = await accessTokenFor(app, 'mine')
  const theirs = await accessTokenFor(app, 'theirs')
  const myCustomer = await createCustomerVia(app, mine, UNVERIFIED)
  const theirCustomer = await createCustomerVia(app, theirs, { ...UNVERIFIED, email: 'other@example.com' })
  app.mockDwolla.clock.advance(HOUR / 2, { application: 'mine' })
  app.mockDwolla.clock.advance(HOUR / 4, { application: 'theirs' })

  app.mockDwolla.reset({ application: 'mine' })
  t.equal((await apiRequest(app, 'GET', `/customers/${myCustomer}`, { token: mine })).statusCode, 404, 'its customer is gone')
  t.equal((await apiRequest(app, 'GET', `/customers/${theirCustomer}`, { token: theirs })).statusCode, 200, "the other application's stays")
  t.equal(app.mockDwolla.events.all({ application: 'mine' }).length, 0, 'its events are gone')
  t.equal(app.mockDwolla.events.all({ application: 'theirs' }).length, 1, "the other's stay")
  t.same(
    app.mockDwolla.journal.list({ application: 'mine' }).map((entry) => entry.path),
    [`/customers/${myCustomer}`],
    'its journal records from before the reset are gone',
  )
  t.ok(app.mockDwolla.journal.list({ application: 'theirs' }).length >= 2, "the other's stay")
  t.equal(app.mockDwolla.clock.offsetOf('mine'), 0, 'its own clock offset is gone')
  t.equal(app.mockDwolla.clock.offsetOf('theirs'), HOUR / 4, "the other's stays")
  t.equal((await apiRequest(app, 'GET', '/', { token: mine })).statusCode, 200, 'its token is kept')

  const reset = await app.inject({ method: 'POST', url: '/__mock/reset', headers: json, payload: { application: 'theirs', tokens: true } })
  t.same([reset.statusCode, reset.json()], [200, { reset: true }], 'POST /__mock/reset {"application", "tokens": true}')
  t.equal((await apiRequest(app, 'GET', '/', { token: theirs })).json().code, 'InvalidAccessToken', "that application's token is forgotten")
  t.equal((await apiRequest(app, 'GET', '/', { token: mine })).statusCode, 200, "another application's is not")
  t.equal((await apiRequest(app, 'GET', '/', { token: await accessTokenFor(app, 'theirs') })).statusCode, 200, 'a new token for it works')

  for (const [payload, pattern] of [
    [{ aplication: 'mine' }, /unknown key "aplication" \(did you mean application\?\)/],
    [{ tokens: 'yes' }, /tokens: expected true or false/],
    [{ application: '' }, /application: expected an application key/],
  ] as const) {
    const refused = await app.inject({ method: 'POST', url: '/__mock/reset', headers: json, payload })
    t.equal(refused.statusCode, 400, `refused: ${JSON.stringify(payload)}`)
    t.match(refused.json(), { error: 'InvalidReset', message: pattern }, 'saying why')
  }
  t.throws(() => app.mockDwolla.reset({ applicaton: 'mine' } as never), { name: 'ResetOptionsError', message: /did you mean application/ }, 'in-process too')
})

t.test("clock.advance(ms, { application }): that application's tokens expire, nobody else's", async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const mine = await accessTokenFor(app, 'mine')
  const theirs = await accessTokenFor(app, 'theirs')
  app.mockDwolla.clock.advance(HOUR, { application: 'mine' })
  t.equal((await apiRequest(app, 'GET', '/', { token: mine })).json().code, 'ExpiredAccessToken', 'its token expired by its own clock')
  t.equal((await apiRequest(app, 'GET', '/', { token: theirs })).statusCode, 200, "the other application's token did not")
  const listed = app.mockDwolla.tokens().accessTokens
  t.same(
    listed.map(({ clientId, expired }) => [clientId, expired]),
    [
      ['mine', true],
      ['theirs', false],
    ],
    'the token listing says so, each by its own clock',
  )
  const fresh = await accessTokenFor(app, 'mine')
  t.equal(app.mockDwolla.tokens().accessTokens.at(-1)?.issuedAt, new Date(NOW + HOUR).toISOString(), 'a new token is issued by its clock')
  t.equal((await apiRequest(app, 'GET', '/', { token: fresh })).statusCode, 200, 'and works')
  const customer = await createCustomerVia(app, fresh, UNVERIFIED)
  const read = (await apiRequest(app, 'GET', `/customers/${customer}`, { token: fresh })).json()
  t.equal(read.created, new Date(NOW + HOUR).toISOString(), "a customer's created date is on its application's clock")
  t.equal(app.mockDwolla.events.all({ application: 'mine' })[0]?.created, new Date(NOW + HOUR).toISOString(), 'so is its event')
  t.equal(app.mockDwolla.journal.list({ application: 'mine' }).at(-1)?.time, new Date(NOW).toISOString(), 'the journal stays on the shared clock')

  const viewed = await app.inject({ method: 'GET', url: '/__mock/clock?application=mine' })
  t.same(
    viewed.json(),
    { now: new Date(NOW + HOUR).toISOString(), offsetMs: 0, application: 'mine', applicationOffsetMs: HOUR },
    'GET /__mock/clock?application=',
  )
  const moved = await app.inject({ method: 'POST', url: '/__mock/clock', headers: json, payload: { advanceSeconds: 3600, application: 'theirs' } })
  t.same(
    moved.json(),
    { now: new Date(NOW + HOUR).toISOString(), offsetMs: 0, application: 'theirs', applicationOffsetMs: HOUR },
    'POST /__mock/clock {"application"}',
  )
  t.equal((await apiRequest(app, 'GET', '/', { token: theirs })).json().code, 'ExpiredAccessToken', 'that one has expired now')
  t.same(
    (await app.inject({ method: 'GET', url: '/__mock/clock' })).json(),
    { now: new Date(NOW).toISOString(), offsetMs: 0 },
    'the shared clock has not moved',
  )
  const typo = await app.inject({ method: 'POST', url: '/__mock/clock', headers: json, payload: { advanceSeconds: 1, applicaton: 'x' } })
  t.match([typo.statusCode, typo.json().message], [400, /did you mean application\?/], 'a misspelt key is refused, named')
  t.throws(() => app.mockDwolla.clock.advance(1, { application: '' }), TypeError, 'an empty application is refused in-process')
})

t.test("webhook retries follow their application's clock", async (t) => {
  const server = await start({ now: () => NOW, webhookRetrySchedule: [HOUR] })
  t.teardown(() => server.close())
  const receiver = await webhookReceiver(t, 'a-secret-for-tests', (_request, response) => {
    response.statusCode = 503
    response.end()
  })
  const mine = await accessTokenFor(server.app, 'mine')
  const theirs = await accessTokenFor(server.app, 'theirs')
  await subscribeVia(server.app, mine, receiver.url, 'a-secret-for-tests')
  await subscribeVia(server.app, theirs, receiver.url, 'a-secret-for-tests')
  await createCustomerVia(server.app, mine, UNVERIFIED)
  await createCustomerVia(server.app, theirs, { ...UNVERIFIED, email: 'other@example.com' })
  await server.webhooks.settle()
  t.same(
    server.webhooks.pending().map(({ application, dueAt }) => [application, dueAt]),
    [
      ['mine', new Date(NOW + HOUR).toISOString()],
      ['theirs', new Date(NOW + HOUR).toISOString()],
    ],
    'each failed once; a retry waits an hour',
  )
  server.clock.advance(HOUR, { application: 'mine' })
  await server.webhooks.settle()
  t.same(
    server.webhooks.deliveries({ application: 'mine' }).map(({ cause, time }) => [cause, time]),
    [
      ['first', new Date(NOW).toISOString()],
      ['retry', new Date(NOW + HOUR).toISOString()],
    ],
    'moving its clock sent its retry, dated by its clock',
  )
  t.same(
    server.webhooks.deliveries({ application: 'theirs' }).map(({ cause }) => cause),
    ['first'],
    "the other application's retry still waits",
  )
  t.same(
    server.webhooks.pending().map(({ application, dueAt }) => [application, dueAt]),
    [['theirs', new Date(NOW + HOUR).toISOString()]],
    'as pending() shows',
  )
})
