import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const page = (query: string) => ({ href: `http://localhost:80/customers?${query}`, type: HAL, 'resource-type': 'customer' })
const ids = (body: { _embedded: { customers: Array<{ id: string }> } }) => body._embedded.customers.map((customer) => customer.id)

t.test('the first page: newest first, default limit 25, self/first/last, total', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  app.mockDwolla.clock.advance(1000)
  const mine = app.mockDwolla.customers.create(UNVERIFIED, { application: 'key' })
  const response = await apiRequest(app, 'GET', '/customers', { token })
  t.equal(response.statusCode, 200, '200')
  const body = response.json()
  t.same(body._links, { self: page('limit=25&offset=0'), first: page('limit=25&offset=0'), last: page('limit=25&offset=0') }, 'one page: no next or prev')
  t.equal(body.total, 13, 'the twelve seeds and the new one')
  t.same(ids(body).slice(0, 2), [mine.id, SEEDED.businessDocument], 'newest first: the new one, then the last seed')
  t.equal(ids(body).at(-1), SEEDED.personalVerified, 'the oldest seed last')
})

t.test('paging: limit and offset, next and prev, filters kept in every link', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const all = ids((await apiRequest(app, 'GET', '/customers', { token })).json())
  const second = (await apiRequest(app, 'GET', '/customers?limit=5&offset=5', { token })).json()
  t.same(ids(second), all.slice(5, 10), 'the second page of five')
  t.same(
    second._links,
    {
      self: page('limit=5&offset=5'),
      first: page('limit=5&offset=0'),
      next: page('limit=5&offset=10'),
      prev: page('limit=5&offset=0'),
      last: page('limit=5&offset=10'),
    },
    'self, first, next, prev, last',
  )
  const filtered = (await apiRequest(app, 'GET', '/customers?status=retry&status=document&limit=1', { token })).json()
  t.equal(filtered.total, 4, 'four customers in retry or document')
  t.same(filtered._links.next, page('limit=1&offset=1&status=retry&status=document'), 'next keeps the repeated status')
  t.same(ids((await apiRequest(app, 'GET', '/customers?limit=500', { token })).json()).length, 12, 'a limit over 200 is taken as 200')
  t.same((await apiRequest(app, 'GET', '/customers?limit=500', { token })).json()._links.self, page('limit=200&offset=0'), 'and says so')
  t.same(ids((await apiRequest(app, 'GET', '/customers?offset=100', { token })).json()), [], 'past the end: an empty page')
})

t.test('filters: search, email, status', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const query = async (q: string) => ids((await apiRequest(app, 'GET', `/customers?${q}`, { token })).json())
  t.same(await query('email=PERSONAL.VERIFIED%40example.com'), [SEEDED.personalVerified], 'email: exact, case-insensitive')
  t.same(await query('email=personal'), [], 'email is not a search')
  t.same(await query('search=doc'), [SEEDED.businessDocument, SEEDED.personalDocument], 'search: names, business names and emails')
  t.same(await query('search=Jane%20Corp'), [SEEDED.businessVerified], 'search with a space')
  t.same(await query('status=suspended'), [SEEDED.personalSuspended], 'one status')
  t.same(await query('status=verified&search=business'), [SEEDED.businessVerified, SEEDED.soleProprietorship], 'status and search together')
})

t.test('only the calling application’s customers', async (t) => {
  const app = await mockFor(t)
  const mine = app.mockDwolla.customers.create(UNVERIFIED, { application: 'key' })
  const other = await accessTokenFor(app, 'other-app')
  const body = (await apiRequest(app, 'GET', '/customers', { token: other })).json()
  t.equal(body.total, 12, 'the seeds only')
  t.notOk(ids(body).includes(mine.id), 'not the other application’s customer')
})

t.test('a limit, offset or status that is not allowed: 400 ValidationError at the parameter', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const cases: Array<[string, Array<[string, string]>]> = [
    ['limit=abc', [['Invalid', '/limit']]],
    ['limit=0', [['Invalid', '/limit']]],
    ['limit=2.5', [['Invalid', '/limit']]],
    ['offset=-1', [['Invalid', '/offset']]],
    ['status=closed', [['Invalid', '/status']]],
    ['status=verified&status=closed', [['Invalid', '/status']]],
    [
      'limit=0&offset=x',
      [
        ['Invalid', '/limit'],
        ['Invalid', '/offset'],
      ],
    ],
  ]
  for (const [query, expected] of cases) {
    const response = await apiRequest(app, 'GET', `/customers?${query}`, { token })
    t.same(
      response.json(),
      {
        code: 'ValidationError',
        message: DWOLLA_ERRORS.ValidationError.message,
        _embedded: {
          errors: expected.map(([code, path]) => ({ code, message: `${path.charAt(1).toUpperCase()}${path.slice(2)} invalid.`, path, _links: {} })),
        },
      },
      `${query}: 400 at ${expected.map(([, path]) => path).join(', ')}`,
    )
  }
  t.equal((await apiRequest(app, 'GET', '/customers?removed=false&embed=balance', { token })).statusCode, 200, 'parameters the API does not read are ignored')
})
