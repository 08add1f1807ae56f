import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { IDEMPOTENCY_WINDOW_MS } from '../../src/resources/idempotency/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { storedCustomer as customer, storedCustomerId as ID } from '../helpers/customers.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { refusesToStart, stateFileWith } from '../helpers/state-file.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Before customers used the store every creating POST shares (src/resources/idempotency/), POST
// /customers kept its Idempotency-Keys in its own part of the state file: under `idempotency`
// beside `customers`, each the SHA-256 of the key alone and the id of the customer it made. A
// file, and a journal, written so by the earlier version must still load, their keys honoured.
const sha256 = (key: string) => createHash('sha256').update(key).digest('hex')
const JOURNAL = 'journal-one-0001'

t.test('a state file and journal of the earlier shape load, and their Idempotency-Keys answer as before', async (t) => {
  const { write } = await tempFolder(t)
  const made = Date.now() - 60 * 60 * 1000
  const earlier = (key: string, customerId: string) => ({ key: sha256(key), customerId, at: made })
  const stateFile = await write(
    'state.json',
    JSON.stringify({
      format: STATE_FORMAT,
      version: STATE_VERSION,
      savedAt: new Date(made).toISOString(),
      journal: JOURNAL,
      applications: [{ application: 'key', customers: [customer(1)], idempotency: [earlier('old-1', ID(1)), earlier('orphan', ID(9))] }],
    }),
  )
  // The earlier version's journal line for a keyed POST /customers: the customer and its key record, merged.
  await write(
    'state.json.journal',
    [
      JSON.stringify({ format: 'mock-dwolla-journal', id: JOURNAL }),
      JSON.stringify({ application: 'key', merge: { customers: [customer(2)], idempotency: [earlier('old-2', ID(2))] } }),
      '',
    ].join('\n'),
  )
  const first = await buildServer({ stateFile, defaultFixtures: false })
  const token = await accessTokenFor(first)
  const create = (app: typeof first, token: string, key: string, email: string) =>
    apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email }, headers: { 'idempotency-key': key } })
  const location = (n: number) => `http://localhost:80/customers/${ID(n)}`

  const replays = [await create(first, token, 'old-1', 'x1@example.com'), await create(first, token, 'old-2', 'x2@example.com')]
  t.same(
    replays.map((answer) => [answer.statusCode, answer.headers.location]),
    [
      [201, location(1)],
      [201, location(2)],
    ],
    'a key from the snapshot and one from the journal: the first creation answered again',
  )
  t.equal(first.mockDwolla.customers.list({ application: 'key' }).length, 2, 'nothing created')
  const orphan = await create(first, token, 'orphan', 'x9@example.com')
  t.same(
    [orphan.statusCode, first.mockDwolla.customers.list({ application: 'key' }).length],
    [201, 3],
    'a key whose customer the file does not hold creates, as the earlier version did',
  )
  t.not(orphan.headers.location, location(9), 'a new customer, not the missing one')
  await first.close()

  const entry = JSON.parse(await readFile(stateFile, 'utf8')).applications[0]
  t.notOk('idempotency' in entry, 'written back in the current shape: no `idempotency` beside the customers')
  t.same(
    (entry.idempotencyKeys as Array<Record<string, unknown>>).filter((record) => record.keyAloneFor === 'createCustomer').map((record) => record.path),
    [`/customers/${ID(1)}`, `/customers/${ID(2)}`],
    'the earlier keys, with the shared ones, marked as kept by the key alone',
  )
  t.notMatch(JSON.stringify(entry), /old-1|old-2|orphan/, 'no key in clear')

  const second = await buildServer({ stateFile, defaultFixtures: false })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.equal((await create(second, again, 'old-1', 'x1@example.com')).headers.location, location(1), 'after another restart: still answered')
  t.equal((await create(second, again, 'orphan', 'x3@example.com')).headers.location, orphan.headers.location, 'as is the key used since')
  second.mockDwolla.clock.advance(IDEMPOTENCY_WINDOW_MS - 60 * 60 * 1000 + 1000)
  const later = await create(second, await accessTokenFor(second), 'old-1', 'x1@example.com')
  t.same([later.statusCode === 201, later.headers.location === location(1)], [true, false], '24 hours after it was made: the key creates anew')
})

t.test('an earlier record that is not one is refused, naming where', async (t) => {
  const { write } = await tempFolder(t)
  const entry = { customers: [customer(1)], idempotency: [{ key: sha256('k'), customerId: 'not-a-uuid', at: 0 }] }
  await refusesToStart(
    t,
    await write('state.json', stateFileWith(entry)),
    '/applications/0/idempotency/0: expected {key: a SHA-256 hex digest, customerId: a lowercase UUID, at: milliseconds}',
    'the place and what was expected',
  )
})
