import t from 'tap'
import { accessTokenFor, mockFor, requestClientToken } from '../helpers/mock.js'
import { FixtureRuleError, StartupError } from '../../src/index.js'

const RULE = { name: 'all forbidden', when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' } }

t.test('add, list and clear runtime rules over HTTP', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  const added = await app.inject({ method: 'POST', url: '/__mock/fixtures', payload: RULE })
  t.equal(added.statusCode, 201, '201 Created')
  t.match(added.json(), { rules: [{ id: 'runtime-1', source: 'runtime', matched: 0, rule: RULE }] }, 'the rule with its id')
  t.equal((await requestClientToken(app, { token })).statusCode, 403, 'in force at once')

  const listed = await app.inject({ method: 'GET', url: '/__mock/fixtures' })
  t.match(listed.json(), { rules: [{ id: 'runtime-1', matched: 1 }] }, 'listed with its count')

  const several = await app.inject({ method: 'POST', url: '/__mock/fixtures', payload: [RULE, { ...RULE, name: 'second' }] })
  t.same(
    several.json().rules.map((r: { id: string }) => r.id),
    ['runtime-2', 'runtime-3'],
    'an array adds several',
  )
  const one = await app.inject({ method: 'DELETE', url: '/__mock/fixtures/runtime-2' })
  t.same(one.json(), { removed: 1 }, 'remove one by id')
  const cleared = await app.inject({ method: 'DELETE', url: '/__mock/fixtures' })
  t.same(cleared.json(), { removed: 2 }, 'clear the rest')
  t.equal((await requestClientToken(app, { token })).statusCode, 200, 'normal answers again')
})

t.test('a bad rule is refused whole, with the place and the problem', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const response = await app.inject({
    method: 'POST',
    url: '/__mock/fixtures',
    payload: [RULE, { when: { operation: 'createClientToken' }, respond: { error: 'Nope' } }],
  })
  t.equal(response.statusCode, 400, '400')
  t.match(response.headers['content-type'], /^application\/json/, "the mock's own JSON")
  t.same(response.json(), { error: 'InvalidFixture', message: response.json().message }, '{error, message}')
  t.match(response.json().message, /^rule 1 at \/respond\/error: must be one of BadRequest/, 'names the rule, pointer and problem')
  t.same((await app.inject({ method: 'GET', url: '/__mock/fixtures' })).json(), { rules: [] }, 'nothing added')
})

t.test('admin errors are never Dwolla-shaped', async (t) => {
  const app = await mockFor(t)
  const unknown = await app.inject({ method: 'GET', url: '/__mock/nothing' })
  t.equal(unknown.statusCode, 404, '404')
  t.equal(unknown.json().error, 'UnknownAdminRoute', 'the mock error, not NotFound')
  const missing = await app.inject({ method: 'DELETE', url: '/__mock/fixtures/runtime-99' })
  t.same(missing.json(), { error: 'UnknownFixture', message: 'no runtime rule runtime-99' }, 'unknown id')
  const malformed = await app.inject({ method: 'POST', url: '/__mock/fixtures', headers: { 'content-type': 'application/json' }, payload: '{' })
  t.equal(malformed.statusCode, 400, 'malformed JSON: 400')
  t.equal(malformed.json().error, 'BadAdminRequest', 'in the admin shape')
})

t.test('the programmatic surface: add, list, clear', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  const [added] = app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken' }, respond: { error: 'InvalidScopes' }, times: 1 })
  t.equal(added?.id, 'runtime-1', 'an id')
  t.equal((await requestClientToken(app, { token })).json().code, 'InvalidScopes', 'in force')
  const refused = (() => {
    try {
      app.mockDwolla.fixtures.add({ when: { operation: 'createClientToken' }, respond: {} })
    } catch (error) {
      return error
    }
  })()
  t.type(refused, FixtureRuleError, 'a FixtureRuleError: nothing is starting, so not a StartupError')
  t.notOk(refused instanceof StartupError, 'and not a StartupError either')
  t.match(refused, { name: 'FixtureRuleError', message: /^rule at \/respond: give error/ }, 'checked like a file, with the same message')
  t.equal(app.mockDwolla.fixtures.clear(), 0, 'the used-up rule is no longer held: nothing to clear')
})
