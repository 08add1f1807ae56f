import t from 'tap'
import { NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createLlcVia, createOwnerVia, deleteRequest } from '../helpers/verification.js'

type Links = Record<string, { href: string; 'resource-type': string }>

t.test('certification: uncertified → certified; certify-beneficial-ownership and send follow it', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const linksOf = async () => (await apiRequest(app, 'GET', `/customers/${business}`, { token })).json<{ _links: Links }>()._links
  const before = await linksOf()
  t.same(
    before['certify-beneficial-ownership'],
    {
      href: `http://localhost:80/customers/${business}/beneficial-ownership`,
      type: 'application/vnd.dwolla.v1.hal+json',
      'resource-type': 'beneficial-ownership',
    },
    'uncertified: the certify link',
  )
  t.notOk(before.send, 'no send yet')
  const status = await apiRequest(app, 'GET', `/customers/${business}/beneficial-ownership`, { token })
  t.same(
    status.json(),
    {
      _links: {
        self: {
          href: `http://localhost:80/customers/${business}/beneficial-ownership`,
          type: 'application/vnd.dwolla.v1.hal+json',
          'resource-type': 'beneficial-ownership',
        },
      },
      status: 'uncertified',
    },
    'GET: uncertified',
  )
  await createOwnerVia(app, token, business)
  const certified = await apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: { status: 'certified' } })
  t.same([certified.statusCode, certified.json().status], [200, 'certified'], 'POST: certified')
  const after = await linksOf()
  t.notOk(after['certify-beneficial-ownership'], 'certified: no certify link')
  t.equal(after.send?.href, 'http://localhost:80/transfers', 'verified and certified: send')
  t.ok(after.receive, 'receive as before')
  const listed = await apiRequest(app, 'GET', '/customers?limit=200', { token })
  const item = listed.json()._embedded.customers.find((customer: { id: string }) => customer.id === business)
  t.ok(item._links.send, 'the list decorates its items too')
})

t.test('changing owners after certification: recertify (send kept); the test double ages it to uncertified', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const certify = () => apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: { status: 'certified' } })
  const statusNow = async () => (await apiRequest(app, 'GET', `/customers/${business}/beneficial-ownership`, { token })).json().status
  await certify()
  const owner = await createOwnerVia(app, token, business)
  t.equal(await statusNow(), 'recertify', 'adding an owner: recertify')
  const customer = (await apiRequest(app, 'GET', `/customers/${business}`, { token })).json<{ _links: Links }>()
  t.ok(customer._links['certify-beneficial-ownership'], 'recertify: the certify link is back')
  t.ok(customer._links.send, 'recertify: still sends (30 days)')
  await certify()
  await deleteRequest(app, `/beneficial-owners/${owner}`, token)
  t.equal(await statusNow(), 'recertify', 'removing an owner: recertify')
  await certify()
  const incomplete = await createOwnerVia(app, token, business, { firstName: 'incomplete' })
  await certify()
  await apiRequest(app, 'POST', `/beneficial-owners/${incomplete}`, {
    token,
    body: {
      firstName: 'Fixed',
      lastName: 'Owner',
      dateOfBirth: '1970-01-01',
      ssn: '123456789',
      address: { address1: '1 Main St', city: 'Ames', stateProvinceRegion: 'IA', country: 'US', postalCode: '50010' },
    },
  })
  t.equal(await statusNow(), 'recertify', 'updating an owner: recertify')
  const aged = await app.inject({ method: 'POST', url: `/__mock/beneficial-ownership/${business}/age`, payload: { application: 'key' } })
  t.same(aged.json(), { status: 'uncertified' }, 'the test double ages recertify')
  t.equal(await statusNow(), 'uncertified', 'uncertified')
  t.notOk((await apiRequest(app, 'GET', `/customers/${business}`, { token })).json()._links.send, 'uncertified: no send')
})

t.test('owners in incomplete or document block send; certification ignores them', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const owner = await createOwnerVia(app, token, business, { firstName: 'document' })
  const certified = await apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: { status: 'certified' } })
  t.equal(certified.json().status, 'certified', 'certified with an owner in document')
  t.notOk((await apiRequest(app, 'GET', `/customers/${business}`, { token })).json()._links.send, 'but no send while an owner needs a document')
  await app.inject({ method: 'POST', url: `/__mock/beneficial-owners/${owner}/status`, payload: { status: 'verified' } })
  t.ok((await apiRequest(app, 'GET', `/customers/${business}`, { token })).json()._links.send, 'send once the owner is verified')
})

t.test('a business in document: the certify link, no send; refusals for others', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const document = (await apiRequest(app, 'GET', `/customers/${SEEDED.businessDocument}`, { token })).json<{ status: string; _links: Links }>()
  t.same(
    [document.status, Boolean(document._links['certify-beneficial-ownership']), Boolean(document._links.send)],
    ['document', true, false],
    'as the docs show it',
  )
  const personal = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/beneficial-ownership`, { token })
  t.same([personal.statusCode, personal.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.beneficialOwnership }], 'a personal customer: not found')
  t.notOk((await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })).json()._links['certify-beneficial-ownership'], 'nor a link')
  const sole = await apiRequest(app, 'POST', `/customers/${SEEDED.soleProprietorship}/beneficial-ownership`, { token, body: { status: 'certified' } })
  t.same(
    [sole.statusCode, sole.json()],
    [403, { code: 'Forbidden', message: 'Forbidden from updating beneficial ownership status for this customer.' }],
    'a sole proprietorship cannot certify',
  )
  const business = await createLlcVia(app, token)
  const wrong = await apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: { status: 'uncertified' } })
  t.same(
    [wrong.statusCode, wrong.json()._embedded.errors[0].path, wrong.json()._embedded.errors[0].code],
    [400, '/status', 'Invalid'],
    'another status: Invalid at /status',
  )
  const missing = await apiRequest(app, 'POST', `/customers/${business}/beneficial-ownership`, { token, body: {} })
  t.equal(missing.json()._embedded.errors[0].code, 'Required', 'no status: Required')
  const unknown = await apiRequest(app, 'GET', '/customers/99999999-9999-4999-8999-999999999999/beneficial-ownership', { token })
  t.same([unknown.statusCode, unknown.json().message], [404, NOT_FOUND_MESSAGES.customer], 'an unknown customer')
  await apiRequest(app, 'POST', `/customers/${business}`, { token, body: { status: 'suspended' } })
  const suspended = (await apiRequest(app, 'GET', `/customers/${business}`, { token })).json<{ _links: Links }>()
  t.same(Object.keys(suspended._links), ['self'], 'a suspended business: only self, no certify link')
})
