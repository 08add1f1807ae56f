import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { COMPACT_AT_BYTES, type StateFileWriter } from '../../src/persistence/state-file-writer.js'
import { UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia, storedCustomer as customer } from '../helpers/customers.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 21's requirement, with issue 27 #13: an answered change is on disk (the journal, flushed)
// before its answer goes out; the journal is folded into a snapshot now and then; a torn last
// line is dropped with a log line, and anything else wrong stops the start naming file and line.

const snapshot = (journal: string, customers: object[]) =>
  JSON.stringify({
    format: STATE_FORMAT,
    version: STATE_VERSION,
    savedAt: '2026-01-01T00:00:00.000Z',
    journal,
    applications: [{ application: 'key', customers }],
  })
const header = (id: string, follows?: string) => JSON.stringify({ format: 'mock-dwolla-journal', id, ...(follows === undefined ? {} : { follows }) })
const merge = (...customers: object[]) => JSON.stringify({ application: 'key', merge: { customers } })
const J1 = 'journal-one-0001'
const J2 = 'journal-two-0002'

/** The customers' last names an application holds after a start on these files, by the test double. */
async function lastNamesAfterStart(stateFile: string, logged: string[] = []): Promise<string[]> {
  const app = await buildServer({ stateFile, defaultFixtures: false, logger: { level: 'warn', stream: { write: (line: string) => void logged.push(line) } } })
  const names = app.mockDwolla.customers
    .list({ application: 'key' })
    .map((c) => `${c.lastName}:${c.status}`)
    .sort()
  await app.close()
  return names
}

t.test('an answer goes out only once its change is on disk, API and admin alike', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  for (let i = 0; i < 5; i++) {
    const id = await createCustomerVia(app, token, { ...UNVERIFIED, email: `one-by-one${i}@example.com` })
    t.match(await readFile(`${stateFile}.journal`, 'utf8'), id, `POST /customers ${i}: in the journal when the 201 arrives`)
  }
  const updated = await apiRequest(app, 'POST', `/customers/${await createCustomerVia(app, token, { ...UNVERIFIED, email: 'x@example.com' })}`, {
    token,
    body: { status: 'suspended' },
  })
  t.equal(updated.statusCode, 200, 'an update')
  const last = (await readFile(`${stateFile}.journal`, 'utf8')).trim().split('\n').at(-1) as string
  t.match(JSON.parse(last), { application: 'key', merge: { customers: [{ id: updated.json().id, status: 'suspended' }] } }, 'on disk as it answered')
  const admin = await app.inject({ method: 'POST', url: '/__mock/customers', payload: { ...UNVERIFIED, email: 'admin@example.com', application: 'key' } })
  t.match(await readFile(`${stateFile}.journal`, 'utf8'), admin.json().customer.id, 'POST /__mock/customers: the same')
})

t.test('a journal continues across restarts and replays over its snapshot, record by record', async (t) => {
  const { write } = await tempFolder(t)
  const stateFile = await write('state.json', snapshot(J1, [customer(1), customer(2)]))
  await write('state.json.journal', [header(J1), merge(customer(2, { status: 'suspended' })), merge(customer(3)), ''].join('\n'))
  t.same(await lastNamesAfterStart(stateFile), ['N1:unverified', 'N2:suspended', 'N3:unverified'], 'the snapshot’s two, one changed, and one more')
  t.same(await readdir(dirname(stateFile)), ['state.json'], 'close folded the journal into the file')
  t.same(await lastNamesAfterStart(stateFile), ['N1:unverified', 'N2:suspended', 'N3:unverified'], 'which holds the same')
})

t.test('a last line cut short by a crash is dropped with a log line; the next change folds it all into a snapshot', async (t) => {
  const { path, write } = await tempFolder(t)
  const stateFile = await write('state.json', snapshot(J1, [customer(1)]))
  const torn = merge(customer(3)).slice(0, 40)
  await write('state.json.journal', [header(J1), merge(customer(2)), torn].join('\n'))
  const logged: string[] = []
  t.same(await lastNamesAfterStart(stateFile, logged), ['N1:unverified', 'N2:unverified'], 'the whole lines replayed, the torn one not')
  t.match(
    logged.map((line) => JSON.parse(line) as { msg: string }),
    [{ msg: `${stateFile}.journal:3: a change cut short by a crash before it was answered; dropped` }],
    'logged, naming the file and the line',
  )
  const app = await buildServer({ stateFile, defaultFixtures: false })
  app.mockDwolla.customers.create({ ...UNVERIFIED, email: 'next@example.com', lastName: 'N4' }, { application: 'key' })
  await app.mockDwolla.stateFile?.durable()
  const lines = (await readFile(`${stateFile}.journal`, 'utf8')).split('\n')
  t.same(lines.at(-1), '', 'the journal ends with a whole line')
  t.ok(
    lines.slice(0, -1).every((line) => typeof JSON.parse(line) === 'object'),
    'every line whole: appends never follow half a line (the next change started a new journal)',
  )
  await app.close()
  t.same(await readdir(path), ['state.json'], 'after close: one file')
  t.same(await lastNamesAfterStart(stateFile), ['N1:unverified', 'N2:unverified', 'N4:unverified'], 'and it holds all that was answered')
})

t.test('anything else wrong in a journal stops the start, naming the file, the line and the place; nothing is written', async (t) => {
  const { write } = await tempFolder(t)
  const cases: Array<[string, string[], RegExp]> = [
    ['a line that is not JSON, before a whole one', [header(J1), '{"application":', merge(customer(2))], /state\.json\.journal:2 at \/: not valid JSON/],
    ['a line that is not an object', [header(J1), '[1]', merge(customer(2))], /state\.json\.journal:2 at \/: expected a JSON object/],
    ['a header of another kind', ['{"format":"other"}', merge(customer(2))], /state\.json\.journal:1 at \/: not a mock-dwolla journal/],
    [
      'no application',
      [header(J1), JSON.stringify({ merge: { customers: [customer(2)] } })],
      /state\.json\.journal:2 at \/application: expected an application key/,
    ],
    ['an unknown key', [header(J1), JSON.stringify({ application: 'key', upsert: {} })], /state\.json\.journal:2 at \/upsert: unknown key "upsert"/],
    [
      'a key no part owns',
      [header(J1), JSON.stringify({ application: 'key', set: { customer: [] } })],
      /state\.json\.journal:2 at \/set\/customer: unknown key "customer"/,
    ],
    [
      'a merge into a key without records',
      [header(J1), JSON.stringify({ application: 'key', merge: { webhookSubscriptions: [] } })],
      /state\.json\.journal:2 at \/merge\/webhookSubscriptions: not a list of records that can be merged/,
    ],
    [
      'a record without its identity',
      [header(J1), JSON.stringify({ application: 'key', merge: { customers: [{ firstName: 'A' }] } })],
      /state\.json\.journal:2 at \/merge\/customers\/0: expected a record with its id/,
    ],
    [
      'a customer the state file’s rules refuse',
      [header(J1), merge(customer(2, { status: 'kba' }))],
      /state\.json\.journal:2 at \/merge\/customers\/0\/status: an unverified customer cannot be kba .*; the state file is left as it is$/,
    ],
    ['a drop that is not true', [header(J1), JSON.stringify({ application: 'key', drop: 1 })], /state\.json\.journal:2 at \/drop: expected true/],
  ]
  for (const [name, lines, message] of cases) {
    const stateFile = await write('state.json', snapshot(J1, [customer(1)]))
    const text = `${lines.join('\n')}\n`
    await write('state.json.journal', text)
    await t.rejects(buildServer({ stateFile, defaultFixtures: false }), { name: 'StartupError', message }, `${name}: StartupError`)
    t.equal(await readFile(`${stateFile}.journal`, 'utf8'), text, `${name}: the journal is left as it is`)
  }
})

t.test('the files a compaction cut short leaves say which journals the snapshot needs', async (t) => {
  const { write } = await tempFolder(t)
  // The snapshot in place names J1; J1 was set aside, and J2 follows it: both, in order.
  let stateFile = await write('state.json', snapshot(J1, [customer(1)]))
  await write('state.json.journal.old', [header(J1), merge(customer(2)), merge(customer(1, { status: 'suspended' })), ''].join('\n'))
  await write('state.json.journal', [header(J2, J1), merge(customer(2, { status: 'deactivated', statusBeforeDeactivation: 'unverified' })), ''].join('\n'))
  t.same(await lastNamesAfterStart(stateFile), ['N1:suspended', 'N2:deactivated'], 'cut short before the new snapshot: the set-aside journal, then the next')
  // Cut short after J1 was set aside, before J2 was made.
  stateFile = await write('state.json', snapshot(J1, [customer(1)]))
  await write('state.json.journal.old', [header(J1), merge(customer(2)), ''].join('\n'))
  await write('state.json.journal', '')
  t.same(await lastNamesAfterStart(stateFile), ['N1:unverified', 'N2:unverified'], 'the set-aside journal alone (the new one never got its header)')
  // The new snapshot (naming J2) is in place; the set-aside J1 is folded into it already.
  stateFile = await write('state.json', snapshot(J2, [customer(1), customer(2)]))
  await write('state.json.journal.old', [header(J1), merge(customer(2, { status: 'suspended' })), ''].join('\n'))
  await write('state.json.journal', [header(J2, J1), merge(customer(3)), ''].join('\n'))
  t.same(await lastNamesAfterStart(stateFile), ['N1:unverified', 'N2:unverified', 'N3:unverified'], 'cut short before J1 was removed: J2 alone')
})

t.test('a journal that continues another snapshot is not read, and says so', async (t) => {
  const { write } = await tempFolder(t)
  const stateFile = await write('state.json', snapshot(J2, [customer(1)]))
  await write('state.json.journal', [header(J1), merge(customer(2)), ''].join('\n'))
  const logged: string[] = []
  t.same(await lastNamesAfterStart(stateFile, logged), ['N1:unverified'], 'the snapshot alone')
  t.match(
    JSON.parse(logged[0] as string),
    { msg: `${stateFile}.journal does not continue ${stateFile} (it follows another snapshot): not read, and replaced at the next change` },
    'logged',
  )
  const version2 = await write('state.json', JSON.stringify({ format: STATE_FORMAT, version: 2, savedAt: '2026-01-01T00:00:00.000Z', applications: [] }))
  t.same(await lastNamesAfterStart(version2), [], 'a version 2 file names no journal: none is read')
})

t.test('past its size the journal is folded into a new snapshot in the background; every answered change is kept', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile, defaultFixtures: false, customerLimit: 10_000 })
  const writer = app.mockDwolla.stateFile as StateFileWriter
  const seen = new Set<string>()
  const businessName = 'B'.repeat(255)
  let made = 0
  // Each turn's customers are one append; the journal passes COMPACT_AT_BYTES within a few turns.
  while (writer.snapshots < 3) {
    for (let i = 0; i < 400; i++) {
      made += 1
      app.mockDwolla.customers.create({ ...UNVERIFIED, type: 'receive-only', businessName, email: `c${made}@example.com` }, { application: `app${made % 3}` })
    }
    await writer.durable()
    for (const name of await readdir(path)) seen.add(name.replace(/\.\d+\.[\w-]{12}\.tmp$/, '.<temporary>'))
  }
  t.ok(made * 400 > COMPACT_AT_BYTES, `${made} customers made, ${writer.snapshots} snapshots`)
  t.ok(seen.has('state.json.journal.old'), 'a journal was set aside while a snapshot was written')
  const files = await readdir(path)
  const journal = (await readFile(`${stateFile}.journal`, 'utf8')).split('\n')[0] as string
  const named = JSON.parse(await readFile(stateFile, 'utf8')).journal as string
  if (!files.includes('state.json.journal.old')) t.equal(JSON.parse(journal).id, named, 'between compactions: the snapshot names the journal in place')
  await app.close()
  t.same(await readdir(path), ['state.json'], 'after close: one file, nothing set aside, no temporary file')
  const again = await buildServer({ stateFile, defaultFixtures: false, customerLimit: 10_000 })
  t.teardown(() => again.close())
  t.equal(again.mockDwolla.customers.list().length, made, `all ${made} customers back`)
})

t.test('an application dropped by the bound on all applications is dropped from the file too', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile, applicationLimit: 1 })
  await createCustomerVia(app, await accessTokenFor(app, 'first'), UNVERIFIED)
  await createCustomerVia(app, await accessTokenFor(app, 'second'), UNVERIFIED)
  const lines = (await readFile(`${stateFile}.journal`, 'utf8')).trim().split('\n')
  t.match(JSON.parse(lines.at(-1) as string), { application: 'second' }, 'the second application’s change')
  t.ok(
    lines.some((line) => line === JSON.stringify({ application: 'first', drop: true })),
    'and the first application dropped, on disk before the answer',
  )
  app.mockDwolla.worlds.onEvict = undefined
  await app.close()
  const again = await buildServer({ stateFile, applicationLimit: 1 })
  t.teardown(() => again.close())
  t.same(
    again.mockDwolla.worlds.all().map((world) => world.clientId),
    ['second'],
    'after a restart: the second application only',
  )
})

t.test('a change writes only the part that changed: a part without records is written when it differs', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const app = await buildServer({ stateFile })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  const subscribed = await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url: 'http://localhost:9/hook', secret: 'a-secret-of-ours' } })
  t.equal(subscribed.statusCode, 201, 'subscribed')
  await createCustomerVia(app, token, UNVERIFIED)
  await createCustomerVia(app, token, { ...UNVERIFIED, email: 'second@example.com' })
  const records = (await readFile(`${stateFile}.journal`, 'utf8'))
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => JSON.parse(line) as { set?: object; merge?: object })
  t.match(records.at(-3), { set: { webhookSubscriptions: [{ url: 'http://localhost:9/hook' }] } }, 'the subscription: its part, whole')
  t.same(Object.keys((records.at(-2) as { set: object }).set), ['customers'], 'the first customer: the customers part made, whole (with its seeds)')
  t.same(Object.keys(records.at(-1) ?? {}), ['application', 'merge'], 'the next customer: a merge of its records alone')
  t.same(
    (records.at(-1) as { merge: { customers: Array<{ email: string }> } }).merge.customers.map((customer) => customer.email),
    ['second@example.com'],
    'that customer only: not the seeds, not the subscriptions again',
  )
})
