import t from 'tap'
import { DwollaError, start } from '../../src/index.js'
import { TEST_DOUBLE_FILTERS } from '../../src/test-double-filters.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, CUSTOMER_HREF, CUSTOMER_ID, requestAccessToken } from '../helpers/mock.js'

t.test('requests(): unknown keys and operationIds throw, naming the closest; status and code filter', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const token = await accessTokenFor(server.app)
  await apiRequest(server.app, 'POST', '/customers', { token, body: { firstName: 'Jane' } })
  await apiRequest(server.app, 'GET', '/', { token: 'not-a-token' })
  t.throws(
    () => server.requests({ status: 500, stauts: 1 } as never),
    { name: 'FilterError', message: /unknown filter "stauts" \(did you mean status\?\)/ },
    'a misspelt key',
  )
  t.throws(
    () => server.requests({ operation: 'createCustomers' as never }),
    { message: /"createCustomers" is no operationId of the mock \(did you mean createCustomer\?\)/ },
    'a misspelt operationId',
  )
  t.throws(() => server.requests({ status: 1000 }), { message: /status: expected a status code/ }, 'a status that is none')
  t.same(server.requests({ status: 500 }), [], 'status: 500 returns what answered 500: nothing')
  t.same(
    server.requests({ status: 400 }).map(({ operation, code }) => [operation, code]),
    [['createCustomer', 'ValidationError']],
    'status: 400',
  )
  t.same(
    server.requests({ code: 'InvalidAccessToken' }).map(({ path }) => path),
    ['/'],
    'by the error code answered',
  )
  t.equal(server.requests({ operation: 'createCustomer', application: 'key' }).length, 1, 'by operation and application')
  t.equal(server.requests({ method: 'post' }).length, 2, 'the method in any case')

  const http = await fetch(`${server.url}/__mock/requests?status=400`)
  t.same(
    ((await http.json()) as { requests: Array<{ operation: string }> }).requests.map(({ operation }) => operation),
    ['createCustomer'],
    'GET /__mock/requests?status=400 reads the same filter',
  )
  const refused = await fetch(`${server.url}/__mock/requests?operation=createCustomers`)
  t.equal(refused.status, 400, 'a misspelt operation is a 400 over HTTP')
  t.match(await refused.json(), { error: 'InvalidQuery', message: /did you mean createCustomer\?/ }, 'with the same message')
})

t.test('events(): customerId on both surfaces, an href read as its id, resourceId besides', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const token = await accessTokenFor(server.app)
  const id = await createCustomerVia(server.app, token, UNVERIFIED)
  await createCustomerVia(server.app, token, { ...UNVERIFIED, email: 'other@example.com' })
  t.equal(server.events().length, 2, 'two events')
  t.equal(server.events({ customerId: id }).length, 1, 'customerId in-process (it used to be ignored)')
  t.equal(server.events({ customerId: `https://api-sandbox.dwolla.com/customers/${id.toUpperCase()}` }).length, 1, 'a customer href is read as its id')
  t.equal(server.events({ resourceId: id }).length, 1, 'resourceId too')
  t.throws(
    () => server.events({ customerId: 'https://api-sandbox.dwolla.com/funding-sources/x' }),
    { message: /neither a customer id nor a customer href/ },
    'another href is refused',
  )
  t.throws(() => server.events({ customer: id } as never), { message: /did you mean customerId\?/ }, 'an unknown key is refused')
  const http = await fetch(`${server.url}/__mock/events?customerId=${encodeURIComponent(`http://localhost/customers/${id}`)}`)
  t.equal(((await http.json()) as { events: unknown[] }).events.length, 1, 'GET /__mock/events?customerId= takes an href too')
})

t.test('webhooks: deliveries(), pending() and counts() check their filters as GET /__mock/webhooks does', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  t.throws(() => server.webhooks.deliveries({ topc: 'customer_created' } as never), { message: /did you mean topic\?/ }, 'deliveries()')
  t.throws(() => server.webhooks.pending(''), { message: /application: expected an application key/ }, 'pending()')
  const http = await fetch(`${server.url}/__mock/webhooks?topc=customer_created`)
  t.match([http.status, await http.json()], [400, { message: /did you mean topic\?/ }], 'over HTTP')
  await t.rejects(server.webhooks.settle({ timeout: 5 } as never), { message: /did you mean timeoutMs\?/ }, 'settle() options')
})

t.test('one table of filters: each documented in docs/test-double.md with its name', async (t) => {
  const { readFile } = await import('node:fs/promises')
  const page = await readFile(new URL('../../docs/test-double.md', import.meta.url), 'utf8')
  for (const [surface, fields] of Object.entries(TEST_DOUBLE_FILTERS)) {
    for (const name of Object.keys(fields)) t.match(page, new RegExp(`\`${name}\``), `${surface}: ${name} is documented`)
  }
})

t.test('acting on an unknown customer throws NotFound; a fixture rule takes a customer href', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  t.throws(() => server.customers.setStatus('99999999-9999-4999-8999-999999999999', 'verified'), DwollaError, 'an unknown customer: NotFound')
  const token0 = await accessTokenFor(server.app, 'other')
  const theirs = await createCustomerVia(server.app, token0, UNVERIFIED)
  t.throws(
    () => server.customers.setStatus(theirs, 'verified', { application: 'key' }),
    { code: 'NotFound', message: /Application key has no customer/ },
    "another application's",
  )
  t.equal(server.customers.setStatus(CUSTOMER_ID, 'suspended', { application: 'key' }).status, 'suspended', 'a seed every application has')
  const [rule] = server.fixtures.add({ when: { operation: 'createClientToken', customerId: CUSTOMER_HREF }, respond: { error: 'Forbidden' } })
  const token = await accessTokenFor(server.app)
  const answer = await apiRequest(server.app, 'POST', '/client-tokens', {
    token,
    body: { action: 'customer.update', _links: { customer: { href: CUSTOMER_HREF } } },
  })
  t.equal(answer.statusCode, 403, 'the rule given an href matches its customer')
  t.equal(server.requests({ operation: 'createClientToken' })[0]?.fixtureRule, rule?.id, 'as the journal says')
  t.throws(
    () => server.fixtures.add({ when: { operation: 'createClientToken', customerId: 'https://x/funding-sources/1' }, respond: { error: 'Forbidden' } }),
    { name: 'FixtureRuleError', message: /customerId: give the customer id, or its href/ },
    'an href of something else is refused',
  )
})

t.test('the journal says why a request was refused: the code, and the rule or check', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const token = await accessTokenFor(server.app)
  await apiRequest(server.app, 'POST', '/customers', { token, body: { firstName: 'Jane' } })
  await apiRequest(server.app, 'GET', '/', { token: 'never-issued' })
  server.fixtures.add({ name: 'token outage', when: { operation: 'createApplicationAccessToken' }, respond: { error: 'server_error' } })
  await requestAccessToken(server.app)
  server.clock.advance(3600 * 1000)
  await apiRequest(server.app, 'GET', '/', { token })
  const refused = server.requests().filter(({ status }) => status !== null && status >= 400)
  t.match(
    refused.map(({ code, reason }) => ({ code, reason })),
    [
      { code: 'ValidationError', reason: /\/lastName Required/ },
      { code: 'InvalidAccessToken', reason: /no such token: never issued by this mock, revoked, or forgotten/ },
      { code: 'server_error', reason: /^fixture rule runtime-1 \(token outage\)$/ },
      { code: 'ExpiredAccessToken', reason: /the token has expired/ },
    ],
    'each with its code and reason',
  )
  const ok = server.requests({ status: 200 })
  t.ok(ok.length > 0, 'successes are journaled')
  t.ok(
    ok.every(({ code, reason }) => code === undefined && reason === undefined),
    'a success has neither',
  )
})
