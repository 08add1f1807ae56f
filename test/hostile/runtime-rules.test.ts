import t from 'tap'
import type { FixtureRule } from '../../src/index.js'
import { RUNTIME_RULE_LIMIT } from '../../src/fixture-rules/fixture-rules.js'
import { accessTokenFor, mockFor, requestClientToken } from '../helpers/mock.js'

const once = (action: string): FixtureRule => ({ when: { operation: 'createClientToken', action }, respond: { error: 'Forbidden' }, times: 1 })
const body = (action: string) => ({ action, _links: { customer: { href: 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4' } } })

t.test(`at most ${RUNTIME_RULE_LIMIT} runtime rules are held; past it a clear error`, async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  t.equal(
    app.mockDwolla.fixtures.add(...Array.from({ length: RUNTIME_RULE_LIMIT }, () => once('customer.read'))).length,
    RUNTIME_RULE_LIMIT,
    `${RUNTIME_RULE_LIMIT} rules in one go`,
  )
  const refusal = {
    error: 'InvalidFixture',
    message: `at most ${RUNTIME_RULE_LIMIT} runtime rules are held (${RUNTIME_RULE_LIMIT} now, 1 more given): remove some first`,
  }
  const more = await app.inject({ method: 'POST', url: '/__mock/fixtures', payload: once('customer.update') })
  t.equal(more.statusCode, 400, 'one more: 400')
  t.same(more.json(), refusal, 'says what the cap is')
  t.throws(() => app.mockDwolla.fixtures.add(once('customer.update')), { name: 'FixtureRuleError', message: refusal.message }, 'fixtures.add() too')
  t.equal(app.mockDwolla.fixtures.list().length, RUNTIME_RULE_LIMIT, 'nothing was added past the cap')
})

t.test('a runtime rule is no longer held once its times are used up', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const token = await accessTokenFor(app)
  app.mockDwolla.fixtures.add({ ...once('customer.read'), times: 2 })
  for (const round of [1, 2]) {
    t.equal((await requestClientToken(app, { token, body: body('customer.read') })).statusCode, 403, `match ${round}: the rule answers`)
  }
  t.same(app.mockDwolla.fixtures.list(), [], 'then it is gone from the list')
  t.equal((await requestClientToken(app, { token, body: body('customer.read') })).statusCode, 200, 'and the normal answer follows')

  app.mockDwolla.fixtures.add(...Array.from({ length: RUNTIME_RULE_LIMIT }, () => once('customer.read')))
  for (let used = 0; used < RUNTIME_RULE_LIMIT; used++) await requestClientToken(app, { token, body: body('customer.read') })
  t.equal(app.mockDwolla.fixtures.list().length, 0, `${RUNTIME_RULE_LIMIT} used-up rules: none held`)
  t.equal(app.mockDwolla.fixtures.add(once('customer.read')).length, 1, 'so there is room again')
})
