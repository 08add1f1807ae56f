import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE } from '../../src/index.js'
import { listeningMock } from '../helpers/listening.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'

const SELF = { href: 'http://localhost:80/sandbox-simulations', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'sandbox-simulation' }

t.test('POST /sandbox-simulations: 200 with its self link and how many changed, for the bodies the SDKs send', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bodies: Array<[string, { payload?: string; headers?: Record<string, string | undefined> }]> = [
    ['no body, the HAL type (dwolla@1.1.1)', { payload: '', headers: { 'content-type': DWOLLA_MEDIA_TYPE } }],
    ['no body, application/json (dwolla-v2)', { payload: '' }],
    ['no body, no type', { headers: { 'content-type': undefined } }],
    ['{}', { payload: '{}' }],
  ]
  for (const [name, options] of bodies) {
    const response = await apiRequest(app, 'POST', '/sandbox-simulations', { token, ...options })
    t.same([response.statusCode, response.json()], [200, { _links: { self: SELF }, total: 0 }], `${name}: nothing pending, total 0`)
    t.match(response.headers['content-type'], /^application\/vnd\.dwolla\.v1\.hal\+json/, `${name}: Dwolla's media type`)
  }
})

t.test('POST /sandbox-simulations refuses in Dwolla’s shape what it cannot simulate', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, string, number, unknown]> = [
    [
      'an unknown type',
      '{"type":"explode"}',
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: { errors: [{ code: 'Invalid', message: 'Type invalid.', path: '/type', _links: {} }] },
      },
    ],
    [
      'a type that is not a string',
      '{"type":7}',
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: { errors: [{ code: 'Invalid', message: 'Type invalid.', path: '/type', _links: {} }] },
      },
    ],
    [
      'fields without a type',
      '{"customerId":"x"}',
      400,
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: { errors: [{ code: 'Required', message: 'Type required.', path: '/type', _links: {} }] },
      },
    ],
    ['an array', '[1]', 400, { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }],
    ['not JSON', '{"type":', 400, { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }],
  ]
  for (const [name, payload, status, body] of cases) {
    const response = await apiRequest(app, 'POST', '/sandbox-simulations', { token, payload })
    t.same([response.statusCode, response.json()], [status, body], name)
  }
  const anonymous = await app.inject({ method: 'POST', url: '/sandbox-simulations', headers: { accept: DWOLLA_MEDIA_TYPE } })
  t.equal(anonymous.json().code, 'InvalidCredentials', 'no token: 401 InvalidCredentials')
})

t.test('both SDKs simulate: dwolla-v2 post() and the dwolla SDK’s sandboxSimulations.simulate()', async (t) => {
  const mock = await listeningMock(t)
  const v2 = await dwollaV2For(mock.url).post('sandbox-simulations')
  t.same([v2.status, v2.body.total, v2.body._links.self.href], [200, 0, `${mock.url}/sandbox-simulations`], 'dwolla-v2: 200 and the body')
  await t.resolves(dwollaSdkFor(mock.url).sandboxSimulations.simulate(), 'the dwolla SDK accepts the answer')
  const sent = mock.seen.filter((request) => request.url === '/sandbox-simulations')
  t.same(
    sent.map((request) => request.method),
    ['POST', 'POST'],
    'both reached the mock',
  )
})

t.test('the test double runs the same simulation: POST /__mock/sandbox-simulations', async (t) => {
  const app = await mockFor(t)
  const run = await app.inject({ method: 'POST', url: '/__mock/sandbox-simulations', payload: { application: 'key' } })
  t.same([run.statusCode, run.json()], [200, { status: 200, body: { _links: { self: SELF }, total: 0 } }], 'what the API would answer')
  const typed = await app.inject({ method: 'POST', url: '/__mock/sandbox-simulations', payload: { application: 'key', type: 'explode' } })
  t.same([typed.statusCode, typed.json().error], [400, 'ValidationError'], 'a refusal, in the mock’s own shape')
  const noApplication = await app.inject({ method: 'POST', url: '/__mock/sandbox-simulations', payload: {} })
  t.same([noApplication.statusCode, noApplication.json().error], [400, 'InvalidApplication'], 'the application is required')
})
