import t from 'tap'
import { UNVERIFIED } from '../customers/fields.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 #7: a customer made without an application is given to every application, those made
// later included, like a seed; it was checked against the applications that existed only, so a
// later application's first call met a duplicate (500, a half-made store) or a full store.

const SEEDED_EMAIL = 'personal.verified@example.com'

t.test('a shared customer with a seed’s email or correlationId is refused before any application meets it', async (t) => {
  const app = await mockFor(t)
  const duplicate = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: SEEDED_EMAIL } })
  t.same(
    [duplicate.statusCode, duplicate.json()],
    [400, { error: 'InvalidCustomer', message: '/email: A customer with the specified email already exists.' }],
    'no application yet: refused all the same, as every application would hold both',
  )
  const tagged = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, correlationId: 'shared-1' } })
  t.equal(tagged.statusCode, 201, 'a shared customer with a correlationId')
  const again = await app.inject({
    method: 'POST',
    url: '/__mock/customers',
    payload: { ...UNVERIFIED, email: 'other@example.com', correlationId: 'SHARED-1' },
  })
  t.same([again.statusCode, again.json().error], [400, 'InvalidCustomer'], 'a second one with the same correlationId: refused')
  const token = await accessTokenFor(app)
  const listed = await apiRequest(app, 'GET', '/customers', { token })
  t.same([listed.statusCode, listed.json().total], [200, 13], 'the first call of an application: its seeds and the one shared customer, no 500')
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })).json().email, SEEDED_EMAIL, 'the seed is whole')
})

t.test('a shared customer past customerLimit is refused, never dropped', async (t) => {
  const app = await mockFor(t, { customerLimit: 13 })
  const first = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'first@example.com' } })
  t.equal(first.statusCode, 201, 'the thirteenth customer every application will hold')
  const second = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'second@example.com' } })
  t.same([second.statusCode, second.json().error], [400, 'MaxNumberOfResources'], 'a fourteenth: refused, as a new application could not hold it')
  const token = await accessTokenFor(app)
  const listed = (await apiRequest(app, 'GET', '/customers?limit=200', { token })).json()
  t.same(
    [listed.total, listed._embedded.customers.some((customer: { email: string }) => customer.email === 'first@example.com')],
    [13, true],
    'an application made afterwards holds the twelve seeds and the one accepted',
  )
  const third = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'third@example.com' } })
  t.same([third.statusCode, third.json().error], [400, 'MaxNumberOfResources'], 'with an application at work, as before: refused')
})

t.test('seeds for one application are checked with the shared customers too', async (t) => {
  const seed = { id: '11111111-1111-4111-8111-111111111111', type: 'unverified', status: 'unverified', ...UNVERIFIED, email: 'mine@example.com' }
  const app = await mockFor(t, { defaultFixtures: false, fixtures: { customers: [{ ...seed, application: 'mine' }] } })
  const clash = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'MINE@example.com' } })
  t.same([clash.statusCode, clash.json().error], [400, 'InvalidCustomer'], 'the seed of application "mine" has that email: refused')
  const token = await accessTokenFor(app, 'mine')
  t.equal((await apiRequest(app, 'GET', '/customers', { token })).json().total, 1, 'that application’s first call works')
})

t.test('a fixture reload whose seeds clash with a shared customer is refused, and the last good fixtures stay', async (t) => {
  const { write } = await tempFolder(t)
  const seed = { id: '11111111-1111-4111-8111-111111111111', type: 'unverified', status: 'unverified', ...UNVERIFIED, email: 'seed@example.com' }
  const path = await write('fixtures.json', JSON.stringify({ customers: [seed] }))
  const app = await mockFor(t, { fixtures: path })
  t.equal((await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'shared@example.com' } })).statusCode, 201, 'shared')
  await write('fixtures.json', JSON.stringify({ customers: [{ ...seed, email: 'SHARED@example.com' }] }))
  await t.rejects(
    app.mockDwolla.reloadFixtures(),
    { name: 'StartupError', message: /^the test double: email shared@example\.com is also seeded by .*fixtures\.json at \/customers\/0$/ },
    'refused, naming both',
  )
  const token = await accessTokenFor(app)
  t.equal(
    (await apiRequest(app, 'GET', '/customers', { token })).json().total,
    14,
    'an application made afterwards: twelve, the file’s seed and the shared one',
  )
})
