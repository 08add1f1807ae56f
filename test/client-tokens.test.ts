import t from 'tap'
import { DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS } from '../src/index.js'
import { accessTokenFor, CUSTOMER_HREF, CUSTOMER_ID, mockFor, requestClientToken, TOKEN_PATTERN } from './helpers/mock.js'

const ACTIONS = [
  'customer.create',
  'customer.read',
  'customer.update',
  'customer.documents.create',
  'customer.documents.read',
  'businessclassifications.read',
  'beneficialowners.create',
  'beneficialowners.read',
  'beneficialowners.update',
  'beneficialowners.delete',
  'beneficialownership.read',
  'beneficialownership.certify',
  'beneficialowner.documents.create',
  'customer.fundingsources.create',
  'customer.fundingsources.read',
  'customer.microdeposits.create',
  'customer.microdeposits.verify',
  'customer.transfers.send',
]
const withCustomer = (action: string, href = CUSTOMER_HREF) => ({ action, _links: { customer: { href } } })

t.test('a client token, exactly as Dwolla answers it', async (t) => {
  const app = await mockFor(t)
  const response = await requestClientToken(app, { token: await accessTokenFor(app) })
  t.equal(response.statusCode, 200, 'status 200')
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'the Dwolla media type')
  const body = response.json()
  t.same(Object.keys(body), ['token'], 'only a token')
  t.match(body.token, TOKEN_PATTERN, '50 alphanumeric characters')
})

t.test('the server remembers each client token', async (t) => {
  const now = 1_700_000_000_000
  const app = await mockFor(t, { now: () => now })
  const access = await accessTokenFor(app, 'my-app', 'secret')
  const { token } = (await requestClientToken(app, { token: access, body: withCustomer('customer.update') })).json()
  const found = app.mockDwolla.clientTokens.lookup(token)
  t.equal(found.status, 'valid', 'the token is known and valid')
  if (found.status !== 'valid') return
  t.same(found.record.details, { clientId: 'my-app', action: 'customer.update', customerId: CUSTOMER_ID }, 'action, customer and client')
  t.equal(found.record.expiresAt - found.record.issuedAt, 3600 * 1000, 'valid for one hour')
})

t.test('all 18 documented actions', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const action of ACTIONS) {
    const response = await requestClientToken(app, { token, body: withCustomer(action) })
    t.equal(response.statusCode, 200, `${action} accepted`)
  }
})

t.test('customer.create needs no _links; every other action does', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const create = await requestClientToken(app, { token, body: { action: 'customer.create' } })
  t.equal(create.statusCode, 200, 'customer.create without _links')
  t.same(app.mockDwolla.clientTokens.lookup(create.json().token), { status: 'valid', record: app.mockDwolla.clientTokens.list().at(-1) }, 'remembered')
  const update = await requestClientToken(app, { token, body: { action: 'customer.update' } })
  t.equal(update.statusCode, 400, 'customer.update without _links: 400')
  t.same(
    update.json(),
    {
      code: 'ValidationError',
      message: DWOLLA_ERRORS.ValidationError.message,
      _embedded: { errors: [{ code: 'Required', message: 'Links required.', path: '/_links', _links: {} }] },
    },
    'a Required error at /_links',
  )
})

t.test('validation errors name the field by JSON pointer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, unknown, Array<{ code: string; path: string; message: string }>]> = [
    ['unknown action', withCustomer('customer.destroy'), [{ code: 'Invalid', path: '/action', message: 'Action invalid.' }]],
    ['older spelling of an action', withCustomer('beneficialowner.delete'), [{ code: 'Invalid', path: '/action', message: 'Action invalid.' }]],
    ['missing action', { _links: { customer: { href: CUSTOMER_HREF } } }, [{ code: 'Required', path: '/action', message: 'Action required.' }]],
    ['action of the wrong type', withCustomer(42 as unknown as string), [{ code: 'Invalid', path: '/action', message: 'Action invalid.' }]],
    ['action null', { action: null, _links: { customer: { href: CUSTOMER_HREF } } }, [{ code: 'Invalid', path: '/action', message: 'Action invalid.' }]],
    ['customer missing', { action: 'customer.read', _links: {} }, [{ code: 'Required', path: '/_links/customer', message: 'Customer required.' }]],
    [
      'href missing',
      { action: 'customer.read', _links: { customer: {} } },
      [{ code: 'Required', path: '/_links/customer/href', message: 'Customer href required.' }],
    ],
    [
      'href not a customer',
      withCustomer('customer.read', 'https://api.dwolla.com/accounts/707177c3-bf15-4e7e-b37c-55c3898d9bf4'),
      [{ code: 'Invalid', path: '/_links/customer/href', message: 'Customer href invalid.' }],
    ],
    [
      'href not a URL',
      withCustomer('customer.read', 'customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'),
      [{ code: 'Invalid', path: '/_links/customer/href', message: 'Customer href invalid.' }],
    ],
    [
      'id not a UUID',
      withCustomer('customer.read', 'https://api.dwolla.com/customers/123'),
      [{ code: 'Invalid', path: '/_links/customer/href', message: 'Customer href invalid.' }],
    ],
    [
      'href a number',
      withCustomer('customer.read', 7 as unknown as string),
      [{ code: 'Invalid', path: '/_links/customer/href', message: 'Customer href invalid.' }],
    ],
    ['_links a string', { action: 'customer.read', _links: 'x' }, [{ code: 'Invalid', path: '/_links', message: 'Links invalid.' }]],
    [
      'two bad fields at once',
      withCustomer('nope', 'nope'),
      [
        { code: 'Invalid', path: '/action', message: 'Action invalid.' },
        { code: 'Invalid', path: '/_links/customer/href', message: 'Customer href invalid.' },
      ],
    ],
  ]
  for (const [name, body, expected] of cases) {
    const response = await requestClientToken(app, { token, body })
    t.equal(response.statusCode, 400, `${name}: 400`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, `${name}: Dwolla media type`)
    const json = response.json()
    t.equal(json.code, 'ValidationError', `${name}: ValidationError`)
    t.same(
      json._embedded.errors,
      expected.map((e) => ({ ...e, _links: {} })),
      `${name}: embedded errors`,
    )
  }
})

t.test('hrefs as the SDKs and real apps send them', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const hrefs = [`http://localhost:3000/customers/${CUSTOMER_ID}`, `https://api.dwolla.com/customers/${CUSTOMER_ID.toUpperCase()}`, `${CUSTOMER_HREF}/`]
  for (const href of hrefs) {
    const response = await requestClientToken(app, { token, body: withCustomer('customer.read', href) })
    t.equal(response.statusCode, 200, `accepted: ${href}`)
    const found = app.mockDwolla.clientTokens.lookup(response.json().token)
    t.equal(found.status === 'valid' && found.record.details.customerId, CUSTOMER_ID, 'customer id read from the href, lowercased')
  }
  const extras = await requestClientToken(app, {
    token,
    body: {
      action: 'customer.transfers.send',
      amount: { value: '10.00', currency: 'USD' },
      _links: {
        customer: { href: CUSTOMER_HREF, type: 'application/vnd.dwolla.v1.hal+json', 'resource-type': 'customer' },
        destination: { href: 'https://api.dwolla.com/funding-sources/x' },
        'beneficial-owner': { href: 'https://api.dwolla.com/beneficial-owners/y' },
      },
    },
  })
  t.equal(extras.statusCode, 200, 'extra fields and extra _links entries are tolerated')
})

t.test('the Dwolla media type is accepted as the request body type', async (t) => {
  const app = await mockFor(t)
  const response = await requestClientToken(app, {
    token: await accessTokenFor(app),
    headers: { 'content-type': 'application/vnd.dwolla.v1.hal+json; charset=UTF-8' },
  })
  t.equal(response.statusCode, 200, 'application/vnd.dwolla.v1.hal+json body')
})

t.test('Accept must name the Dwolla media type: otherwise 406 InvalidVersion', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const accepted = [
    'application/vnd.dwolla.v1.hal+json',
    'application/vnd.dwolla.v1.hal+json; charset=UTF-8',
    'application/json, application/vnd.dwolla.v1.hal+json',
    'application/vnd.dwolla.v1.hal+json;q=0.9,*/*;q=0.1',
  ]
  for (const accept of accepted) {
    t.equal((await requestClientToken(app, { token, headers: { accept } })).statusCode, 200, `accepted: ${accept}`)
  }
  const refused: Array<string | undefined> = [
    undefined,
    '',
    '*/*',
    'application/json',
    'application/vnd.dwolla.v2.hal+json',
    'application/vnd.dwolla.v1.hal+jsonx',
    'text/html',
  ]
  for (const accept of refused) {
    const response = await requestClientToken(app, { token, headers: { accept } })
    t.equal(response.statusCode, 406, `refused: ${JSON.stringify(accept)}`)
    t.same(response.json(), { code: 'InvalidVersion', message: DWOLLA_ERRORS.InvalidVersion.message }, 'InvalidVersion')
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'Dwolla media type')
  }
})

t.test('access token errors', async (t) => {
  let now = 1_700_000_000_000
  const app = await mockFor(t, { now: () => now, accessTokenLifetimeSeconds: 60 })
  const token = await accessTokenFor(app)
  const cases: Array<[string, string | undefined, string]> = [
    ['no Authorization header', undefined, 'InvalidCredentials'],
    ['empty header', '', 'InvalidCredentials'],
    ['Bearer without a token', 'Bearer ', 'InvalidCredentials'],
    ['Basic instead of Bearer', 'Basic a2V5OnNlY3JldA==', 'InvalidCredentials'],
    ['token with spaces', 'Bearer two words', 'InvalidCredentials'],
    ['token never issued', `Bearer ${'a'.repeat(50)}`, 'InvalidAccessToken'],
  ]
  for (const [name, authorization, code] of cases) {
    const response = await requestClientToken(app, { token, headers: { authorization } })
    t.equal(response.statusCode, 401, `${name}: 401`)
    t.same(response.json(), { code, message: DWOLLA_ERRORS[code as keyof typeof DWOLLA_ERRORS].message }, `${name}: ${code}`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, `${name}: Dwolla media type`)
  }
  const lowercase = await requestClientToken(app, { token, headers: { authorization: `bearer  ${token}` } })
  t.equal(lowercase.statusCode, 200, 'the scheme is case-insensitive (RFC 7235)')

  now += 59_000
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'still valid a second before expiry')
  now += 1_000
  const expired = await requestClientToken(app, { token })
  t.equal(expired.statusCode, 401, 'expired: 401')
  t.equal(expired.json().code, 'ExpiredAccessToken', 'ExpiredAccessToken')
})

t.test('checks run in order: token, then Accept, then body', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const noTokenNoAccept = await requestClientToken(app, { token, headers: { authorization: undefined, accept: undefined }, body: {} })
  t.equal(noTokenNoAccept.json().code, 'InvalidCredentials', 'a bad token wins over a bad Accept')
  const badAcceptBadBody = await requestClientToken(app, { token, headers: { accept: 'application/json' }, body: {} })
  t.equal(badAcceptBadBody.json().code, 'InvalidVersion', 'a bad Accept wins over a bad body')
})

t.test('bodies that are not a JSON object', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bodies: Array<[string, string, string, number, string]> = [
    ['malformed JSON', '{"action":', 'application/json', 400, 'BadRequest'],
    ['empty JSON body', '', 'application/json', 400, 'BadRequest'],
    ['an array', '[]', 'application/json', 400, 'BadRequest'],
    ['a string', '"customer.create"', 'application/json', 400, 'BadRequest'],
    ['null', 'null', 'application/json', 400, 'BadRequest'],
    ['a number', '42', 'application/vnd.dwolla.v1.hal+json', 400, 'BadRequest'],
    ['__proto__ key', '{"action":"customer.create","__proto__":{"polluted":true}}', 'application/json', 400, 'BadRequest'],
    ['constructor.prototype', '{"action":"customer.create","constructor":{"prototype":{"polluted":true}}}', 'application/json', 400, 'BadRequest'],
    ['form body', 'action=customer.create', 'application/x-www-form-urlencoded', 415, 'UnsupportedMediaType'],
    ['text body', 'action=customer.create', 'text/plain', 415, 'UnsupportedMediaType'],
  ]
  for (const [name, payload, contentType, status, code] of bodies) {
    const response = await requestClientToken(app, { token, payload, headers: { 'content-type': contentType } })
    t.equal(response.statusCode, status, `${name}: ${status}`)
    t.same(response.json(), { code, message: DWOLLA_ERRORS[code as keyof typeof DWOLLA_ERRORS].message }, `${name}: ${code}`)
    t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, `${name}: Dwolla media type`)
  }
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype untouched')
})

t.test('oversized bodies: 413 in Dwolla shape', async (t) => {
  const app = await mockFor(t, { bodyLimit: 1024 })
  const response = await requestClientToken(app, {
    token: await accessTokenFor(app),
    body: { action: 'customer.create', pad: 'x'.repeat(4096) },
  })
  t.equal(response.statusCode, 413, '413')
  t.same(response.json(), { code: 'RequestTooLarge', message: DWOLLA_ERRORS.RequestTooLarge.message }, 'RequestTooLarge')
})
