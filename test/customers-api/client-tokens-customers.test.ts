import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor, requestClientToken } from '../helpers/mock.js'

const hrefOf = (id: string, host = 'https://api-sandbox.dwolla.com') => `${host}/customers/${id}`
const tokenRequest = (action: string, id?: string) => (id === undefined ? { action } : { action, _links: { customer: { href: hrefOf(id) } } })
const notFound = {
  code: 'ValidationError',
  message: DWOLLA_ERRORS.ValidationError.message,
  _embedded: { errors: [{ code: 'Invalid', message: 'Customer not found.', path: '/_links/customer/href', _links: {} }] },
}
const forbidden = { code: 'Forbidden', message: DWOLLA_ERRORS.Forbidden.message }

t.test('/client-tokens checks the customer against the calling application’s customers', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await createCustomerVia(app, token, UNVERIFIED)
  const hrefs = [hrefOf(created), hrefOf(created.toUpperCase(), 'http://localhost:3000'), `${hrefOf(created, 'https://api.dwolla.com')}/`]
  for (const href of hrefs) {
    const response = await requestClientToken(app, { token, body: { action: 'customer.update', _links: { customer: { href } } } })
    t.equal(response.statusCode, 200, `a customer it created, by its trailing id: ${href}`)
  }
  const unknown = await requestClientToken(app, { token, body: tokenRequest('customer.update', '99999999-9999-4999-8999-999999999999') })
  t.same([unknown.statusCode, unknown.json()], [400, notFound], 'an unknown customer: 400 Invalid "Customer not found."')
  const otherApp = await requestClientToken(app, { token: await accessTokenFor(app, 'other-app'), body: tokenRequest('customer.read', created) })
  t.same([otherApp.statusCode, otherApp.json()], [400, notFound], 'another application’s customer: as if it did not exist')
  t.equal(
    (await requestClientToken(app, { token, body: tokenRequest('customer.read', SEEDED.personalDeactivated) })).statusCode,
    200,
    'a deactivated customer gets tokens (the component’s own call fails later)',
  )
  t.equal((await requestClientToken(app, { token, body: tokenRequest('customer.create') })).statusCode, 200, 'customer.create needs no customer')
  t.equal(
    (await requestClientToken(app, { token, body: tokenRequest('customer.create', '99999999-9999-4999-8999-999999999999') })).statusCode,
    200,
    'nor is one it names checked',
  )
  const magic = await requestClientToken(app, { token, body: tokenRequest('customer.update', '00000000-0000-4000-8000-000000000403') })
  t.same([magic.statusCode, magic.json()], [403, forbidden], 'the shipped magic customers still answer as before')
})

t.test("customerCheck 'any': today's accept-any-href mode", async (t) => {
  const app = await mockFor(t, { customerCheck: 'any' })
  const token = await accessTokenFor(app)
  t.equal(
    (await requestClientToken(app, { token, body: tokenRequest('customer.update', '99999999-9999-4999-8999-999999999999') })).statusCode,
    200,
    'any customer href',
  )
  const fromFile = await mockFor(t, { fixtures: { customerCheck: 'any' } })
  const fileToken = await accessTokenFor(fromFile)
  t.equal(
    (await requestClientToken(fromFile, { token: fileToken, body: tokenRequest('customer.update', '99999999-9999-4999-8999-999999999999') })).statusCode,
    200,
    'set in a fixture file too',
  )
  await t.rejects(
    mockFor(t, { customerCheck: 'some' as 'any' }),
    { name: 'StartupError', message: 'option customerCheck: expected one of exists, any, got "some"' },
    'a bad value stops the start',
  )
})

t.test('a client token is a Bearer token for its action, on its own customer', async (t) => {
  const app = await mockFor(t)
  const access = await accessTokenFor(app)
  const mine = await createCustomerVia(app, access, PERSONAL)
  const clientToken = async (action: string, id?: string) =>
    (await requestClientToken(app, { token: access, body: tokenRequest(action, id) })).json().token as string

  const read = await clientToken('customer.read', mine)
  t.equal((await apiRequest(app, 'GET', `/customers/${mine}`, { token: read })).statusCode, 200, 'customer.read: GET its customer')
  t.same(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token: read })).json(),
    forbidden,
    'customer.read: another customer is Forbidden',
  )
  t.same((await apiRequest(app, 'POST', `/customers/${mine}`, { token: read, body: { email: 'x@example.com' } })).json(), forbidden, 'customer.read: no update')

  const update = await clientToken('customer.update', mine)
  const updated = await apiRequest(app, 'POST', `/customers/${mine}`, { token: update, body: { email: 'new@example.com' } })
  t.same([updated.statusCode, updated.json().email], [200, 'new@example.com'], 'customer.update: POST its customer')
  t.same((await apiRequest(app, 'GET', `/customers/${mine}`, { token: update })).json(), forbidden, 'customer.update: no read')

  const create = await clientToken('customer.create')
  const created = await apiRequest(app, 'POST', '/customers', { token: create, body: { ...UNVERIFIED, email: 'browser@example.com' } })
  t.equal(created.statusCode, 201, 'customer.create: POST /customers')
  const createdId = (created.headers.location as string).split('/').pop() as string
  t.equal(app.mockDwolla.customers.get(createdId)?.application, 'key', 'the new customer belongs to the token’s application')

  const classifications = await clientToken('businessclassifications.read', mine)
  t.equal(
    (await apiRequest(app, 'GET', '/business-classifications', { token: classifications })).statusCode,
    200,
    'businessclassifications.read: the catalogue',
  )

  const transfers = await clientToken('customer.transfers.send', mine)
  for (const [method, url] of [
    ['GET', '/'],
    ['GET', '/customers'],
    ['GET', `/customers/${mine}`],
    ['POST', '/client-tokens'],
  ] as const) {
    const response = await apiRequest(app, method, url, { token: transfers, body: method === 'POST' ? tokenRequest('customer.read', mine) : undefined })
    t.same([response.statusCode, response.json()], [403, forbidden], `anything else (${method} ${url}): 403 Forbidden`)
  }
  app.mockDwolla.clock.advance(3600 * 1000)
  t.same(
    (await apiRequest(app, 'GET', `/customers/${mine}`, { token: read })).json(),
    { code: 'ExpiredAccessToken', message: DWOLLA_ERRORS.ExpiredAccessToken.message },
    'an expired client token: ExpiredAccessToken',
  )
})

t.test('a client token is multi-use within its lifetime (single use is not enforced)', async (t) => {
  const app = await mockFor(t)
  const access = await accessTokenFor(app)
  const read = (await requestClientToken(app, { token: access, body: tokenRequest('customer.read', SEEDED.personalVerified) })).json().token as string
  for (let i = 1; i <= 3; i++) t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token: read })).statusCode, 200, `use ${i}`)
})
