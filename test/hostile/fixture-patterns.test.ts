import t from 'tap'
import { buildServer, type FixtureRule } from '../../src/index.js'
import { PATTERN_INPUT_LIMIT } from '../../src/fixture-rules/bounded-pattern.js'
import { accessTokenFor, mockFor, requestClientToken } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// The reproduction: this rule plus one request with a 40-character X-Probe header used to
// block the event loop for good (SIGTERM no longer worked).
const NESTED = '^(a+)+$'
const PROBE = `${'a'.repeat(39)}!`
const UNSAFE = 'may backtrack catastrophically (nested quantifiers such as (a+)+, more than 25 quantifiers, or syntax the checker cannot read): rewrite it'

const probeRule = (matches: string): FixtureRule => ({
  when: { operation: 'createClientToken', header: { name: 'x-probe', matches } },
  respond: { error: 'Forbidden' },
})

t.test('a pattern with nested quantifiers is refused through the admin API, and the probe is answered', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  const added = await app.inject({ method: 'POST', url: '/__mock/fixtures', payload: probeRule(NESTED) })
  t.equal(added.statusCode, 400, '400')
  t.same(added.json(), { error: 'InvalidFixture', message: `rule at /when/header/matches: ${UNSAFE}` }, 'names the rule, the pointer and the problem')
  const probed = await requestClientToken(app, { token: await accessTokenFor(app), headers: { 'x-probe': PROBE } })
  t.equal(probed.statusCode, 200, 'the probe gets the normal answer: no rule is in force')
})

t.test('refused in a fixture file, with the file, line and pointer', async (t) => {
  const { write } = await tempFolder(t)
  const path = await write(
    'probe.yaml',
    `rules:\n  - when:\n      operation: createClientToken\n      body: { pointer: /action, matches: "(x+x+)+y" }\n    respond: { error: Forbidden }\n`,
  )
  await t.rejects(
    buildServer({ fixtures: path }),
    { name: 'StartupError', message: `${path}:4:42 at /rules/0/when/body/matches: ${UNSAFE}` },
    'a StartupError naming the place',
  )
})

t.test('refused by fixtures.add(), all or nothing', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  t.throws(
    () => app.mockDwolla.fixtures.add(probeRule('^ok$'), probeRule(NESTED)),
    { name: 'FixtureRuleError', message: `rule 1 at /when/header/matches: ${UNSAFE}` },
    'the second rule is named',
  )
  t.same(app.mockDwolla.fixtures.list(), [], 'nothing was added')
})

t.test('a pattern the checker passes cannot hang the server either: each match has a time budget', async (t) => {
  // Overlapping alternatives backtrack exponentially with one level of quantifier, which
  // safe-regex2 (star height only) does not see.
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  app.mockDwolla.fixtures.add(probeRule('^(a|a)*$'))
  const token = await accessTokenFor(app)
  const probed = await requestClientToken(app, { token, headers: { 'x-probe': PROBE } })
  t.equal(probed.statusCode, 200, 'answered, normally: a match that runs out of time does not match')
  const matching = await requestClientToken(app, { token, headers: { 'x-probe': 'aaaa' } })
  t.equal(matching.statusCode, 403, 'the same rule still matches what it should')
})

t.test(`a pattern sees at most ${PATTERN_INPUT_LIMIT} characters; a longer value does not match`, async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, customerCheck: 'any' })
  app.mockDwolla.fixtures.add(probeRule('^a+$'))
  const token = await accessTokenFor(app)
  const atLimit = await requestClientToken(app, { token, headers: { 'x-probe': 'a'.repeat(PATTERN_INPUT_LIMIT) } })
  t.equal(atLimit.statusCode, 403, `${PATTERN_INPUT_LIMIT} characters: matched`)
  const over = await requestClientToken(app, { token, headers: { 'x-probe': 'a'.repeat(PATTERN_INPUT_LIMIT + 1) } })
  t.equal(over.statusCode, 200, `${PATTERN_INPUT_LIMIT + 1} characters: not matched`)
})
