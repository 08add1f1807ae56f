import t from 'tap'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SOLE_PROPRIETORSHIP } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createLlcVia, createOwnerVia, deleteRequest, OWNER, topicsFor } from '../helpers/verification.js'

const UNKNOWN = '99999999-9999-4999-8999-999999999999'

t.test('create: 201 with an absolute Location and no body; the owner as GET answers it', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const created = await apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, { token, body: OWNER })
  t.equal(created.statusCode, 201, '201 Created')
  t.equal(created.body, '', 'no body')
  t.match(created.headers.location, /^http:\/\/localhost:80\/beneficial-owners\/[0-9a-f-]{36}$/, 'an absolute Location')
  const id = (created.headers.location as string).split('/').pop() as string
  const owner = await apiRequest(app, 'GET', `/beneficial-owners/${id.toUpperCase()}`, { token })
  t.equal(owner.statusCode, 200, 'found by its id in any case')
  t.same(
    owner.json(),
    {
      _links: {
        self: { href: `http://localhost:80/beneficial-owners/${id}`, type: 'application/vnd.dwolla.v1.hal+json', 'resource-type': 'beneficial-owner' },
      },
      id,
      firstName: 'Jane',
      lastName: 'Owner',
      address: OWNER.address,
      verificationStatus: 'verified',
      created: owner.json().created,
    },
    'verified, with created and the full address; never ssn or dateOfBirth',
  )
  t.ok(Math.abs(Date.parse(owner.json().created) - app.mockDwolla.clock.now()) < 5_000, 'created now, by the mock clock')
  t.same(await topicsFor(app, token, id), ['customer_beneficial_owner_created', 'customer_beneficial_owner_verified'], 'created, then verified')
})

t.test('the sandbox firstName values: incomplete and document, with their links and topics', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const incomplete = await createOwnerVia(app, token, business, { firstName: 'Incomplete' })
  const document = await createOwnerVia(app, token, business, { firstName: 'document' })
  const read = async (id: string) =>
    (await apiRequest(app, 'GET', `/beneficial-owners/${id}`, { token })).json<{ verificationStatus: string; _links: Record<string, { href: string }> }>()
  const a = await read(incomplete)
  t.equal(a.verificationStatus, 'incomplete', 'incomplete (case-insensitive)')
  t.equal(a._links['retry-verification']?.href, `http://localhost:80/beneficial-owners/${incomplete}`, 'retry-verification to the owner')
  const b = await read(document)
  t.equal(b.verificationStatus, 'document', 'document')
  t.equal(b._links['verify-with-document']?.href, `http://localhost:80/beneficial-owners/${document}/documents`, 'verify-with-document to its documents')
  t.same(await topicsFor(app, token, incomplete), ['customer_beneficial_owner_created', 'customer_beneficial_owner_reverification_needed'], 'incomplete topics')
  t.same(
    await topicsFor(app, token, document),
    ['customer_beneficial_owner_created', 'customer_beneficial_owner_verification_document_needed'],
    'document topics',
  )
  const list = await apiRequest(app, 'GET', `/customers/${business}/beneficial-owners`, { token })
  const body = list.json<{ total: number; _embedded: { 'beneficial-owners': Array<{ id: string; created: string }> }; _links: { self: { href: string } } }>()
  t.same([body.total, body._embedded['beneficial-owners'].map((owner) => owner.id)], [2, [incomplete, document]], 'listed oldest first, with total')
  t.equal(body._links.self.href, `http://localhost:80/customers/${business}/beneficial-owners`, 'the list links to itself')
  t.ok(
    body._embedded['beneficial-owners'].every((owner) => typeof owner.created === 'string'),
    'created on every list item',
  )
})

t.test('update: only an incomplete owner, once; verified or document as the new firstName says', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const owner = await createOwnerVia(app, token, business, { firstName: 'incomplete' })
  const updated = await apiRequest(app, 'POST', `/beneficial-owners/${owner}`, { token, body: { ...OWNER, firstName: 'Updated', ssn: '123-45-6789' } })
  t.same([updated.statusCode, updated.json().verificationStatus, updated.json().firstName], [200, 'verified', 'Updated'], '200, verified, with the new name')
  t.same((await topicsFor(app, token, owner)).at(-1), 'customer_beneficial_owner_verified', 'the verified topic')
  const again = await apiRequest(app, 'POST', `/beneficial-owners/${owner}`, { token, body: OWNER })
  t.same([again.statusCode, again.json()], [403, { code: 'InvalidResourceState', message: 'Owner cannot be updated.' }], 'a verified owner cannot be updated')
  const second = await createOwnerVia(app, token, business, { firstName: 'incomplete' })
  const toDocument = await apiRequest(app, 'POST', `/beneficial-owners/${second}`, { token, body: { ...OWNER, firstName: 'incomplete' } })
  t.equal(toDocument.json().verificationStatus, 'document', 'a retry that asks for another retry ends in document')
  const third = await apiRequest(app, 'POST', `/beneficial-owners/${second}`, { token, body: OWNER })
  t.equal(third.statusCode, 403, 'one retry only')
})

t.test('field rules: every problem at its pointer; ssn or passport', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const bad = await apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, {
    token,
    body: {
      firstName: 'Jane<',
      dateOfBirth: '2020-01-01',
      ssn: '1234',
      address: { address1: 'PO Box 12', city: 'City 9', country: 'US', stateProvinceRegion: 'ny' },
    },
  })
  t.equal(bad.statusCode, 400, '400')
  const errors = bad.json<{ code: string; _embedded: { errors: Array<{ code: string; path: string; message: string }> } }>()
  t.equal(errors.code, 'ValidationError', 'a ValidationError')
  t.same(
    errors._embedded.errors.map(({ code, path }) => `${code} ${path}`).sort(),
    [
      'InvalidFormat /address/address1',
      'InvalidFormat /address/city',
      'InvalidFormat /address/stateProvinceRegion',
      'InvalidFormat /firstName',
      'InvalidFormat /ssn',
      'NotAllowed /dateOfBirth',
      'Required /address/postalCode',
      'Required /lastName',
    ],
    'each field at its pointer',
  )
  t.ok(
    errors._embedded.errors.some((error) => error.message === 'Address.PostalCode required.'),
    'messages name nested fields',
  )
  const { ssn: _ssn, ...withoutSsn } = OWNER
  const passport = await apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, {
    token,
    body: { ...withoutSsn, address: { ...OWNER.address, country: 'GB', postalCode: undefined }, passport: { number: 'AB12345', country: 'GB' } },
  })
  t.equal(passport.statusCode, 201, 'a passport instead of an ssn, outside the US without a postal code')
  const neither = await apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, { token, body: withoutSsn })
  t.same(
    neither.json()._embedded.errors.map((error: { path: string }) => error.path),
    ['/ssn'],
    'neither: the ssn is required',
  )
  const notJson = await apiRequest(app, 'POST', `/customers/${business}/beneficial-owners`, { token, payload: '{"firstName":' })
  t.same([notJson.statusCode, notJson.json().code], [400, 'BadRequest'], 'unparseable: BadRequest')
})

t.test('who may have owners: llc, corporation, partnership; others get the refusal', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const corporation = await createLlcVia(app, token, { businessType: 'corporation' })
  t.ok(await createOwnerVia(app, token, corporation), 'a corporation')
  t.ok(await createOwnerVia(app, token, SEEDED.businessDocument), 'a business in document may add owners')
  const sole = await createCustomerVia(app, token, { ...SOLE_PROPRIETORSHIP, email: 'sole@example.com' })
  for (const [label, id] of [
    ['a sole proprietorship', sole],
    ['a personal customer', SEEDED.personalVerified],
    ['an unverified customer', SEEDED.unverified],
  ] as const) {
    const refused = await apiRequest(app, 'POST', `/customers/${id}/beneficial-owners`, { token, body: OWNER })
    t.same([refused.statusCode, refused.json()], [403, { code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }], label)
  }
  await apiRequest(app, 'POST', `/customers/${corporation}`, { token, body: { status: 'deactivated' } })
  const deactivated = await apiRequest(app, 'POST', `/customers/${corporation}/beneficial-owners`, { token, body: OWNER })
  t.equal(deactivated.statusCode, 403, 'a deactivated business may not')
  const unknown = await apiRequest(app, 'POST', `/customers/${UNKNOWN}/beneficial-owners`, { token, body: OWNER })
  t.same([unknown.statusCode, unknown.json().message], [404, DWOLLA_ERRORS.NotFound.message], 'an unknown customer: the plain 404')
  const list = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/beneficial-owners`, { token })
  t.same([list.statusCode, list.json().total], [200, 0], 'a personal customer lists no owners')
})

t.test('delete: 200 with the owner as JSON; then 404; another application sees none', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const business = await createLlcVia(app, token)
  const owner = await createOwnerVia(app, token, business, { firstName: 'document' })
  const other = await accessTokenFor(app, 'other-app')
  const notFound = { code: 'NotFound', message: NOT_FOUND_MESSAGES.beneficialOwner }
  t.same((await apiRequest(app, 'GET', `/beneficial-owners/${owner}`, { token: other })).json(), notFound, 'another application: not found')
  const removed = await deleteRequest(app, `/beneficial-owners/${owner}`, token)
  t.same([removed.statusCode, removed.json().id], [200, owner], '200 with the removed owner')
  t.match(removed.headers['content-type'], /^application\/vnd\.dwolla\.v1\.hal\+json/, 'as HAL')
  t.same((await apiRequest(app, 'GET', `/beneficial-owners/${owner}`, { token })).json(), notFound, 'gone')
  t.equal((await deleteRequest(app, `/beneficial-owners/${owner}`, token)).statusCode, 404, 'a second delete: 404')
  t.equal((await apiRequest(app, 'GET', '/beneficial-owners/not-a-uuid', { token })).statusCode, 404, 'an id of the wrong form: 404')
  t.same((await topicsFor(app, token, owner)).at(-1), 'customer_beneficial_owner_removed', 'removed')
})
