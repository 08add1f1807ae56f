import t from 'tap'
import { buildServer, type CustomerDocument } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

const SEED: CustomerDocument = {
  id: 'ABCDEF01-2345-4678-89AB-CDEF01234567',
  type: 'unverified',
  status: 'unverified',
  firstName: 'Seed',
  lastName: 'Ling',
  email: 'seedling@example.com',
}

t.test('a fixture file seeds customers, for every application or for one', async (t) => {
  const { write } = await tempFolder(t)
  const file = await write(
    'seeds.yaml',
    [
      'customers:',
      `  - { id: ${SEED.id}, type: unverified, status: unverified, firstName: Seed, lastName: Ling, email: seedling@example.com, created: "2020-02-02T02:02:02Z" }`,
      '  - id: 11111111-1111-4111-8111-111111111111',
      '    application: only-this-app',
      '    type: personal',
      '    status: kba',
      '    firstName: Kay',
      '    lastName: Bee',
      '    email: kay@example.com',
      '    address1: 1 Main St',
      '    city: Des Moines',
      '    state: IA',
      '    postalCode: "50309"',
      '  - { id: 707177c3-bf15-4e7e-b37c-55c3898d9bf4, type: unverified, status: deactivated, statusBeforeDeactivation: unverified, firstName: Over, lastName: Ridden, email: over@example.com }',
    ].join('\n'),
  )
  const app = await mockFor(t, { fixtures: file })
  const token = await accessTokenFor(app)
  const seeded = (await apiRequest(app, 'GET', `/customers/${SEED.id.toLowerCase()}`, { token })).json()
  t.match(seeded, { id: SEED.id.toLowerCase(), firstName: 'Seed', created: '2020-02-02T02:02:02.000Z' }, 'a seed for every application, its id lowercased')
  t.equal(
    (await apiRequest(app, 'GET', '/customers/11111111-1111-4111-8111-111111111111', { token })).statusCode,
    404,
    'not the seed meant for another application',
  )
  t.equal(
    (await apiRequest(app, 'GET', '/customers/11111111-1111-4111-8111-111111111111', { token: await accessTokenFor(app, 'only-this-app') })).json().status,
    'kba',
    'which that application has',
  )
  t.match(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })).json(),
    { firstName: 'Over', status: 'deactivated' },
    'a file seed replaces the shipped one with its id',
  )
})

t.test('a bad seed stops the start, naming the file, the place and the problem', async (t) => {
  const { write } = await tempFolder(t)
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'a status the type cannot have',
      { customers: [{ ...SEED, status: 'verified' }] },
      /bad\.json:\d+:\d+ at \/customers\/0\/status: an unverified customer cannot be verified \(one of unverified, suspended, deactivated\)$/,
    ],
    ['a missing field', { customers: [{ ...SEED, email: undefined }] }, /at \/customers\/0: missing required property "email"$/],
    ['an id that is no UUID', { customers: [{ ...SEED, id: '42' }] }, /at \/customers\/0\/id: must match pattern/],
    [
      'a personal customer without an address',
      { customers: [{ ...SEED, type: 'personal', status: 'verified' }] },
      /at \/customers\/0: a personal customer needs address1$/,
    ],
    [
      'a classification not in the catalogue',
      {
        customers: [
          {
            ...SEED,
            type: 'business',
            status: 'verified',
            address1: 'a',
            city: 'b',
            state: 'IA',
            postalCode: '50309',
            businessName: 'B',
            businessType: 'soleProprietorship',
            businessClassification: '00000000-0000-4000-8000-000000000000',
          },
        ],
      },
      /at \/customers\/0\/businessClassification: not an industry classification/,
    ],
    ['an unknown property', { customers: [{ ...SEED, ssn: '1234' }] }, /at \/customers\/0: unknown property "ssn"$/],
    ['a created date that does not exist', { customers: [{ ...SEED, created: '2024-13-45T00:00:00Z' }] }, /at \/customers\/0\/created: not a date and time$/],
    [
      'statusBeforeDeactivation without deactivation',
      { customers: [{ ...SEED, statusBeforeDeactivation: 'unverified' }] },
      /at \/customers\/0\/statusBeforeDeactivation: only goes with status deactivated$/,
    ],
    [
      'two seeds, one email',
      { customers: [SEED, { ...SEED, id: '22222222-2222-4222-8222-222222222222' }] },
      /bad\.json at \/customers\/1: email seedling@example\.com is also seeded by \S*bad\.json at \/customers\/0$/,
    ],
    [
      'an email of a shipped seed',
      { customers: [{ ...SEED, email: 'personal.verified@example.com' }] },
      /at \/customers\/0: email personal\.verified@example\.com is also seeded by defaults at \/customers\/0$/,
    ],
  ]
  for (const [name, document, message] of cases) {
    const file = await write('bad.json', JSON.stringify(document, null, 2))
    await t.rejects(buildServer({ fixtures: file }), { name: 'StartupError', message }, name)
  }
  await t.rejects(
    buildServer({ fixtures: { customers: [SEED] }, customerLimit: 12 }),
    { name: 'StartupError', message: '13 customers are seeded, more than customerLimit (12)' },
    'more seeds than customerLimit',
  )
})

t.test('fixture rules work on every new operation, by operationId and customerId', async (t) => {
  const app = await mockFor(t, {
    fixtures: {
      rules: [
        { when: { operation: 'getCustomer', customerId: SEEDED.personalKba.toUpperCase() }, respond: { error: 'Forbidden' } },
        { when: { operation: 'update', customerId: SEEDED.unverified }, respond: { error: 'InvalidResourceState' } },
        { when: { operation: 'createCustomer', body: { pointer: '/firstName', equals: 'Flaky' } }, respond: { error: 'ServerError' } },
        { when: { operation: 'listAndSearchCustomers' }, respond: { error: 'TooManyRequests', retryAfter: 60 }, times: 1 },
        { when: { operation: 'getRoot', clientId: 'blocked' }, respond: { error: 'InvalidAccountStatus' } },
        { when: { operation: 'listBusinessClassifications' }, respond: { delayMs: 1 } },
      ],
    },
  })
  const token = await accessTokenFor(app)
  t.equal(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.personalKba}`, { token })).json().code,
    'Forbidden',
    'getCustomer by the {id} in the path, case-insensitive',
  )
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.personalRetry}`, { token })).statusCode, 200, 'another customer: normal')
  t.equal((await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}`, { token, body: { firstName: 'X' } })).json().code, 'InvalidResourceState', 'update')
  t.equal(
    (await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, firstName: 'Flaky' } })).statusCode,
    500,
    'createCustomer by a body value',
  )
  const limited = await apiRequest(app, 'GET', '/customers', { token })
  t.same([limited.statusCode, limited.headers['retry-after']], [429, '60'], 'listAndSearchCustomers')
  t.equal((await apiRequest(app, 'GET', '/customers', { token })).statusCode, 200, 'once')
  t.equal(
    (await apiRequest(app, 'GET', '/', { token: await accessTokenFor(app, 'blocked') })).json().code,
    'InvalidAccountStatus',
    'getRoot by the application',
  )
  t.equal((await apiRequest(app, 'GET', '/business-classifications', { token })).statusCode, 200, 'a delay, then the normal answer')
  const journal = app.mockDwolla.journal.list({ operation: 'getCustomer' })
  t.same(
    journal.map((entry) => entry.clientId),
    ['key', 'key'],
    'the journal names the operation and the application',
  )
})

t.test('a client token’s calls are journaled under its application', async (t) => {
  const app = await mockFor(t)
  const access = await accessTokenFor(app, 'browser-app')
  const body = { action: 'customer.read', _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${SEEDED.personalVerified}` } } }
  const clientToken = (await apiRequest(app, 'POST', '/client-tokens', { token: access, body })).json().token
  await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token: clientToken })
  t.equal(app.mockDwolla.journal.list({ operation: 'getCustomer' })[0]?.clientId, 'browser-app', 'the client token’s application')
})

t.test('reloading fixture files replaces the seeds for stores made afterwards; a bad reload changes nothing', async (t) => {
  const { write } = await tempFolder(t)
  const file = await write('seeds.json', JSON.stringify({ customers: [SEED] }))
  const app = await mockFor(t, { fixtures: file })
  const token = await accessTokenFor(app)
  const first = await apiRequest(app, 'GET', `/customers/${SEED.id}`, { token })
  t.equal(first.json().firstName, 'Seed', 'the seed as first written')
  await write('seeds.json', JSON.stringify({ customers: [{ ...SEED, firstName: 'Renamed' }] }))
  await app.mockDwolla.reloadFixtures()
  t.equal((await apiRequest(app, 'GET', `/customers/${SEED.id}`, { token })).json().firstName, 'Seed', 'an existing store keeps its customers')
  app.mockDwolla.reset()
  const again = await accessTokenFor(app)
  t.equal((await apiRequest(app, 'GET', `/customers/${SEED.id}`, { token: again })).json().firstName, 'Renamed', 'after reset, the new seed')
  await write('seeds.json', JSON.stringify({ customers: [SEED, { ...SEED, id: '33333333-3333-4333-8333-333333333333' }] }))
  await t.rejects(
    app.mockDwolla.reloadFixtures(),
    { name: 'StartupError', message: /email seedling@example\.com is also seeded/ },
    'two seeds with one email: the reload is refused',
  )
  app.mockDwolla.reset()
  const third = await accessTokenFor(app)
  t.equal((await apiRequest(app, 'GET', `/customers/${SEED.id}`, { token: third })).json().firstName, 'Renamed', 'and the last good seeds stay in force')
})
