import t from 'tap'
import { start } from '../../src/index.js'
import { LLC, PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

t.test('/__mock/customers: list, read, create in any status, set a status', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const created = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...PERSONAL, application: 'key', status: 'document' } })
  t.equal(created.statusCode, 201, '201')
  const customer = created.json().customer
  t.match(
    customer,
    { application: 'key', type: 'personal', status: 'document', firstName: 'Jane', email: 'jane@example.com' },
    'the customer, straight into document',
  )
  t.notOk('ssn' in customer, 'no ssn kept')
  t.equal((await apiRequest(app, 'GET', `/customers/${customer.id}`, { token })).json().status, 'document', 'the API sees it')
  const listed = await app.inject({ method: 'GET', url: '/__mock/customers?application=key' })
  t.equal(listed.json().customers.length, 13, 'listed with the seeds')
  const one = await app.inject({ method: 'GET', url: `/__mock/customers/${customer.id}` })
  t.same(one.json(), { customer }, 'read by id without naming the application')
  const moved = await app.inject({ method: 'POST', url: `/__mock/customers/${customer.id}/status`, payload: { status: 'verified' } })
  t.equal(moved.json().customer.status, 'verified', 'set to verified')
  t.equal((await apiRequest(app, 'GET', `/customers/${customer.id}`, { token })).json().status, 'verified', 'as the API sees it')
})

t.test('/__mock/customers refuses what the API would, in the mock’s own errors', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, { method: 'GET' | 'POST'; url: string; payload?: object }, number, string]> = [
    ['a missing field', { method: 'POST', url: '/__mock/customers', payload: { firstName: 'A' } }, 400, 'InvalidCustomer'],
    ['a body that is no object', { method: 'POST', url: '/__mock/customers', payload: [1] }, 400, 'InvalidCustomer'],
    ['an unknown status', { method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, status: 'happy' } }, 400, 'InvalidStatus'],
    [
      'a status the type cannot have',
      { method: 'POST', url: `/__mock/customers/${SEEDED.personalVerified}/status`, payload: { status: 'unverified', application: 'key' } },
      400,
      'InvalidStatus',
    ],
    ['no status', { method: 'POST', url: `/__mock/customers/${SEEDED.personalVerified}/status`, payload: { application: 'key' } }, 400, 'InvalidStatus'],
    ['an empty application', { method: 'GET', url: '/__mock/customers?application=' }, 400, 'InvalidApplication'],
    ['an unknown customer', { method: 'GET', url: '/__mock/customers/99999999-9999-4999-8999-999999999999' }, 404, 'UnknownCustomer'],
    [
      'an unknown customer’s status',
      { method: 'POST', url: '/__mock/customers/99999999-9999-4999-8999-999999999999/status', payload: { status: 'verified' } },
      404,
      'UnknownCustomer',
    ],
  ]
  for (const [name, request, status, error] of cases) {
    const response = await app.inject(request)
    t.same([response.statusCode, response.json().error, typeof response.json().message], [status, error, 'string'], `${name}: ${status} ${error}`)
    t.match(response.headers['content-type'], /^application\/json/, `${name}: the mock's own JSON`)
  }
  const duplicate = await app.inject({
    method: 'POST',
    url: '/__mock/customers',
    payload: { ...UNVERIFIED, email: 'personal.verified@example.com', application: 'key' },
  })
  t.same(duplicate.json(), { error: 'InvalidCustomer', message: '/email: A customer with the specified email already exists.' }, 'a duplicate email, named')
})

t.test('start(): server.customers, its events for the webhook stream, and reset()', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const topics = () => server.events({ application: 'key' }).map((event) => event.topic)
  const made = server.customers.create(LLC, { application: 'key', status: 'retry' })
  t.same(topics(), ['customer_created', 'customer_reverification_needed'], 'created, then the status asked for')
  const client = dwollaV2For(server.url)
  const fetched = await client.get(`customers/${made.id}`)
  t.equal(fetched.body.status, 'retry', 'dwolla-v2 sees it')
  t.equal(server.customers.setStatus(made.id, 'verified')?.status, 'verified', 'setStatus')
  t.equal((await client.get(`customers/${made.id}`)).body.status, 'verified', 'and sees that')
  t.same(topics().slice(2), ['customer_verified'], 'which raised customer_verified')
  await client.post(`customers/${SEEDED.unverified}`, { status: 'suspended' })
  t.match(
    server.events({ application: 'key' }).at(-1),
    { topic: 'customer_suspended', resourceId: SEEDED.unverified, application: 'key' },
    'API transitions raise topics too',
  )
  t.same(
    server.customers
      .list({ application: 'key' })
      .map((c) => c.id)
      .includes(made.id),
    true,
    'listed',
  )
  server.reset()
  t.equal(server.customers.get(made.id), undefined, 'reset() forgets it')
  t.equal(server.customers.list().length, 0, 'no application has customers until one asks')
  t.equal(server.customers.list({ application: 'key' }).length, 12, 'then its seeds are back')
  const reset = await fetch(`${server.url}/__mock/reset`, { method: 'POST' })
  t.equal(reset.status, 200, 'POST /__mock/reset does the same')
})
