import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

const SECRET = 'kept-across-restarts'

t.test('webhook subscriptions survive a restart, secrets and pauses included, and deliver after it', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const receiver = await webhookReceiver(t, SECRET)
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const active = await subscribeVia(first, token, receiver.url, SECRET)
  const paused = await subscribeVia(first, token, receiver.url, 'another-secret')
  await apiRequest(first, 'POST', `/webhook-subscriptions/${paused}`, { token, body: { paused: true } })
  const before = (await apiRequest(first, 'GET', '/webhook-subscriptions', { token })).json()
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  t.match(saved, { format: STATE_FORMAT, version: STATE_VERSION }, 'the same versioned state file')
  t.same(
    saved.applications[0].webhookSubscriptions.map((s: { id: string; secret: string; paused: boolean }) => [s.id, s.secret, s.paused]),
    [
      [active, SECRET, false],
      [paused, 'another-secret', true],
    ],
    'each with its secret (the file is the user’s own) and whether paused',
  )
  t.equal((await stat(stateFile)).mode & 0o777, 0o600, 'readable by its owner only')

  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.same((await apiRequest(second, 'GET', '/webhook-subscriptions', { token: again })).json(), before, 'the same subscriptions, as they were')
  await createCustomerVia(second, again, UNVERIFIED)
  await second.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 1, 'the active one delivers after the restart; the paused one does not')
  t.ok(receiver.received[0]?.signatureValid, 'signed with the secret kept in the file')
  t.same(
    second.mockDwolla.events.all().map((e) => e.topic),
    ['customer_created'],
    'events are not kept: only the new one',
  )
})

t.test('a file written before webhooks existed loads; a bad subscription stops the start without quoting its secret', async (t) => {
  const { write } = await tempFolder(t)
  const valid = { format: STATE_FORMAT, version: 2, savedAt: '2026-01-01T00:00:00.000Z', applications: [] }
  const older = await write('older.json', JSON.stringify(valid))
  const app = await buildServer({ stateFile: older })
  t.same(app.mockDwolla.webhooks.subscriptions(), [], 'no webhookSubscriptions key: none')
  await app.close()

  const subscription = {
    id: '11111111-1111-4111-8111-111111111111',
    url: 'http://localhost/',
    secret: 'tell-no-one-1234',
    paused: false,
    created: '2026-01-01T00:00:00.000Z',
    baseUrl: 'http://localhost:8910',
  }
  const at = '/applications/0/webhookSubscriptions'
  const cases: Array<[string, unknown, RegExp]> = [
    ['not a list', {}, new RegExp(`at ${at}: expected an array`)],
    ['not an object', ['x'], new RegExp(`at ${at}/0: expected a webhook subscription`)],
    ['a bad id', [{ ...subscription, id: 'X' }], new RegExp(`at ${at}/0/id: expected a lowercase UUID`)],
    ['an id twice', [subscription, subscription], new RegExp(`at ${at}/1/id: subscription 11111111-1111-4111-8111-111111111111 appears twice`)],
    ['a bad url', [{ ...subscription, url: 'ftp://x' }], new RegExp(`at ${at}/0/url: Url must be a valid url\\.`)],
    [
      'a secret too long',
      [{ ...subscription, secret: `tell-no-one-${'x'.repeat(200)}` }],
      new RegExp(`at ${at}/0/secret: Secret must be 128 or fewer characters\\.`),
    ],
    ['paused not a boolean', [{ ...subscription, paused: 'no' }], new RegExp(`at ${at}/0/paused: expected true or false`)],
    ['a bad date', [{ ...subscription, created: 'yesterday' }], new RegExp(`at ${at}/0/created: expected a date and time`)],
    ['a bad base URL', [{ ...subscription, baseUrl: 'localhost' }], new RegExp(`at ${at}/0/baseUrl: expected an http or https base URL`)],
  ]
  for (const [name, webhookSubscriptions, message] of cases) {
    const file = await write('state.json', JSON.stringify({ ...valid, applications: [{ application: 'a', webhookSubscriptions }] }))
    const text = await readFile(file, 'utf8')
    const error = await buildServer({ stateFile: file }).then(
      () => undefined,
      (e: Error) => e,
    )
    t.match(error, { name: 'StartupError', message }, `${name}: StartupError naming the place`)
    t.match(error?.message, /; the state file is left as it is$/, `${name}: and that the file is untouched`)
    t.notMatch(error?.message, 'tell-no-one', `${name}: never quoting the secret`)
    t.equal(await readFile(file, 'utf8'), text, `${name}: the file is untouched`)
  }
  const tooMany = await write(
    'state.json',
    JSON.stringify({
      ...valid,
      applications: [{ application: 'a', webhookSubscriptions: [subscription, { ...subscription, id: '22222222-2222-4222-8222-222222222222' }] }],
    }),
  )
  await t.rejects(
    buildServer({ stateFile: tooMany, webhookSubscriptionLimit: 1 }),
    { name: 'StartupError', message: `${tooMany} at ${at}: 2 webhook subscriptions, more than webhookSubscriptionLimit (1); the state file is left as it is` },
    'more than the limits allow',
  )
})

t.test('a version 1 file (subscriptions in one top-level list) loads, and is written back as the current version at the first change', async (t) => {
  const { write } = await tempFolder(t)
  const subscription = {
    id: '11111111-1111-4111-8111-111111111111',
    application: 'a',
    url: 'http://localhost/',
    secret: 'tell-no-one-1234',
    paused: true,
    created: '2026-01-01T00:00:00.000Z',
    baseUrl: 'http://localhost:8910',
  }
  const version1 = {
    format: STATE_FORMAT,
    version: 1,
    savedAt: '2026-01-01T00:00:00.000Z',
    applications: [{ application: 'b', customers: [], idempotency: [] }],
    webhookSubscriptions: [subscription],
  }
  const file = await write('state.json', JSON.stringify(version1))
  const app = await buildServer({ stateFile: file, defaultFixtures: false })
  t.same(
    app.mockDwolla.webhooks.subscriptions(),
    [{ id: subscription.id, application: 'a', url: subscription.url, paused: true, created: '2026-01-01T00:00:00.000Z' }],
    'the subscription, in its application',
  )
  app.mockDwolla.customers.create(UNVERIFIED, { application: 'b' })
  await app.close()
  const saved = JSON.parse(await readFile(file, 'utf8'))
  const { application: _application, ...kept } = subscription
  t.same(
    [saved.version, saved.webhookSubscriptions, saved.applications.map((entry: { application: string }) => entry.application).sort()],
    [STATE_VERSION, undefined, ['a', 'b']],
    'the current version: no top-level list',
  )
  t.same(
    saved.applications.find((entry: { application: string }) => entry.application === 'a').webhookSubscriptions,
    [kept],
    'the subscription in its application’s entry, secret kept',
  )
  const noApplication = await write('state.json', JSON.stringify({ ...version1, webhookSubscriptions: [{ ...subscription, application: '' }] }))
  await t.rejects(
    buildServer({ stateFile: noApplication }),
    { name: 'StartupError', message: /at \/webhookSubscriptions\/0\/application: expected an application key/ },
    'a version 1 subscription without its application: StartupError naming the place',
  )
})
