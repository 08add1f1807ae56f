import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, type ApiFixtureRule } from '../../src/index.js'
import { accessTokenFor, mockFor, requestAccessToken, requestClientToken } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('JSON and YAML files, read from a path', async (t) => {
  const { write } = await tempFolder(t)
  const json = await write(
    'a.json',
    JSON.stringify({ rules: [{ when: { operation: 'createClientToken', action: 'customer.read' }, respond: { error: 'Forbidden' } }] }),
  )
  const yaml = await write('b.yaml', 'rules:\n  - when: { operation: createClientToken, action: customer.update }\n    respond: { error: NotFound }\n')
  const app = await mockFor(t, { fixtures: [json, yaml] })
  const token = await accessTokenFor(app)
  const read = await requestClientToken(app, {
    token,
    body: { action: 'customer.read', _links: { customer: { href: 'https://x/customers/00000000-0000-4000-8000-000000000001' } } },
  })
  t.equal(read.statusCode, 403, 'the JSON file rule')
  t.equal((await requestClientToken(app, { token })).statusCode, 404, 'the YAML file rule')
})

t.test('applications and lifetimes from fixture files; later files add applications', async (t) => {
  const { write } = await tempFolder(t)
  const first = await write('one.yaml', 'applications: [{ key: one, secret: s1 }]\naccessTokenLifetimeSeconds: 100\n')
  const second = await write('two.json', JSON.stringify({ applications: [{ key: 'two', secret: 's2' }], accessTokenLifetimeSeconds: 200 }))
  const app = await mockFor(t, { fixtures: [first, second] })
  const one = await requestAccessToken(app, { form: 'client_id=one&client_secret=s1&grant_type=client_credentials' })
  t.equal(one.statusCode, 200, 'the first file application')
  t.equal(one.json().expires_in, 200, 'the last lifetime given wins')
  t.equal(
    (await requestAccessToken(app, { form: 'client_id=two&client_secret=s2&grant_type=client_credentials' })).statusCode,
    200,
    'the second file application',
  )
  t.equal((await requestAccessToken(app)).statusCode, 401, 'anyone else refused')
})

t.test('options given in code win over fixture settings', async (t) => {
  const app = await mockFor(t, {
    fixtures: { applications: [{ key: 'file', secret: 's' }], accessTokenLifetimeSeconds: 100 },
    applications: [{ key: 'code', secret: 's' }],
    accessTokenLifetimeSeconds: 300,
  })
  const response = await requestAccessToken(app, { form: 'client_id=code&client_secret=s&grant_type=client_credentials' })
  t.equal(response.statusCode, 200, 'the application given in code')
  t.equal(response.json().expires_in, 300, 'the lifetime given in code')
  t.equal((await requestAccessToken(app, { form: 'client_id=file&client_secret=s&grant_type=client_credentials' })).statusCode, 401, 'not the file one')
})

t.test('the labels’ and mass payments’ bounds are fixture settings too; a fixture cannot set one below 1', async (t) => {
  const bounds = { labelLimit: 3, labelLedgerEntryLimit: 4, massPaymentLimit: 5, massPaymentItemLimit: 6 }
  const app = await mockFor(t, { fixtures: bounds })
  const { labelLimit, labelLedgerEntryLimit, massPaymentLimit, massPaymentItemLimit } = app.mockDwolla.options
  t.same({ labelLimit, labelLedgerEntryLimit, massPaymentLimit, massPaymentItemLimit }, bounds, 'each taken from the fixture')
  await t.rejects(buildServer({ fixtures: { massPaymentItemLimit: 0 } }), { message: /massPaymentItemLimit.*must be >= 1/ }, 'zero refused at start')
})

t.test('a fixture object is copied, not kept by reference', async (t) => {
  const fixture: { rules: ApiFixtureRule[] } = { rules: [{ when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' } }] }
  const app = await mockFor(t, { defaultFixtures: false, fixtures: fixture })
  fixture.rules[0]!.respond.error = 'NotFound'
  t.equal((await requestClientToken(app, { token: await accessTokenFor(app) })).statusCode, 403, 'later edits to the object change nothing')
})

t.test('a bad fixture fails at start, naming the file, the place and what is wrong', async (t) => {
  const { write } = await tempFolder(t)
  const rule = (respond: object, when: object = { operation: 'createClientToken' }) => JSON.stringify({ rules: [{ when, respond }] }, null, 2)
  const cases: Array<[string, string, string, RegExp]> = [
    ['JSON syntax', 'syntax.json', '{"rules": [\n  {"when": }\n]}', /syntax\.json(:2:\d+)?: not valid JSON \(Unexpected token/],
    ['YAML syntax', 'syntax.yaml', 'rules:\n  - when: {operation: createClientToken\n', /syntax\.yaml:3:1: not valid JSON or YAML/],
    ['duplicate key', 'dup.yaml', 'rules: []\nrules: []\n', /dup\.yaml:2:1: not valid JSON or YAML \(Map keys must be unique/],
    ['not an object', 'list.json', '[]', /list\.json:1:1 at \/: must be object/],
    ['unknown top-level property', 'top.json', '{"rulez": []}', /top\.json:1:1 at \/: unknown property "rulez"/],
    [
      'rule without respond',
      'norespond.json',
      '{"rules": [{"when": {"operation": "createClientToken"}}]}',
      /at \/rules\/0: missing required property "respond"/,
    ],
    [
      'unknown operation',
      'op.json',
      rule({ error: 'Forbidden' }, { operation: 'listCustomers' }),
      /op\.json:\d+:\d+ at \/rules\/0\/when\/operation: must be one of createApplicationAccessToken, createClientToken/,
    ],
    ['unknown error code', 'code.json', rule({ error: 'Teapot' }), /at \/rules\/0\/respond\/error: must be one of BadRequest/],
    [
      'OAuth error on the API',
      'oauth.json',
      rule({ error: 'invalid_client' }),
      /at \/rules\/0\/respond\/error: createClientToken answers with one of BadRequest/,
    ],
    [
      'Dwolla error on /token',
      'dwolla.json',
      rule({ error: 'Forbidden' }, { operation: 'createApplicationAccessToken' }),
      /at \/rules\/0\/respond\/error: createApplicationAccessToken answers with one of invalid_request/,
    ],
    [
      'two kinds of answer',
      'two.json',
      rule({ error: 'Forbidden', status: 418 }),
      /at \/rules\/0\/respond: give one of error, status or fault, not error and status/,
    ],
    ['no answer', 'none.json', rule({}), /at \/rules\/0\/respond: give error, status, fault, or delayMs alone/],
    ['message without error', 'msg.json', rule({ status: 500, message: 'x' }), /at \/rules\/0\/respond\/message: only goes with error/],
    ['body without status', 'body.json', rule({ error: 'Forbidden', body: {} }), /at \/rules\/0\/respond\/body: only goes with status/],
    [
      'embedded on another error',
      'emb.json',
      rule({ error: 'Forbidden', embedded: [{ code: 'Invalid', message: 'x', path: '/a' }] }),
      /at \/rules\/0\/respond\/embedded: only goes with error ValidationError/,
    ],
    [
      'bad regular expression',
      're.json',
      rule({ error: 'Forbidden' }, { operation: 'createClientToken', header: { name: 'x', matches: '(' } }),
      /at \/rules\/0\/when\/header\/matches: not a valid regular expression/,
    ],
    [
      'bad regular expression in a list',
      're2.json',
      rule({ error: 'Forbidden' }, { operation: 'createClientToken', body: [{ pointer: '/a' }, { pointer: '/b', matches: '[' }] }),
      /at \/rules\/0\/when\/body\/1\/matches: not a valid regular expression/,
    ],
    [
      'times zero',
      'times.json',
      '{"rules": [{"when": {"operation": "createClientToken"}, "respond": {"error": "Forbidden"}, "times": 0}]}',
      /at \/rules\/0\/times: must be >= 1/,
    ],
    ['lifetime a string', 'life.yaml', 'accessTokenLifetimeSeconds: soon\n', /life\.yaml:1:29 at \/accessTokenLifetimeSeconds: must be integer/],
    ['application without secret', 'app.yaml', 'applications:\n  - key: k\n', /app\.yaml:2:5 at \/applications\/0: missing required property "secret"/],
    ['status out of range', 'status.json', rule({ status: 99 }), /at \/rules\/0\/respond\/status: must be >= 100/],
    ['fault unknown', 'fault.json', rule({ fault: 'explode' }), /at \/rules\/0\/respond\/fault: must be one of html500, drop/],
  ]
  for (const [name, file, text, message] of cases) {
    const path = await write(file, text)
    await t.rejects(buildServer({ fixtures: path }), { name: 'StartupError', message }, name)
    await t.rejects(buildServer({ fixtures: path }), { message: new RegExp(`^${path.replaceAll('.', '\\.')}`) }, `${name}: the message starts with the file`)
  }
  await t.rejects(
    buildServer({ fixtures: join(tmpdir(), 'does-not-exist.json') }),
    { message: /does-not-exist\.json: cannot read the fixture file \(ENOENT\)/ },
    'a missing file',
  )
  await t.rejects(
    buildServer({ fixtures: [{ rules: 'x' }] as never }),
    { message: /^fixtures\[0\] at \/rules: must be array/ },
    'a bad fixture object is named by its index',
  )
  await t.rejects(buildServer({ fixtures: 42 as never }), { message: /option fixtures\[0\]: expected a file path or a fixture object/ }, 'not a path or object')
})

t.test('one broken file among good ones: nothing starts', async (t) => {
  const { write } = await tempFolder(t)
  const good = await write('good.json', '{"rules": []}')
  const bad = await write('bad.json', '{"rules": {}}')
  await t.rejects(buildServer({ fixtures: [good, bad] }), { message: /bad\.json/ }, 'the build fails as a whole, naming the broken file')
})
