import t from 'tap'
import { DWOLLA_CONTENT_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { CONTROLLER, LLC, PERSONAL } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const BASE = 'http://localhost:80'
const link = (path: string, resourceType: string, type = HAL) => ({ href: `${BASE}${path}`, type, 'resource-type': resourceType })

t.test('a personal verified customer, exactly as Dwolla answers it', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = SEEDED.personalVerified
  const response = await apiRequest(app, 'GET', `/customers/${id}`, { token })
  t.equal(response.statusCode, 200, '200')
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'the Dwolla media type')
  t.same(
    response.json(),
    {
      _links: {
        deactivate: link(`/customers/${id}`, 'customer'),
        self: link(`/customers/${id}`, 'customer'),
        receive: link('/transfers', 'transfer'),
        'edit-form': link(`/customers/${id}`, 'customer', `${HAL}; profile="https://github.com/dwolla/hal-forms"`),
        edit: link(`/customers/${id}`, 'customer'),
        'funding-sources': link(`/customers/${id}/funding-sources`, 'funding-source'),
        transfers: link(`/customers/${id}/transfers`, 'transfer'),
        send: link('/transfers', 'transfer'),
      },
      id,
      firstName: 'Jane',
      lastName: 'Doe',
      email: 'personal.verified@example.com',
      type: 'personal',
      status: 'verified',
      created: '2024-01-01T00:00:00.000Z',
      address1: '99-99 33rd St',
      city: 'Some City',
      state: 'NY',
      postalCode: '11101',
    },
    'links per status, created with milliseconds and Z, the address',
  )
})

t.test('never ssn, dateOfBirth, ein or ipAddress, whatever was sent', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createCustomerVia(app, token, { ...PERSONAL, ssn: '123-45-6789', ipAddress: '10.0.0.1', phone: '5554321234', correlationId: 'order-7' })
  const body = (await apiRequest(app, 'GET', `/customers/${id.toUpperCase()}`, { token })).json()
  for (const secret of ['ssn', 'dateOfBirth', 'ein', 'ipAddress', 'passport']) t.notOk(secret in body, `no ${secret}`)
  t.notMatch(JSON.stringify(body), /6789|1970-01-01|10\.0\.0\.1/, 'no trace of their values either')
  t.same([body.phone, body.correlationId, body.id], ['5554321234', 'order-7', id], 'phone and correlationId are returned; an id in upper case finds it')
  t.match(body.created, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'created: ISO 8601 with milliseconds and Z')
})

t.test('the links of each kind and status (documented where Dwolla shows them, inferred elsewhere)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, string, string[]]> = [
    ['unverified', SEEDED.unverified, ['deactivate', 'self', 'receive', 'edit-form', 'edit', 'funding-sources', 'transfers', 'send']],
    ['receive-only: no send', SEEDED.receiveOnly, ['deactivate', 'self', 'receive', 'edit-form', 'edit', 'funding-sources', 'transfers']],
    ['personal retry', SEEDED.personalRetry, ['deactivate', 'self', 'edit-form', 'edit', 'funding-sources', 'retry-verification', 'transfers']],
    ['personal kba', SEEDED.personalKba, ['deactivate', 'self', 'edit-form', 'edit', 'funding-sources', 'transfers', 'kba']],
    ['personal document', SEEDED.personalDocument, ['self', 'funding-sources', 'transfers', 'document-form', 'verify-with-document']],
    ['suspended', SEEDED.personalSuspended, ['self']],
    ['deactivated', SEEDED.personalDeactivated, ['self', 'reactivate']],
    [
      'sole proprietorship verified: sends like a person',
      SEEDED.soleProprietorship,
      ['deactivate', 'self', 'receive', 'edit-form', 'edit', 'funding-sources', 'transfers', 'send'],
    ],
    [
      'llc verified: beneficial ownership first, no send',
      SEEDED.businessVerified,
      [
        'verify-beneficial-owners',
        'beneficial-owners',
        'deactivate',
        'self',
        'receive',
        'edit-form',
        'edit',
        'certify-beneficial-ownership',
        'funding-sources',
        'transfers',
      ],
    ],
    // An uncertified llc has certify-beneficial-ownership whatever its status (docs/beneficial-owners.md).
    [
      'business retry',
      SEEDED.businessRetry,
      ['deactivate', 'self', 'edit-form', 'edit', 'funding-sources', 'retry-verification', 'transfers', 'certify-beneficial-ownership'],
    ],
    [
      'business document',
      SEEDED.businessDocument,
      ['self', 'funding-sources', 'transfers', 'document-form', 'verify-with-document', 'certify-beneficial-ownership'],
    ],
  ]
  for (const [name, id, relations] of cases) {
    const body = (await apiRequest(app, 'GET', `/customers/${id}`, { token })).json()
    t.same(Object.keys(body._links), relations, name)
  }
  const directives: Array<[string, Record<string, unknown>, string]> = [
    ['business name document', { businessName: 'document' }, 'verify-business-with-document'],
    ['controller and business document', { businessName: 'document', controller: { firstName: 'document' } }, 'verify-controller-and-business-with-document'],
  ]
  for (const [name, fields, relation] of directives) {
    const created = app.mockDwolla.customers.create(
      { ...LLC, email: `${relation}@example.com`, ...fields, controller: { ...CONTROLLER, ...(fields.controller as object) } },
      { application: 'key' },
    )
    const body = (await apiRequest(app, 'GET', `/customers/${created.id}`, { token })).json()
    t.ok(relation in body._links, `${name}: ${relation}`)
  }
  const controllerRetry = app.mockDwolla.customers.create(
    { ...LLC, email: 'cr@example.com', controller: { ...CONTROLLER, firstName: 'retry' } },
    { application: 'key' },
  )
  t.ok(
    'retry-with-full-ssn' in (await apiRequest(app, 'GET', `/customers/${controllerRetry.id}`, { token })).json()._links,
    'controller retry: retry-with-full-ssn too',
  )
})

t.test('not found: an unknown id, an id of another form, another application’s customer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const mine = await createCustomerVia(app, token, PERSONAL)
  const other = await accessTokenFor(app, 'other-app')
  const notFound = { code: 'NotFound', message: NOT_FOUND_MESSAGES.customer }
  for (const [name, url, asWho] of [
    ['unknown id', '/customers/99999999-9999-4999-8999-999999999999', token],
    ['not a UUID', '/customers/not-a-uuid', token],
    ['another application’s customer', `/customers/${mine}`, other],
  ] as const) {
    const response = await apiRequest(app, 'GET', url, { token: asWho })
    t.same([response.statusCode, response.json()], [404, notFound], `${name}: 404 Customer not found.`)
  }
  t.equal(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token: other })).statusCode,
    200,
    'seeds are every application’s (each its own copy)',
  )
})

t.test('a wrong method on a customer: 405 with Allow', async (t) => {
  const app = await mockFor(t)
  const response = await app.inject({ method: 'DELETE', url: `/customers/${SEEDED.personalVerified}` })
  t.same([response.statusCode, response.headers.allow, response.json().code], [405, 'GET, POST', 'MethodNotAllowed'], '405, Allow: GET, POST')
  const collection = await app.inject({ method: 'PUT', url: '/customers' })
  t.same([collection.statusCode, collection.headers.allow], [405, 'GET, POST'], 'the collection too')
})
