import { join } from 'node:path'
import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'

// POST /customers honours an Idempotency-Key as every creating POST does (src/resources/idempotency/):
// idempotency-key.mdx, "a repeat with the same key within 24 hours returns the original response".
const withEmail = (email: string) => ({ ...UNVERIFIED, email })
const keyed = (key: string) => ({ 'idempotency-key': key })

t.test('a repeat answers the first creation whatever its body, raises nothing; a refused attempt does not use up its key', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customers = () => app.mockDwolla.customers.list({ application: 'key' }).length
  const created = () => app.mockDwolla.events.all({ application: 'key' }).filter((event) => event.topic === 'customer_created').length
  const first = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('a@example.com'), headers: keyed('key-1') })
  const [before, events] = [customers(), created()]
  const again = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('different@example.com'), headers: keyed('key-1') })
  t.same([again.statusCode, again.headers.location, again.body], [201, first.headers.location, ''], 'the first creation, whatever the body')
  t.same([customers(), created()], [before, events], 'nothing created, no event for a replay')
  const other = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('b@example.com'), headers: keyed('key-2') })
  t.not(other.headers.location, first.headers.location, 'another key creates')
  const refused = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('a@example.com'), headers: keyed('key-3') })
  t.equal(refused.json()._embedded?.errors?.[0]?.code, 'Duplicate', 'a new key does not bypass the checks')
  const corrected = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('c@example.com'), headers: keyed('key-3') })
  t.same([corrected.statusCode, customers()], [201, before + 2], 'and the refused attempt did not use up its key')
  const empty = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('d@example.com'), headers: keyed('') })
  const emptyAgain = await apiRequest(app, 'POST', '/customers', { token, body: withEmail('e@example.com'), headers: keyed('') })
  t.not(emptyAgain.headers.location, empty.headers.location, 'an empty key is no key')
})

t.test('with a state file, a repeat while the first answer waits for the disk answers 409 Conflict', async (t) => {
  const { path } = await tempFolder(t)
  const app = await mockFor(t, { stateFile: join(path, 'state.json'), defaultFixtures: false })
  const token = await accessTokenFor(app)
  const send = () => apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED, headers: keyed('in-flight') })
  const answers = await Promise.all(Array.from({ length: 20 }, send))
  const statuses = answers.map((answer) => answer.statusCode)
  t.ok(statuses.includes(409), `a repeat in flight: 409 (${statuses.join(' ')})`)
  t.same(
    answers.find((answer) => answer.statusCode === 409)?.json(),
    { code: 'Conflict', message: DWOLLA_ERRORS.Conflict.message },
    'Conflict, in Dwolla’s shape',
  )
  t.same(
    statuses.filter((status) => status !== 201 && status !== 409),
    [],
    'every other answer a 201',
  )
  t.equal(new Set(answers.filter((answer) => answer.statusCode === 201).map((answer) => answer.headers.location)).size, 1, 'one Location')
  t.equal(app.mockDwolla.customers.list({ application: 'key' }).length, 1, 'one customer made')
  const after = await send()
  t.same(
    [after.statusCode, after.headers.location],
    [201, answers.find((answer) => answer.statusCode === 201)?.headers.location],
    'once answered, the key replays the Location',
  )
})
