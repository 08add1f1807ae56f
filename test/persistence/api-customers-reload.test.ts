import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import t from 'tap'
import { buildServer, STATE_FORMAT } from '../../src/index.js'
import { customerToDocument } from '../../src/resources/customers/customer-document.js'
import { CUSTOMERS, customerDocumentProblem } from '../../src/resources/customers/index.js'
import { checkAgainstCustomerSchema } from '../../src/fixture-rules/check-fixtures.js'
import { LLC, PERSONAL, UNVERIFIED } from '../customers/fields.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { createCustomerVia } from '../helpers/customers.js'
import { tempFolder } from '../helpers/temp-folder.js'

// Issue 27 #1: the API stored what the state file then refused, so a restart exited 2 and
// stranded every customer. One rule now: what the API stores is what a state file may hold.

t.test('a phone with separators is stored as Dwolla returns it, ten digits, and the file reloads', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const id = await createCustomerVia(first, token, { ...UNVERIFIED, phone: '555-555-5555' })
  const answered = (await apiRequest(first, 'GET', `/customers/${id}`, { token })).json()
  t.equal(answered.phone, '5555555555', 'answered as ten digits, as Dwolla shows phones')
  const updated = await apiRequest(first, 'POST', `/customers/${id}`, { token, body: { phone: '(555) 432-1234' } })
  t.equal(updated.json().phone, '5554321234', 'an update with separators: ten digits too')
  await first.close()

  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.equal((await apiRequest(second, 'GET', `/customers/${id}`, { token: again })).json().phone, '5554321234', 'the customer is back after a restart')
})

t.test('a file written with the phone as it was sent (before the fix) loads: its customers are not stranded', async (t) => {
  const { write } = await tempFolder(t)
  const customer = {
    id: '11111111-1111-4111-8111-111111111111',
    type: 'unverified',
    status: 'unverified',
    firstName: 'A',
    lastName: 'B',
    email: 'a@example.com',
    phone: '555-555-5555',
    created: '2026-01-01T00:00:00.000Z',
  }
  const stateFile = await write(
    'state.json',
    JSON.stringify({ format: STATE_FORMAT, version: 2, savedAt: '2026-01-01T00:00:00.000Z', applications: [{ application: 'key', customers: [customer] }] }),
  )
  const app = await buildServer({ stateFile, defaultFixtures: false })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  t.equal((await apiRequest(app, 'GET', `/customers/${customer.id}`, { token })).json().phone, '5555555555', 'loaded, the phone as ten digits')
})

// Characters of every width: ASCII, Latin-1, CJK, astral (two UTF-16 units), and U+FFFD, which
// invalid UTF-8 in a body becomes.
const CHARACTERS = fc.constantFrom(..."aZ7 '-.#é中😀\uFFFD".split(/(?:)/u))
/** Text the API takes for a field of at most `max` UTF-16 units (names: none of its forbidden characters). */
const text = (max: number) =>
  fc
    .array(CHARACTERS, { minLength: 1, maxLength: max })
    .map((characters) => characters.join(''))
    .filter((value) => value.trim() !== '' && value.length <= max)
const name = text(50)
const phone = fc
  .tuple(
    fc.array(fc.constantFrom('0', '5', '9'), { minLength: 10, maxLength: 10 }),
    fc.array(fc.constantFrom('', ' ', '-', '.', '(', ')', '+', '\t'), { minLength: 11, maxLength: 11 }),
  )
  .map(([digits, separators]) => digits.map((digit, index) => `${separators[index] as string}${digit}`).join('') + (separators[10] as string))
const correlationId = fc.stringMatching(/^[A-Za-z0-9._-]{1,255}$/)
const kind = fc.constantFrom<Record<string, unknown>>(UNVERIFIED, { ...UNVERIFIED, type: 'receive-only' }, PERSONAL, LLC)
const body = fc.record(
  {
    kind,
    firstName: name,
    lastName: name,
    phone,
    correlationId,
    email: fc.uuid(),
    address1: text(50),
    address2: text(50),
    city: text(50),
    businessName: text(255),
    doingBusinessAs: text(255),
    website: text(255),
  },
  { requiredKeys: ['kind', 'email'] },
)

t.test('every customer the API accepts, in any kind and with any accepted value, is one a state file may hold', async (t) => {
  const app = await buildServer({ defaultFixtures: false, customerLimit: 100_000 })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  const store = () => app.mockDwolla.worlds.open('key').get(CUSTOMERS)
  let accepted = 0
  await fc.assert(
    fc.asyncProperty(body, async ({ kind: fields, email, ...values }) => {
      const response = await apiRequest(app, 'POST', '/customers', { token, body: { ...fields, ...values, email: `${email}@example.com` } })
      if (response.statusCode !== 201) return true
      accepted += 1
      const id = (response.headers.location as string).split('/').pop() as string
      const document = customerToDocument(store().get(id) as never)
      checkAgainstCustomerSchema(document, 'the state file', `/customers/${id}`)
      return customerDocumentProblem(document) === undefined
    }),
    { numRuns: 400 },
  )
  t.ok(accepted > 150, `most generated bodies were accepted (${accepted} of 400), and each passes the state file's checks`)
})

t.test('the customers of a state file written by the API read back exactly as the API answered them', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile, defaultFixtures: false })
  const token = await accessTokenFor(first)
  const samples = fc.sample(body, { numRuns: 60, seed: 27 })
  const answered: unknown[] = []
  for (const { kind: fields, email, ...values } of samples) {
    const created = await apiRequest(first, 'POST', '/customers', { token, body: { ...fields, ...values, email: `${email}@example.com` } })
    if (created.statusCode !== 201) continue
    const id = (created.headers.location as string).split('/').pop() as string
    answered.push((await apiRequest(first, 'GET', `/customers/${id}`, { token })).json())
  }
  await first.close()
  t.ok(answered.length > 20, `${answered.length} customers made`)
  t.match(await readFile(stateFile, 'utf8'), /"format": ?"mock-dwolla-state"/, 'written')

  const second = await buildServer({ stateFile, defaultFixtures: false })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  const reread = []
  for (const customer of answered as Array<{ id: string }>) reread.push((await apiRequest(second, 'GET', `/customers/${customer.id}`, { token: again })).json())
  t.same(reread, answered, 'every customer, field for field')
})
