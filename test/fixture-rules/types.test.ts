import t from 'tap'
import { buildServer, FixtureRuleError, type FixtureRule } from '../../src/index.js'

/**
 * The fixture types refuse at compile time what the loader refuses at run time. Each
 * `@ts-expect-error` below fails `npm run typecheck` (part of `npm test`) if the type ever
 * accepts that rule again; the assertions check that the loader refuses the same rules.
 */
const refusedByTheType: unknown[] = [
  // @ts-expect-error a misspelt catalogue code
  { when: { operation: 'createClientToken' }, respond: { error: 'Forbiden' } } satisfies FixtureRule,
  // @ts-expect-error an OAuth code on a Dwolla operation
  { when: { operation: 'getCustomer' }, respond: { error: 'invalid_client' } } satisfies FixtureRule,
  // @ts-expect-error a Dwolla code on /token, which answers OAuth errors
  { when: { operation: 'createApplicationAccessToken' }, respond: { error: 'Forbidden' } } satisfies FixtureRule,
  {
    when: { operation: 'createCustomer' },
    // @ts-expect-error an embedded code Dwolla does not have
    respond: { error: 'ValidationError', embedded: [{ code: 'Wrong', message: 'm', path: '/x' }] },
  } satisfies FixtureRule,
]

const acceptedByTheType: FixtureRule[] = [
  { when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' } },
  { when: { operation: 'createApplicationAccessToken' }, respond: { error: 'invalid_client' } },
  { when: { operation: 'createCustomer' }, respond: { error: 'ValidationError', embedded: [{ code: 'Duplicate', message: 'm', path: '/email' }] } },
]

t.test('what the types refuse, fixtures.add() refuses too; what they accept, it accepts', async (t) => {
  const app = await buildServer({ defaultFixtures: false })
  t.teardown(() => app.close())
  for (const rule of refusedByTheType) {
    t.throws(() => app.mockDwolla.fixtures.add(rule as FixtureRule), FixtureRuleError, `refused: ${JSON.stringify((rule as FixtureRule).respond)}`)
  }
  t.equal(app.mockDwolla.fixtures.add(...acceptedByTheType).length, acceptedByTheType.length, 'the typed rules all load')
})
