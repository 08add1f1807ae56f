import t from 'tap'
import { buildServer, DEFAULTS, start, StartupError } from '../src/index.js'
import { closestName } from '../src/closest-name.js'

t.test('defaults', async (t) => {
  t.equal(DEFAULTS.accessTokenLifetimeSeconds, 3599, 'access tokens: 3599 s, as Dwolla answers expires_in')
  t.equal(DEFAULTS.clientTokenLifetimeSeconds, 3600, 'client tokens: an hour')
  t.equal(DEFAULTS.tokenLimit, 1000, 'a thousand recent tokens of each kind listed')
  t.equal(DEFAULTS.journalByteLimit, 8 * 1024 * 1024, 'a journal of at most 8 MiB')
  t.same(DEFAULTS.applications, [], 'no applications: any non-empty pair')
  t.ok(Object.isFrozen(DEFAULTS), 'frozen')
  t.same(
    [DEFAULTS.customerCheck, DEFAULTS.customerLimit, DEFAULTS.applicationLimit, DEFAULTS.duplicateEmailCheck, DEFAULTS.publicUrl, DEFAULTS.stateFile],
    ['exists', 5000, 1000, 'all', undefined, undefined],
    'customers: checked, 5,000 per application, state for 1,000 applications, duplicate emails refused, the Host as base URL, memory only',
  )
  t.same(
    [DEFAULTS.transferLimit, DEFAULTS.labelLimit, DEFAULTS.labelLedgerEntryLimit, DEFAULTS.massPaymentLimit, DEFAULTS.massPaymentItemLimit],
    [40_000, 1_000, 20_000, 1_000, 50_000],
    'money: 40,000 transfers, 1,000 labels and 20,000 ledger entries, 1,000 mass payments and 50,000 items per application',
  )
  t.ok(
    ['publicUrl', 'stateFile'].every((name) => Object.hasOwn(DEFAULTS, name)),
    'every option has a DEFAULTS entry, unset ones too',
  )
})

t.test('bad options fail at build with a message naming the option', async (t) => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['lifetime zero', { accessTokenLifetimeSeconds: 0 }, /option accessTokenLifetimeSeconds: expected a positive integer, got 0/],
    ['lifetime a string', { clientTokenLifetimeSeconds: '60' }, /option clientTokenLifetimeSeconds: expected a positive integer, got "60"/],
    ['fractional limit', { tokenLimit: 1.5 }, /option tokenLimit/],
    ['negative body limit', { bodyLimit: -1 }, /option bodyLimit/],
    ['applications not a list', { applications: 'key:secret' }, /option applications: expected an array/],
    [
      'applications as one object, its secret never quoted',
      { applications: { key: 'k', secret: 'very-secret-value' } },
      /^option applications: expected an array of \{key, secret\}, got an object$/,
    ],
    ['application without secret', { applications: [{ key: 'k' }] }, /option applications\[0\]: expected non-empty strings key and secret/],
    [
      'application with empty key',
      {
        applications: [
          { key: 'ok', secret: 's' },
          { key: '', secret: 's' },
        ],
      },
      /option applications\[1\]/,
    ],
    ['now not a function', { now: 5 }, /option now: expected a function/],
    ['customerLimit zero', { customerLimit: 0 }, /option customerLimit: expected a positive integer, got 0/],
    ['applicationLimit a string', { applicationLimit: '5' }, /option applicationLimit: expected a positive integer, got "5"/],
    ['duplicateEmailCheck unknown', { duplicateEmailCheck: 'some' }, /option duplicateEmailCheck: expected one of all, active, off, got "some"/],
    ['stateFile empty', { stateFile: ' ' }, /option stateFile: expected a file path, got " "/],
    ['publicUrl a number', { publicUrl: 8910 }, /option publicUrl: expected an http or https URL/],
    [
      'lifetime over ten years',
      { accessTokenLifetimeSeconds: 315_360_001 },
      /option accessTokenLifetimeSeconds: expected at most 315,360,000 seconds \(ten years\), got 315360001/,
    ],
    ['journal byte limit zero', { journalByteLimit: 0 }, /option journalByteLimit: expected a positive integer, got 0/],
    ['transferLimit zero', { transferLimit: 0 }, /option transferLimit: expected a positive integer, got 0/],
    ['labelLimit zero', { labelLimit: 0 }, /option labelLimit: expected a positive integer, got 0/],
    ['labelLedgerEntryLimit fractional', { labelLedgerEntryLimit: 2.5 }, /option labelLedgerEntryLimit: expected a positive integer, got 2.5/],
    ['massPaymentLimit a string', { massPaymentLimit: '10' }, /option massPaymentLimit: expected a positive integer, got "10"/],
    ['massPaymentItemLimit negative', { massPaymentItemLimit: -1 }, /option massPaymentItemLimit: expected a positive integer, got -1/],
    [
      'journal byte limit too small for an entry',
      { journalByteLimit: 100_000 },
      /option journalByteLimit: expected at least 262,144 bytes \(room for the largest entry\), got 100000/,
    ],
    [
      'an application key of 257 characters',
      { applications: [{ key: 'k'.repeat(257), secret: 's' }] },
      /option applications\[0\]: key longer than 256 characters/,
    ],
  ]
  for (const [name, options, message] of cases) {
    await t.rejects(buildServer(options as never), { name: 'StartupError', message }, name)
  }
  t.ok(new StartupError('x') instanceof Error, 'StartupError is an Error')
})

t.test('options are not mutated', async (t) => {
  const options = Object.freeze({ applications: Object.freeze([Object.freeze({ key: 'k', secret: 's' })]), tokenLimit: 5 })
  const app = await buildServer(options)
  t.teardown(() => app.close())
  t.equal(app.mockDwolla.options.tokenLimit, 5, 'taken as given')
  t.equal(app.mockDwolla.options.bodyLimit, DEFAULTS.bodyLimit, 'the rest from DEFAULTS')
})

t.test('an unknown option is refused, naming the closest known one', async (t) => {
  await t.rejects(
    buildServer({ aplications: [] } as never),
    { name: 'StartupError', message: 'option aplications: not an option; did you mean applications?' },
    'a misspelt option would otherwise accept any credentials without a word',
  )
  await t.rejects(buildServer({ jounralLimit: 5 } as never), { message: /did you mean journalLimit\?$/ }, 'swapped letters')
  await t.rejects(buildServer({ colour: 'blue' } as never), { name: 'StartupError', message: 'option colour: not an option' }, 'no hint when nothing is close')
  await t.rejects(
    start({ watchFixture: true } as never),
    { message: 'option watchFixture: not an option; did you mean watchFixtures?' },
    'start() knows its own options too',
  )
  await t.rejects(buildServer({ port: 0 } as never), { message: /^option port: not an option/ }, 'buildServer() never listens, so it takes no port')
})

t.test('closest names', async (t) => {
  t.equal(closestName('tokenlimit', ['tokenLimit', 'bodyLimit']), 'tokenLimit', 'case does not count')
  t.equal(closestName('x', ['now', 'logger']), undefined, 'one letter is not a typo of anything')
  t.equal(closestName('defaultFixture', ['fixtures', 'defaultFixtures']), 'defaultFixtures', 'the closest of several')
})
