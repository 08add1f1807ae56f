import t from 'tap'
import { BadRequestError, GetCustomerNotFoundDwollaV1HalJSONError, ResponseValidationError, UpdateForbiddenDwollaV1HalJSONError } from 'dwolla/models/errors'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { CONTROLLER, SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

const address = { address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101' }
const person = { firstName: 'Jane', lastName: 'Merchant' }

t.test('dwolla: customers.create for every kind, the id from headers.location[0]', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const bodies = {
    unverified: { ...person, email: 'u@example.com', type: 'unverified' as const },
    'receive-only': { ...person, email: 'r@example.com', type: 'receive-only' as const, businessName: 'Jane Corp' },
    personal: { ...person, email: 'p@example.com', type: 'personal' as const, ...address, dateOfBirth: '1970-01-01', ssn: '1234' },
    'sole proprietorship': {
      ...person,
      email: 's@example.com',
      type: 'business' as const,
      ...address,
      dateOfBirth: '1970-01-01',
      ssn: '1234',
      businessName: 'Jane Coffee',
      businessType: 'soleProprietorship' as const,
      businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203',
    },
    llc: {
      ...person,
      email: 'l@example.com',
      type: 'business' as const,
      ...address,
      businessName: 'Jane Corp',
      businessType: 'llc' as const,
      businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203',
      ein: '00-0000000',
      controller: CONTROLLER,
    },
  }
  const ids: Record<string, string> = {}
  for (const [kind, body] of Object.entries(bodies)) {
    const result = await sdk.customers.create(body)
    const location = result?.headers.location?.[0] as string
    t.match(location, new RegExp(`^${mock.url}/customers/[0-9a-f-]{36}$`), `${kind}: headers.location[0] is absolute`)
    ids[kind] = new URL(location).pathname.split('/').pop() as string
  }
  t.equal(
    mock.seen.find((request) => request.method === 'POST' && request.url === '/customers')?.headers['content-type'],
    'application/vnd.dwolla.v1.hal+json',
    'the dwolla SDK sent the Dwolla media type',
  )

  for (const kind of ['unverified', 'receive-only', 'personal', 'llc']) {
    const customer = await sdk.customers.get({ id: ids[kind] as string })
    t.match(customer, { id: ids[kind], type: kind === 'llc' ? 'business' : kind }, `${kind}: customers.get passes the SDK's own validation`)
    t.type(customer.created, Date, `${kind}: created parsed as a Date (a zone is required)`)
  }
  // dwolla@1.1.1's customers.get union has no sole-proprietorship member and requires a
  // controller for every business: the mock answers the true shape (Dwolla's spec,
  // VerifiedSolePropCustomer), so this SDK version rejects it. Fixed upstream after 1.1.1.
  const sole = await rejectionOf(sdk.customers.get({ id: ids['sole proprietorship'] as string }))
  t.type(sole, ResponseValidationError, 'dwolla@1.1.1 fails on a sole proprietorship: its own bug, pinned here')
  const listed = await sdk.customers.list({ limit: 200 })
  const listedIds = new Set(listed.embedded?.customers?.map((customer) => customer.id))
  t.ok(
    Object.values(ids).every((id) => listedIds.has(id)),
    'customers.list accepts all five kinds, the sole proprietorship included',
  )
})

t.test('dwolla: list, update, root, account and business classifications', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const page = await sdk.customers.list({ limit: 2, offset: 2, status: 'verified' })
  t.same([page.total, page.embedded?.customers?.length], [3, 1], 'status and paging: three verified, one on the second page of two')
  t.ok(page.links?.prev?.href?.includes('offset=0'), 'a prev link')
  const updated = await sdk.customers.update({ id: SEEDED.personalVerified, requestBody: { status: 'deactivated' } })
  t.equal(updated.status, 'deactivated', 'customers.update: the customer as it now is')
  const root = await sdk.root.get()
  t.ok(root.links?.account?.href && root.links.customers?.href, 'root.get: account and customers links')
  const accountId = new URL(root.links?.account?.href as string).pathname.split('/').pop() as string
  t.equal((await sdk.accounts.get({ id: accountId })).id, accountId, 'accounts.get, with the id from root (as Dwolla’s TS SDK tests do)')
  const classifications = await sdk.businessClassifications.list()
  const first = classifications.embedded?.businessClassifications?.[0]
  t.ok(first?.embedded?.industryClassifications?.length, 'businessClassifications.list with industry classifications')
  t.equal((await sdk.businessClassifications.get({ id: first?.id as string })).name, first?.name, 'businessClassifications.get')
})

t.test("dwolla: errors come out as the SDK's typed errors", async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const duplicate = await rejectionOf(sdk.customers.create({ firstName: 'A', lastName: 'B', email: 'personal.verified@example.com', type: 'unverified' }))
  t.type(duplicate, BadRequestError, 'a Duplicate: BadRequestError')
  t.equal((duplicate as BadRequestError).code, 'ValidationError', 'code ValidationError')
  const missing = await rejectionOf(sdk.customers.get({ id: '99999999-9999-4999-8999-999999999999' }))
  t.type(missing, GetCustomerNotFoundDwollaV1HalJSONError, 'an unknown customer: GetCustomerNotFoundDwollaV1HalJSONError')
  t.equal((missing as Error).message, 'Customer not found.', 'with Dwolla’s message')
  const conflict = await rejectionOf(sdk.customers.update({ id: SEEDED.personalSuspended, requestBody: { status: 'deactivated' } }))
  t.type(conflict, UpdateForbiddenDwollaV1HalJSONError, 'a state conflict: UpdateForbiddenDwollaV1HalJSONError')
  t.equal((conflict as Error).message, DWOLLA_ERRORS.InvalidResourceState.message, 'Resource cannot be modified.')
})
