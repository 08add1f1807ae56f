import { readFileSync } from 'node:fs'
import t from 'tap'
import { OPERATION_IDS } from '../../src/fixture-rules/operation-ids.js'
import { parse } from 'yaml'
import { DWOLLA_ERRORS, FIXTURE_SCHEMA_PATH, OAUTH_ERRORS, OPENAPI_DOCUMENT_PATH, type FixtureDocument, type OperationId } from '../../src/index.js'
import { docPage } from '../helpers/docs.js'
import { accessTokenFor, apiRequest, CUSTOMER_ID, mockFor, requestAccessToken, requestClientToken } from '../helpers/mock.js'

const hrefFor = (id: string) => `https://api-sandbox.dwolla.com/customers/${id}`
// The magic customer ids and client key are listed in docs/tokens.md; the seeded customers in docs/customers.md.
const tokensPage = docPage('tokens')
const customersPage = docPage('customers')

const MAGIC_CUSTOMERS: Array<[string, number, string]> = [
  ['00000000-0000-4000-8000-000000000403', 403, 'Forbidden'],
  ['00000000-0000-4000-8000-000000000400', 400, 'BadRequest'],
  ['00000000-0000-4000-8000-000000000404', 400, 'ValidationError'],
  ['00000000-0000-4000-8000-000000000429', 429, 'TooManyRequests'],
  ['00000000-0000-4000-8000-000000000500', 500, 'ServerError'],
]

t.test('the shipped magic customers, out of the box', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const [id, status, code] of MAGIC_CUSTOMERS) {
    const response = await requestClientToken(app, { token, body: { action: 'customer.update', _links: { customer: { href: hrefFor(id) } } } })
    t.equal(response.statusCode, status, `${id}: ${status}`)
    t.equal(response.json().code, code, `${id}: ${code}`)
    t.match(tokensPage, id, `${id} is in docs/tokens.md`)
  }
  const notFound = await requestClientToken(app, { token, body: { action: 'customer.read', _links: { customer: { href: hrefFor(MAGIC_CUSTOMERS[2]![0]) } } } })
  t.same(
    notFound.json()._embedded.errors,
    [{ code: 'Invalid', message: 'Customer not found.', path: '/_links/customer/href', _links: {} }],
    'Customer not found.',
  )
  const limited = await requestClientToken(app, { token, body: { action: 'customer.read', _links: { customer: { href: hrefFor(MAGIC_CUSTOMERS[3]![0]) } } } })
  t.equal(limited.headers['retry-after'], '300', 'Retry-After on the 429')
})

t.test('every shipped seed is in docs/customers.md, with its kind and status, and answers as listed', async (t) => {
  const { customers = [] } = JSON.parse(readFileSync(new URL('../../fixtures/defaults.json', import.meta.url), 'utf8')) as FixtureDocument
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const seed of customers) {
    const row = customersPage.split('\n').find((line) => line.startsWith(`| \`${seed.id}\``))
    t.match(row, `| \`${seed.status}\``, `${seed.id}: in docs/customers.md's seeded customers, as ${seed.status}`)
    const response = await apiRequest(app, 'GET', `/customers/${seed.id}`, { token })
    t.same(
      [response.statusCode, response.json().type, response.json().status],
      [200, seed.type, seed.status],
      `${seed.id}: a ${seed.type} customer in ${seed.status}`,
    )
  }
})

t.test('the shipped magic client key: invalid_client on /token', async (t) => {
  const app = await mockFor(t)
  const response = await requestAccessToken(app, { form: 'client_id=invalid-client&client_secret=s&grant_type=client_credentials' })
  t.equal(response.statusCode, 401, '401')
  t.equal(response.json().error, 'invalid_client', 'invalid_client')
  t.match(tokensPage, '`invalid-client`', 'in docs/tokens.md')
})

t.test('defaultFixtures: false turns them off, seeded customers included', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false })
  const token = await accessTokenFor(app)
  const magic = await requestClientToken(app, { token, body: { action: 'customer.read', _links: { customer: { href: hrefFor(MAGIC_CUSTOMERS[0]![0]) } } } })
  t.same(
    magic.json()._embedded.errors,
    [{ code: 'Invalid', message: 'Customer not found.', path: '/_links/customer/href', _links: {} }],
    'the magic customer is an unknown customer again',
  )
  const seeded = await requestClientToken(app, { token, body: { action: 'customer.read', _links: { customer: { href: hrefFor(CUSTOMER_ID) } } } })
  t.equal(seeded.statusCode, 400, 'no seeded customers either')
  t.equal(app.mockDwolla.customers.list({ application: 'key' }).length, 0, 'the application has no customers')
  t.equal(
    (await requestAccessToken(app, { form: 'client_id=invalid-client&client_secret=s&grant_type=client_credentials' })).statusCode,
    200,
    'an ordinary key again',
  )
  const anyHref = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const anyToken = await accessTokenFor(anyHref)
  const ordinary = await requestClientToken(anyHref, {
    token: anyToken,
    body: { action: 'customer.read', _links: { customer: { href: hrefFor(MAGIC_CUSTOMERS[0]![0]) } } },
  })
  t.equal(ordinary.statusCode, 200, "with customerCheck 'any', an ordinary customer again")
})

t.test('the fixture schema names exactly the catalogue codes and the documented operations', async (t) => {
  const schema = JSON.parse(readFileSync(FIXTURE_SCHEMA_PATH, 'utf8'))
  t.same(schema.definitions.respond.properties.error.enum, [...Object.keys(DWOLLA_ERRORS), ...Object.keys(OAUTH_ERRORS)], 'error codes')
  const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))
  const operationIds = Object.values(document.paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId: string }>).map((op) => op.operationId),
  )
  t.same([...schema.definitions.when.properties.operation.enum].sort(), operationIds.sort(), 'operations')
  // The OperationId type is the union of OPERATION_IDS, which the build generates from the document.
  t.same([...OPERATION_IDS].sort(), operationIds.sort(), 'OPERATION_IDS (and so the OperationId type) names the same operations')
  const typed: OperationId[] = ['createApplicationAccessToken', 'retryWebhook']
  t.same(typed, ['createApplicationAccessToken', 'retryWebhook'], 'operationIds type as OperationId')
})

t.test('the shipped defaults pass every fixture check (a start reads them without checking)', async (t) => {
  const { readFixtureFile } = await import('../../src/fixture-rules/read-fixture-file.js')
  const { DEFAULT_FIXTURES_PATH } = await import('../../src/index.js')
  const document = await readFixtureFile(DEFAULT_FIXTURES_PATH)
  t.equal(document.rules?.length, 6, 'six rules, all valid')
  t.equal(document.customers?.length, 12, 'twelve seeded customers, all valid')
})
