import t from 'tap'
import type { ApiFixtureRule } from '../../src/index.js'
import { accessTokenFor, basic, CUSTOMER_HREF, CUSTOMER_ID, mockFor, requestAccessToken, requestClientToken } from '../helpers/mock.js'

const forbidden = (when: Partial<ApiFixtureRule['when']>, extra: Partial<ApiFixtureRule> = {}): ApiFixtureRule => ({
  when: { operation: 'createClientToken', ...when },
  respond: { error: 'Forbidden' },
  ...extra,
})
const customerBody = (action = 'customer.update', href = CUSTOMER_HREF) => ({ action, _links: { customer: { href } } })

t.test('operation: a rule answers only its operation', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({})] } })
  t.equal((await requestAccessToken(app)).statusCode, 200, '/token untouched')
  const token = await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token })).statusCode, 403, '/client-tokens answered by the rule')
})

t.test('clientId on /token: from Basic or from the form', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    customerCheck: 'any',
    fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken', clientId: 'blocked' }, respond: { error: 'invalid_client' } }] },
  })
  const form = await requestAccessToken(app, { form: 'client_id=blocked&client_secret=s&grant_type=client_credentials' })
  t.equal(form.json().error, 'invalid_client', 'form client_id matched')
  const viaBasic = await requestAccessToken(app, { form: 'grant_type=client_credentials', headers: { authorization: basic('blocked', 's') } })
  t.equal(viaBasic.json().error, 'invalid_client', 'Basic key matched')
  t.equal((await requestAccessToken(app)).statusCode, 200, 'other keys pass')
})

t.test('clientId on the API: the application the access token belongs to', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({ clientId: 'app-a' })] } })
  t.equal((await requestClientToken(app, { token: await accessTokenFor(app, 'app-a') })).statusCode, 403, 'app-a: the rule')
  t.equal((await requestClientToken(app, { token: await accessTokenFor(app, 'app-b') })).statusCode, 200, 'app-b: normal')
  t.equal((await requestClientToken(app, { token: 'x'.repeat(50) })).statusCode, 401, 'unknown token: no client id, normal 401')
})

t.test('action and customerId (case-insensitive)', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    customerCheck: 'any',
    fixtures: { rules: [forbidden({ action: 'customer.read', customerId: CUSTOMER_ID.toUpperCase() })] },
  })
  const token = await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token, body: customerBody('customer.read') })).statusCode, 403, 'both hold: the rule')
  t.equal((await requestClientToken(app, { token, body: customerBody('customer.update') })).statusCode, 200, 'other action: normal')
  const other = customerBody('customer.read', 'https://api.dwolla.com/customers/11111111-1111-4111-8111-111111111111')
  t.equal((await requestClientToken(app, { token, body: other })).statusCode, 200, 'other customer: normal')
})

t.test('body: equals any JSON value, matches a pattern, several must all hold', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    customerCheck: 'any',
    fixtures: {
      rules: [
        forbidden({ body: { pointer: '/amount', equals: { value: '1.00', currency: 'USD' } } }, { name: 'deep equals' }),
        forbidden({ body: { pointer: '/_links/customer/href', matches: 'localhost' } }, { name: 'pattern' }),
        forbidden(
          {
            body: [
              { pointer: '/a', equals: 1 },
              { pointer: '/b', equals: null },
            ],
          },
          { name: 'all of' },
        ),
        forbidden({ body: { pointer: '/x~1y' } }, { name: 'exists, escaped pointer' }),
      ],
    },
  })
  const token = await accessTokenFor(app)
  const cases: Array<[string, Record<string, unknown>, number]> = [
    ['deep equal object', { ...customerBody(), amount: { value: '1.00', currency: 'USD' } }, 403],
    ['different object', { ...customerBody(), amount: { value: '2.00', currency: 'USD' } }, 200],
    ['pattern matches', customerBody('customer.read', `http://localhost/customers/${CUSTOMER_ID}`), 403],
    ['both of two conditions', { ...customerBody(), a: 1, b: null }, 403],
    ['one of two conditions', { ...customerBody(), a: 1, b: 0 }, 200],
    ['key with a slash exists', { ...customerBody(), 'x/y': false }, 403],
    ['a value that differs', { ...customerBody(), a: 2, b: null }, 200],
  ]
  for (const [name, body, status] of cases) {
    t.equal((await requestClientToken(app, { token, body })).statusCode, status, `${name}: ${status}`)
  }
})

t.test('a body pointer does not reach the prototype', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({ body: { pointer: '/constructor/name' } })] } })
  const token = await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token })).statusCode, 200, '/constructor/name is not an own property')
})

t.test('header: equals or matches, case-insensitive name', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    customerCheck: 'any',
    fixtures: {
      rules: [
        forbidden({ header: { name: 'X-Scenario', equals: 'forbidden' } }),
        forbidden({
          header: [
            { name: 'user-agent', matches: '^dwolla-v2' },
            { name: 'x-also', equals: 'yes' },
          ],
        }),
      ],
    },
  })
  const token = await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token, headers: { 'x-scenario': 'forbidden' } })).statusCode, 403, 'equals')
  t.equal((await requestClientToken(app, { token, headers: { 'x-scenario': 'other' } })).statusCode, 200, 'not equal')
  t.equal((await requestClientToken(app, { token, headers: { 'user-agent': 'dwolla-v2-node/3', 'x-also': 'yes' } })).statusCode, 403, 'both')
  t.equal((await requestClientToken(app, { token, headers: { 'user-agent': 'dwolla-v2-node/3' } })).statusCode, 200, 'header missing')
})

t.test('times: the first N matches only', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({}, { times: 2 })] } })
  const token = await accessTokenFor(app)
  const statuses = []
  for (let i = 0; i < 4; i++) statuses.push((await requestClientToken(app, { token })).statusCode)
  t.same(statuses, [403, 403, 200, 200], 'two answers, then steps aside')
  t.equal(app.mockDwolla.fixtures.list()[0]?.matched, 2, 'counted twice')
})

t.test('times is exact under concurrency', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({}, { times: 25 })] } })
  const token = await accessTokenFor(app)
  const responses = await Promise.all(Array.from({ length: 100 }, () => requestClientToken(app, { token })))
  t.equal(responses.filter((r) => r.statusCode === 403).length, 25, 'exactly 25 of 100 concurrent requests')
})

t.test('order: first match wins; runtime (newest first), then files in order, then defaults', async (t) => {
  const app = await mockFor(t, {
    fixtures: [
      { rules: [{ when: { operation: 'createClientToken' }, respond: { error: 'NotFound' }, times: 1 }] },
      { rules: [{ when: { operation: 'createClientToken' }, respond: { error: 'Conflict' }, times: 1 }] },
    ],
  })
  const token = await accessTokenFor(app)
  const forbiddenCustomer = customerBody('customer.read', 'https://x/customers/00000000-0000-4000-8000-000000000403')
  t.equal((await requestClientToken(app, { token, body: forbiddenCustomer })).json().code, 'NotFound', 'the first file first')
  t.equal((await requestClientToken(app, { token, body: forbiddenCustomer })).json().code, 'Conflict', 'then the second file')
  t.equal((await requestClientToken(app, { token, body: forbiddenCustomer })).json().code, 'Forbidden', 'then the shipped default')
  app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken' }, respond: { error: 'InvalidScopes' } })
  app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken' }, respond: { error: 'InvalidResourceState' } })
  t.equal((await requestClientToken(app, { token, body: forbiddenCustomer })).json().code, 'InvalidResourceState', 'the newest runtime rule wins')
  t.same(
    app.mockDwolla.fixtures.list().map((r) => r.source),
    ['runtime', 'runtime', 'file', 'file', ...Array(6).fill('default')],
    'listed in checking order',
  )
})

t.test('rules changed between requests: each request is checked against the rules then in force', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  const { fixtures } = app.mockDwolla
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'no rule yet')
  const [rule] = fixtures.add(forbidden({}))
  fixtures.add({ when: { operation: 'createApplicationAccessToken' }, respond: { error: 'invalid_client' } })
  t.equal((await requestClientToken(app, { token })).statusCode, 403, 'added after a request: it answers')
  fixtures.clear(rule!.id)
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'cleared by id: it no longer answers')
  t.equal((await requestAccessToken(app)).json().error, 'invalid_client', "another operation's rule stays")
  fixtures.add(forbidden({}, { times: 1 }))
  const statuses = [(await requestClientToken(app, { token })).statusCode, (await requestClientToken(app, { token })).statusCode]
  t.same(statuses, [403, 200], 'a times rule used up is let go')
  t.equal(fixtures.list().length, 1, 'only the /token rule is left')
  fixtures.reset()
  t.equal((await requestAccessToken(app)).statusCode, 200, 'reset: no runtime rule answers')
})

t.test('fixtures answer before validation: a rule can target an invalid request', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any', fixtures: { rules: [forbidden({ action: 'not.an.action' })] } })
  const token = await accessTokenFor(app)
  t.equal((await requestClientToken(app, { token, body: { action: 'not.an.action' } })).statusCode, 403, 'the rule, not a ValidationError')
  t.equal((await requestClientToken(app, { token, body: { action: 'other' } })).statusCode, 400, 'others still validated')
})
