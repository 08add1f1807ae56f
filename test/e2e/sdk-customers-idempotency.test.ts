import t, { type Test } from 'tap'
import { APIError } from 'dwolla/models/errors'
import { buildServer, DWOLLA_ERRORS } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { checkResponsesAgainstDocument } from '../helpers/openapi-conformance.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'

type SdkError = Error & { status: number; body: { code: string; message: string } }

const CONFLICT = { code: 'Conflict', message: DWOLLA_ERRORS.Conflict.message }

/**
 * A mock on a loopback port whose first POST /customers answer is held until `release()`: the
 * creation is made and its key kept, but its answer is not out, so a repeat meanwhile is one in
 * flight (idempotency-key.mdx: 409 Conflict). With a state file the answer waits so for the disk.
 */
async function heldMock(t: Test) {
  const app = await buildServer({ defaultFixtures: false })
  checkResponsesAgainstDocument(app, t)
  let release: (() => void) | undefined
  let holding = false
  app.addHook('onSend', async (request) => {
    if (holding || request.method !== 'POST' || request.url !== '/customers') return
    holding = true
    await new Promise<void>((resolve) => (release = resolve))
  })
  t.teardown(() => app.close())
  await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  const held = async () => {
    while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return { url, app, held, release: () => release?.() }
}

t.test("dwolla-v2: post('customers', body, { 'Idempotency-Key' }): a repeat in flight rejects with 409 Conflict, then replays the Location", async (t) => {
  const mock = await heldMock(t)
  const client = dwollaV2For(mock.url)
  const key = { 'Idempotency-Key': 'v2-customer' }
  const first = client.post('customers', UNVERIFIED, key)
  await mock.held()
  const conflict = await rejectionOf<SdkError>(client.post('customers', { ...UNVERIFIED, email: 'other@example.com' }, key))
  t.same([conflict.status, conflict.body], [409, CONFLICT], 'while the first is in flight: 409 Conflict, in Dwolla’s shape')
  mock.release()
  const created = await first
  t.equal(created.status, 201, 'the first: 201')
  const replay = await client.post('customers', UNVERIFIED, key)
  t.same([replay.status, replay.headers.get('location')], [201, created.headers.get('location')], 'once answered: 201 and the first Location')
  t.equal(mock.app.mockDwolla.customers.list({ application: 'key' }).length, 1, 'one customer made')
})

t.test('dwolla: customers.create with an Idempotency-Key header: a repeat in flight is an APIError 409, then the first id again', async (t) => {
  const mock = await heldMock(t)
  const sdk = dwollaSdkFor(mock.url)
  // dwolla@1.1.1 takes an idempotencyKey on transfers and mass payments only; any call takes headers.
  const options = { headers: { 'Idempotency-Key': 'sdk-customer' } }
  const body = { firstName: 'Jane', lastName: 'Merchant', email: 'jane@example.com', type: 'unverified' as const }
  const first = sdk.customers.create(body, options)
  await mock.held()
  const conflict = await rejectionOf(sdk.customers.create(body, options))
  t.type(conflict, APIError, 'an APIError (409 is not a typed error for this operation)')
  if (conflict instanceof APIError) t.same([conflict.statusCode, JSON.parse(conflict.body)], [409, CONFLICT], '409 Conflict, in Dwolla’s shape')
  mock.release()
  const created = await first
  const id = created?.headers.location?.[0]?.split('/').pop()
  t.match(id, /^[0-9a-f-]{36}$/, 'the first: its id from headers.location[0]')
  const replay = await sdk.customers.create(body, options)
  t.equal(replay?.headers.location?.[0]?.split('/').pop(), id, 'once answered: the same id')
  t.equal(mock.app.mockDwolla.customers.list({ application: 'key' }).length, 1, 'one customer made')
})
