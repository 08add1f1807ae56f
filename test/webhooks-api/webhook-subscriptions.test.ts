import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, LIMIT_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accessTokenFor, apiRequest, mockFor, UUID_V4 } from '../helpers/mock.js'
import { subscribeVia } from '../helpers/webhooks.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const VALIDATION = { code: 'ValidationError', message: DWOLLA_ERRORS.ValidationError.message }
const NOT_FOUND = { code: 'NotFound', message: NOT_FOUND_MESSAGES.webhookSubscription }
const link = (path: string, resourceType: string) => ({ href: `http://localhost:80${path}`, type: HAL, 'resource-type': resourceType })
const NOW = Date.parse('2026-03-04T05:06:07.000Z')
const SECRET = 'the-team-secret-value-9f8e7d'

t.test('create: 201, an absolute Location, no body; read back without the secret, and listed', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url: 'http://localhost:3000/webhooks', secret: SECRET } })
  t.equal(created.statusCode, 201, '201 Created')
  t.match(created.headers.location, /^http:\/\/localhost:80\/webhook-subscriptions\/[0-9a-f-]{36}$/, 'Location on the request’s own host')
  t.same([created.body, created.headers['content-type']], ['', undefined], 'no body, so no content type')
  const id = (created.headers.location as string).split('/').pop() as string
  t.match(id, UUID_V4, 'a lowercase UUID v4')
  const expected = {
    _links: { self: link(`/webhook-subscriptions/${id}`, 'webhook-subscription'), webhooks: link(`/webhook-subscriptions/${id}/webhooks`, 'webhook') },
    id,
    url: 'http://localhost:3000/webhooks',
    paused: false,
    created: '2026-03-04T05:06:07.000Z',
  }
  const read = await apiRequest(app, 'GET', `/webhook-subscriptions/${id}`, { token })
  t.equal(read.headers['content-type'], DWOLLA_CONTENT_TYPE, 'the Dwolla media type')
  t.same(read.json(), expected, 'the whole subscription')
  t.notMatch(read.body, SECRET, 'never the secret')
  const list = await apiRequest(app, 'GET', '/webhook-subscriptions', { token })
  t.same(
    list.json(),
    { _links: { self: link('/webhook-subscriptions', 'webhook-subscription') }, _embedded: { 'webhook-subscriptions': [expected] }, total: 1 },
    'the whole list',
  )
  t.notMatch(list.body, SECRET, 'nor in the list')
  const hal = await apiRequest(app, 'POST', '/webhook-subscriptions', {
    token,
    body: { url: 'https://hooks.example.com/x', secret: 's' },
    headers: { 'content-type': HAL },
  })
  t.equal(hal.statusCode, 201, 'the Dwolla media type is accepted as the body type too')
  t.same(
    (await apiRequest(app, 'GET', '/webhook-subscriptions', { token })).json()._embedded['webhook-subscriptions'].map((s: { url: string }) => s.url),
    ['https://hooks.example.com/x', 'http://localhost:3000/webhooks'],
    'newest first',
  )
})

t.test('field problems: 400 ValidationError in Dwolla’s words, whole bodies; nothing is created', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, unknown, unknown[]]> = [
    ['an invalid url', { url: 'not a url', secret: 's' }, [{ code: 'InvalidFormat', message: 'Url must be a valid url.', path: '/url', _links: {} }]],
    [
      'a secret over 128 characters',
      { url: 'http://localhost/', secret: 'x'.repeat(129) },
      [{ code: 'InvalidFormat', message: 'Secret must be 128 or fewer characters.', path: '/secret', _links: {} }],
    ],
    [
      'neither',
      {},
      [
        { code: 'Required', message: 'Url required.', path: '/url', _links: {} },
        { code: 'Required', message: 'Secret required.', path: '/secret', _links: {} },
      ],
    ],
    [
      'a url that is no string, an empty secret',
      { url: 7, secret: '' },
      [
        { code: 'InvalidFormat', message: 'Url must be a valid url.', path: '/url', _links: {} },
        { code: 'Required', message: 'Secret required.', path: '/secret', _links: {} },
      ],
    ],
    ['a secret that is no string', { url: 'http://localhost/', secret: ['a'] }, [{ code: 'Invalid', message: 'Secret invalid.', path: '/secret', _links: {} }]],
  ]
  for (const [name, body, errors] of cases) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body })
    t.same([response.statusCode, response.json()], [400, { ...VALIDATION, _embedded: { errors } }], name)
  }
  for (const [name, payload] of [
    ['malformed JSON', '{"url":'],
    ['an array', '[]'],
    ['no body', ''],
  ]) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, payload })
    t.same([response.statusCode, response.json()], [400, { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }], `${name}: BadRequest`)
  }
  t.same((await apiRequest(app, 'GET', '/webhook-subscriptions', { token })).json().total, 0, 'nothing was created')
})

t.test('ten per application, as Dwolla’s sandbox; the eleventh is MaxNumberOfResources', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (let i = 0; i < 10; i++) await subscribeVia(app, token, `http://localhost:${3000 + i}/`, 's')
  const eleventh = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url: 'http://localhost:4000/', secret: 's' } })
  t.same(
    [eleventh.statusCode, eleventh.json()],
    [400, { code: 'MaxNumberOfResources', message: LIMIT_MESSAGES.subscriptions }],
    '400 "The maximum number of subscriptions has been reached."',
  )
  t.equal(LIMIT_MESSAGES.subscriptions, 'The maximum number of subscriptions has been reached.', 'Dwolla’s own message')
  const other = await apiRequest(app, 'POST', '/webhook-subscriptions', {
    token: await accessTokenFor(app, 'other-app'),
    body: { url: 'http://localhost:4000/', secret: 's' },
  })
  t.equal(other.statusCode, 201, 'another application has its own ten')
  const small = await mockFor(t, { webhookSubscriptionLimit: 1 })
  const smallToken = await accessTokenFor(small)
  await subscribeVia(small, smallToken, 'http://localhost/', 's')
  t.equal(
    (await apiRequest(small, 'POST', '/webhook-subscriptions', { token: smallToken, body: { url: 'http://localhost/', secret: 's' } })).statusCode,
    400,
    'webhookSubscriptionLimit: 1 (production’s is 5)',
  )
})

t.test('pause and resume: 200 with the subscription as it now is; a bad body is a ValidationError at /paused', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await subscribeVia(app, token, 'http://localhost/', SECRET)
  const paused = await apiRequest(app, 'POST', `/webhook-subscriptions/${id}`, { token, body: { paused: true } })
  t.same([paused.statusCode, paused.json().paused, paused.json().id], [200, true, id], 'paused')
  t.equal((await apiRequest(app, 'GET', `/webhook-subscriptions/${id}`, { token })).json().paused, true, 'and stays so')
  t.equal((await apiRequest(app, 'POST', `/webhook-subscriptions/${id}`, { token, body: { paused: false } })).json().paused, false, 'resumed')
  const cases: Array<[string, unknown, unknown]> = [
    ['paused missing', {}, { code: 'Required', message: 'Paused required.', path: '/paused', _links: {} }],
    ['paused a string', { paused: 'yes' }, { code: 'Invalid', message: 'Paused invalid.', path: '/paused', _links: {} }],
  ]
  for (const [name, body, error] of cases) {
    const response = await apiRequest(app, 'POST', `/webhook-subscriptions/${id}`, { token, body })
    t.same([response.statusCode, response.json()], [400, { ...VALIDATION, _embedded: { errors: [error] } }], name)
  }
  const empty = await apiRequest(app, 'POST', `/webhook-subscriptions/${id}`, { token, payload: '' })
  t.same([empty.statusCode, empty.json()], [400, { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }], 'no body: BadRequest')
})

t.test('delete: 200 with the subscription as it was; then it is gone', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await subscribeVia(app, token, 'http://localhost/', SECRET)
  const before = (await apiRequest(app, 'GET', `/webhook-subscriptions/${id}`, { token })).json()
  const deleted = await app.inject({ method: 'DELETE', url: `/webhook-subscriptions/${id}`, headers: { authorization: `Bearer ${token}`, accept: HAL } })
  t.same([deleted.statusCode, deleted.json()], [200, before], 'the subscription as it was')
  const gone = await apiRequest(app, 'GET', `/webhook-subscriptions/${id}`, { token })
  t.same([gone.statusCode, gone.json()], [404, NOT_FOUND], 'then 404')
  t.equal((await apiRequest(app, 'GET', '/webhook-subscriptions', { token })).json().total, 0, 'and not listed')
  const again = await app.inject({ method: 'DELETE', url: `/webhook-subscriptions/${id}`, headers: { authorization: `Bearer ${token}`, accept: HAL } })
  t.same([again.statusCode, again.json()], [404, NOT_FOUND], 'deleting it again: 404')
})

t.test('another application’s subscription, an unknown id and a malformed one are all 404 "Webhook subscription not found."', async (t) => {
  const app = await mockFor(t)
  const id = await subscribeVia(app, await accessTokenFor(app), 'http://localhost/', SECRET)
  const other = await accessTokenFor(app, 'other-app')
  for (const [name, path] of [
    ['another application’s', id],
    ['an unknown id', '99999999-9999-4999-8999-999999999999'],
    ['a malformed id', 'not-a-uuid'],
  ]) {
    for (const [method, body] of [
      ['GET', undefined],
      ['POST', { paused: true }],
    ] as const) {
      const response = await apiRequest(app, method, `/webhook-subscriptions/${path}`, { token: other, body })
      t.same([response.statusCode, response.json()], [404, NOT_FOUND], `${method} ${name}: 404`)
    }
    const deleted = await app.inject({ method: 'DELETE', url: `/webhook-subscriptions/${path}`, headers: { authorization: `Bearer ${other}`, accept: HAL } })
    t.same([deleted.statusCode, deleted.json()], [404, NOT_FOUND], `DELETE ${name}: 404`)
  }
  t.same((await apiRequest(app, 'GET', '/webhook-subscriptions', { token: other })).json().total, 0, 'another application lists none')
  t.equal(app.mockDwolla.webhooks.subscriptions()[0]?.paused, false, 'and changed nothing')
})

t.test('the checks before: token (401), a client token (403), Accept (406)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const clientToken = (await apiRequest(app, 'POST', '/client-tokens', { token, body: { action: 'customer.create' } })).json().token as string
  const body = { url: 'http://localhost/', secret: 's' }
  const cases: Array<[string, Parameters<typeof apiRequest>[3], number, keyof typeof DWOLLA_ERRORS]> = [
    ['no Authorization', { token, body, headers: { authorization: undefined } }, 401, 'InvalidCredentials'],
    ['an unknown token', { token: 'x'.repeat(50), body }, 401, 'InvalidAccessToken'],
    ['a client token', { token: clientToken, body }, 403, 'Forbidden'],
    ['no Accept', { token, body, headers: { accept: undefined } }, 406, 'InvalidVersion'],
    ['a form body', { token, payload: 'url=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'UnsupportedMediaType'],
  ]
  for (const [name, options, status, code] of cases) {
    const response = await apiRequest(app, 'POST', '/webhook-subscriptions', options)
    t.same([response.statusCode, response.json()], [status, { code, message: DWOLLA_ERRORS[code].message }], `${name}: ${status} ${code}`)
  }
  t.same(app.mockDwolla.webhooks.subscriptions(), [], 'nothing was created')
})

t.test('the secret never appears in the journal, the logs or any answer, found by its value', async (t) => {
  const lines: string[] = []
  const app = await mockFor(t, { logger: { level: 'trace', stream: { write: (line: string) => void lines.push(line) } } })
  const token = await accessTokenFor(app)
  const id = await subscribeVia(app, token, 'http://localhost/', SECRET)
  await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url: 'not a url', secret: SECRET } })
  const answers: Array<[string, { body: string }]> = [
    ['GET /webhook-subscriptions/{id}', await apiRequest(app, 'GET', `/webhook-subscriptions/${id}`, { token })],
    ['GET /webhook-subscriptions', await apiRequest(app, 'GET', '/webhook-subscriptions', { token })],
    ['GET /__mock/webhooks', await app.inject({ method: 'GET', url: '/__mock/webhooks' })],
    ['GET /__mock/requests', await app.inject({ method: 'GET', url: '/__mock/requests' })],
  ]
  for (const [name, answer] of answers) t.notMatch(answer.body, SECRET, `${name}: no secret`)
  const journal = JSON.stringify(app.mockDwolla.journal.list({ operation: 'createWebhookSubscription' }))
  t.notMatch(journal, SECRET, 'the journal redacts it')
  t.equal(journal.split('"secret":"[redacted]"').length - 1, 2, 'by its field name, in a refused request too')
  t.ok(lines.length > 0, 'something was logged')
  t.notMatch(lines.join('\n'), SECRET, 'the logs never carry it')
})
