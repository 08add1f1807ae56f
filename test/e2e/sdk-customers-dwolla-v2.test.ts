import t from 'tap'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { LLC, PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

type SdkError = Error & {
  status: number
  body: { code: string; message: string; _embedded?: { errors: Array<{ code: string; path: string; _links: { about?: { href: string } } }> } }
}

t.test("dwolla-v2: post('customers') → headers.get('location') → get(location), as Dwolla's docs do", async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const created = await client.post('customers', UNVERIFIED)
  t.equal(created.status, 201, '201')
  t.equal(created.body, '', 'no body (dwolla-v2 hands it on as an empty string)')
  const location = created.headers.get('location') as string
  t.match(location, new RegExp(`^${mock.url}/customers/[0-9a-f-]{36}$`), 'an absolute Location on the mock')
  const customer = await client.get(location)
  t.match(customer.body, { id: location.split('/').pop(), firstName: 'Jane', type: 'unverified', status: 'unverified' }, 'get(location) reads it back')
  const sent = mock.seen.find((request) => request.method === 'POST' && request.url === '/customers')
  t.equal(sent?.headers['content-type'], 'application/json', 'dwolla-v2 sent application/json')
  const fromSandboxHref = await client.get(`https://api-sandbox.dwolla.com/customers/${customer.body.id}`)
  t.equal(fromSandboxHref.body.id, customer.body.id, "an href on Dwolla's own host is re-based onto the mock by dwolla-v2")
})

t.test('dwolla-v2: the drop-in backend flow — create a verified customer, ask for client tokens, read its status', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const location = (await client.post('customers', { ...PERSONAL, firstName: 'document' })).headers.get('location') as string
  const token = await client.post('client-tokens', { action: 'customer.documents.create', _links: { customer: { href: location } } })
  t.match(token.body.token, /^[0-9A-Za-z]{50}$/, 'a client token for the new customer')
  t.equal((await client.get(location)).body.status, 'document', "its status, from the sandbox's magic firstName")
  const unknown = await rejectionOf<SdkError>(
    client.post('client-tokens', { action: 'customer.update', _links: { customer: { href: `${mock.url}/customers/99999999-9999-4999-8999-999999999999` } } }),
  )
  t.same([unknown.status, unknown.body._embedded?.errors[0]?.path], [400, '/_links/customer/href'], 'a customer that does not exist: 400 at the href')
})

t.test('dwolla-v2: list with a status array, update, root and account, business classifications', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  // dwolla-v2's types say query values are strings; at run time it sends arrays as repeated keys.
  const listed = await client.get('customers', { status: ['retry', 'document'], limit: 10 } as unknown as Record<string, string>)
  t.equal(listed.body.total, 4, 'status as an array: repeated keys, any of them')
  t.ok(
    mock.seen.some((request) => request.url === '/customers?status=retry&status=document&limit=10'),
    'sent as ?status=retry&status=document&limit=10',
  )
  const deactivated = await client.post(`customers/${SEEDED.unverified}`, { status: 'deactivated' })
  t.same([deactivated.status, deactivated.body.status], [200, 'deactivated'], 'update: 200 with the customer')
  const root = await client.get('/')
  const account = await client.get(root.body._links.account.href)
  t.equal(account.body.name, 'key', 'root → account')
  const classifications = await client.get('business-classifications')
  t.ok(classifications.body._embedded['business-classifications'].length > 0, 'business classifications')
  const business = await client.post('customers', LLC)
  t.equal(business.status, 201, 'a business customer with one of them')
})

t.test('dwolla-v2: errors reject with the status and Dwolla’s body', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const first = (await client.post('customers', UNVERIFIED)).headers.get('location')
  const duplicate = await rejectionOf<SdkError>(client.post('customers', UNVERIFIED))
  t.equal(duplicate.status, 400, '400')
  t.equal(duplicate.body._embedded?.errors[0]?.code, 'Duplicate', 'e.body._embedded.errors[0].code is Duplicate')
  t.equal(duplicate.body._embedded?.errors[0]?._links.about?.href, first, '_links.about.href recovers the existing customer, as public code does')
  const missing = await rejectionOf<SdkError>(client.get('customers/99999999-9999-4999-8999-999999999999'))
  t.same([missing.status, missing.body], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.customer }], '404 Customer not found.')
  const conflict = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.personalSuspended}`, { status: 'deactivated' }))
  t.same(
    [conflict.status, conflict.body],
    [403, { code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }],
    '403 InvalidResourceState',
  )
})
