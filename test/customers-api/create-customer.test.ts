import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS } from '../../src/index.js'
import { LLC, PERSONAL, RECEIVE_ONLY, SOLE_PROPRIETORSHIP, UNVERIFIED } from '../customers/fields.js'
import { accessTokenFor, apiRequest, mockFor, UUID_V4 } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const VALIDATION = { code: 'ValidationError', message: DWOLLA_ERRORS.ValidationError.message }

t.test('every kind: 201 Created, an absolute Location, no body', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const kinds: Array<[string, Record<string, unknown>]> = [
    ['unverified (no type)', UNVERIFIED],
    ['unverified (type unverified)', { ...UNVERIFIED, type: 'unverified', email: 'u2@example.com' }],
    ['receive-only', { ...RECEIVE_ONLY, email: 'r@example.com' }],
    ['personal', { ...PERSONAL, email: 'p@example.com' }],
    ['sole proprietorship', { ...SOLE_PROPRIETORSHIP, email: 's@example.com' }],
    ['llc', { ...LLC, email: 'l@example.com' }],
    ['corporation', { ...LLC, businessType: 'corporation', email: 'c@example.com' }],
    [
      'partnership with a passport',
      {
        ...LLC,
        businessType: 'partnership',
        email: 'pp@example.com',
        controller: { ...LLC.controller, ssn: undefined, passport: { number: 'A1234567', country: 'GB' } },
      },
    ],
  ]
  for (const [name, body] of kinds) {
    const response = await apiRequest(app, 'POST', '/customers', { token, body })
    t.equal(response.statusCode, 201, `${name}: 201`)
    t.match(response.headers.location, /^http:\/\/localhost:80\/customers\/[0-9a-f-]{36}$/, `${name}: Location on the request's own host`)
    t.match((response.headers.location as string).split('/').pop(), UUID_V4, `${name}: a lowercase UUID v4`)
    t.equal(response.body, '', `${name}: no body`)
    t.equal(response.headers['content-type'], undefined, `${name}: so no content type`)
  }
  t.equal(app.mockDwolla.customers.list({ application: 'key' }).length, 12 + kinds.length, 'all kept beside the twelve seeds')
})

t.test('both body types the SDKs send: application/json (dwolla-v2) and the Dwolla media type (dwolla)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const json = await apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED })
  t.equal(json.statusCode, 201, 'application/json')
  const hal = await apiRequest(app, 'POST', '/customers', {
    token,
    body: { ...UNVERIFIED, email: 'hal@example.com' },
    headers: { 'content-type': `${HAL}; charset=UTF-8` },
  })
  t.equal(hal.statusCode, 201, HAL)
  const form = await apiRequest(app, 'POST', '/customers', { token, payload: 'firstName=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  t.same([form.statusCode, form.json()], [415, { code: 'UnsupportedMediaType', message: DWOLLA_ERRORS.UnsupportedMediaType.message }], 'a form: 415')
})

t.test('field problems: 400 ValidationError with every problem at its pointer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const response = await apiRequest(app, 'POST', '/customers', {
    token,
    body: {
      type: 'personal',
      firstName: 'Jane',
      email: 'nope',
      address1: 'PO Box 1',
      city: 'X',
      state: 'IA',
      postalCode: '50309',
      dateOfBirth: '2015-01-01',
      ssn: '12-34',
    },
  })
  t.equal(response.statusCode, 400, '400')
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'Dwolla media type')
  t.same(
    response.json(),
    {
      ...VALIDATION,
      _embedded: {
        errors: [
          { code: 'Required', message: 'LastName required.', path: '/lastName', _links: {} },
          { code: 'InvalidFormat', message: 'Email invalid.', path: '/email', _links: {} },
          { code: 'InvalidFormat', message: 'Address1 invalid.', path: '/address1', _links: {} },
          { code: 'NotAllowed', message: 'DateOfBirth value not allowed.', path: '/dateOfBirth', _links: {} },
        ],
      },
    },
    'Required, InvalidFormat and NotAllowed, as Dwolla words them; a hyphenated 4-digit ssn is fine',
  )
  const classification = await apiRequest(app, 'POST', '/customers', {
    token,
    body: { ...LLC, businessClassification: '9ed3f669-7d6f-11e3-b545-5404a6144203' },
  })
  t.same(
    classification.json(),
    { ...VALIDATION, _embedded: { errors: [{ code: 'Invalid', message: 'BusinessClassification invalid.', path: '/businessClassification', _links: {} }] } },
    'a business classification must be an industry classification of the catalogue',
  )
})

t.test('duplicate email: Duplicate at /email, with _links.about to the existing customer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const first = await apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED })
  const again = await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email: UNVERIFIED.email.toUpperCase() } })
  t.equal(again.statusCode, 400, '400')
  t.same(
    again.json(),
    {
      ...VALIDATION,
      _embedded: {
        errors: [
          {
            code: 'Duplicate',
            message: 'A customer with the specified email already exists.',
            path: '/email',
            _links: { about: { href: first.headers.location, type: HAL, 'resource-type': 'customer' } },
          },
        ],
      },
    },
    'the whole body; about is the first customer’s Location',
  )
  const seeded = await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email: 'personal.verified@example.com' } })
  t.equal(
    seeded.json()._embedded.errors[0]._links.about.href,
    'http://localhost:80/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4',
    'seeded customers count too',
  )
  const otherApp = await apiRequest(app, 'POST', '/customers', { token: await accessTokenFor(app, 'other-app'), body: UNVERIFIED })
  t.equal(otherApp.statusCode, 201, 'another application may use the same email')
})

t.test('Idempotency-Key: a replay answers the same 201 and Location, and creates nothing', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const headers = { 'idempotency-key': '9c5a4c44-e5f2-4c39-8a55-6c0c4a8d9c3e' }
  const first = await apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED, headers })
  const replay = await apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED, headers })
  t.same([replay.statusCode, replay.headers.location, replay.body], [201, first.headers.location, ''], 'the same answer, not a Duplicate')
  t.equal(app.mockDwolla.customers.list({ application: 'key' }).length, 13, 'one customer beside the seeds')
  const otherApp = await apiRequest(app, 'POST', '/customers', { token: await accessTokenFor(app, 'other-app'), body: UNVERIFIED, headers })
  t.not(otherApp.headers.location, first.headers.location, 'keys are per application')
  app.mockDwolla.clock.advance(24 * 60 * 60 * 1000)
  const later = await apiRequest(app, 'POST', '/customers', { token: await accessTokenFor(app), body: UNVERIFIED, headers })
  t.equal(later.json()._embedded.errors[0].code, 'Duplicate', 'after 24 hours the key is forgotten: a new attempt, a Duplicate')
})

t.test('the checks before the body: token (401), Accept (406), then a body that is no object (400)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, Parameters<typeof apiRequest>[3], number, string]> = [
    ['no Authorization', { token, body: UNVERIFIED, headers: { authorization: undefined } }, 401, 'InvalidCredentials'],
    ['an unknown token', { token: 'x'.repeat(50), body: UNVERIFIED }, 401, 'InvalidAccessToken'],
    ['no Accept', { token, body: UNVERIFIED, headers: { accept: undefined } }, 406, 'InvalidVersion'],
    ['malformed JSON', { token, payload: '{"firstName":' }, 400, 'BadRequest'],
    ['an array', { token, payload: '[]' }, 400, 'BadRequest'],
    ['null', { token, payload: 'null' }, 400, 'BadRequest'],
  ]
  for (const [name, options, status, code] of cases) {
    const response = await apiRequest(app, 'POST', '/customers', options)
    t.same(
      [response.statusCode, response.json()],
      [status, { code, message: DWOLLA_ERRORS[code as keyof typeof DWOLLA_ERRORS].message }],
      `${name}: ${status} ${code}`,
    )
  }
  t.equal(app.mockDwolla.customers.list({ application: 'key' }).length, 12, 'nothing was created')
})

t.test('customerLimit: past it, MaxNumberOfResources', async (t) => {
  const app = await mockFor(t, { customerLimit: 14 })
  const token = await accessTokenFor(app)
  for (const email of ['a@example.com', 'b@example.com'])
    t.equal((await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email } })).statusCode, 201, `${email}: room for it`)
  const full = await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email: 'c@example.com' } })
  t.same(
    [full.statusCode, full.json()],
    [400, { code: 'MaxNumberOfResources', message: 'The maximum number of customers has been reached.' }],
    '400 MaxNumberOfResources',
  )
})
