import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { CUSTOMERS } from '../../src/resources/customers/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { accessTokenFor, apiRequest, CUSTOMER_ID, mockFor, requestClientToken } from '../helpers/mock.js'

const maxed = { code: 'MaxNumberOfResources', message: DWOLLA_ERRORS.MaxNumberOfResources.message }

t.test(
  'memory stays bounded: an application past customerLimit is refused; past applicationLimit the least recently used application is dropped',
  async (t) => {
    const lines: string[] = []
    const app = await mockFor(t, {
      customerLimit: 20,
      applicationLimit: 3,
      defaultFixtures: false,
      logger: { level: 'warn', stream: { write: (line: string) => void lines.push(line) } },
    })
    const { worlds } = app.mockDwolla
    const keys = ['a', 'b', 'c', 'd']
    const tokens = await Promise.all(keys.map((key) => accessTokenFor(app, key)))
    const statuses: number[] = []
    const create = async (token: string, email: string) => {
      const response = await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email }, headers: { 'idempotency-key': email } })
      if (!t.ok(worlds.size <= 3, 'never more than applicationLimit applications kept')) t.bailout()
      return response
    }
    for (let i = 0; i < 25; i++) statuses.push((await create(tokens[0] as string, `a${i}@example.com`)).statusCode)
    t.same(
      [statuses.filter((status) => status === 201).length, statuses.filter((status) => status === 400).length],
      [20, 5],
      'a: customerLimit customers made, the rest refused',
    )
    const refused = await create(tokens[0] as string, 'one-more@example.com')
    t.same(refused.json(), maxed, 'the refusal: MaxNumberOfResources, for the application that reached customerLimit')
    for (const [index, token] of tokens.slice(1).entries()) {
      for (let i = 0; i < 5; i++) t.equal((await create(token, `${keys[index + 1]}${i}@example.com`)).statusCode, 201, 'the others are never refused')
    }
    t.same(
      worlds.all().map((world) => world.clientId),
      ['b', 'c', 'd'],
      'the three most recently used applications are kept',
    )
    for (const world of worlds.all()) t.equal(world.peek(CUSTOMERS)?.size, 5, `${world.clientId}: its customers`)
    t.ok(
      lines.some((line) => /dropped application a's state: more than applicationLimit \(3\) applications/.test(line)),
      'a line names each application dropped',
    )
    const again = await apiRequest(app, 'GET', '/customers', { token: tokens[0] as string })
    t.same([again.statusCode, again.json().total], [200, 0], 'a dropped application still answers: it starts again, empty')
    app.mockDwolla.reset()
    t.equal(worlds.size, 0, 'reset() frees it all')
  },
)

t.test('500 applications each get a client token for the seeded customer: none is refused for a limit it did not reach', async (t) => {
  const app = await mockFor(t)
  const refused: number[] = []
  for (let i = 0; i < 500; i++) {
    const token = await accessTokenFor(app, `suite-file-${i}`)
    const response = await requestClientToken(app, { token })
    if (response.statusCode !== 200) refused.push(response.statusCode)
  }
  t.same(refused, [], 'all 500 got one')
  t.equal(app.mockDwolla.worlds.size, 500, 'and every application is kept: 500 is well within the bounds')
  t.ok(app.mockDwolla.worlds.find('suite-file-0')?.peek(CUSTOMERS)?.get(CUSTOMER_ID), 'the first still holds its seeded customer')
})

t.test('storeByteLimit: past it the least recently used applications go, counted at each record’s worst case', async (t) => {
  const app = await mockFor(t, { defaultFixtures: false, storeByteLimit: 64 * 1024 })
  const { worlds } = app.mockDwolla
  for (const key of ['a', 'b', 'c', 'd']) {
    const token = await accessTokenFor(app, key)
    for (let i = 0; i < 4; i++) await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email: `${key}${i}@example.com` } })
  }
  t.ok(worlds.totalBytes <= 64 * 1024, `the stores count ${worlds.totalBytes} bytes, within the limit`)
  t.same(
    worlds
      .all()
      .map((world) => world.clientId)
      .at(-1),
    'd',
    'the application at work is kept',
  )
  t.ok(worlds.size < 4, `older applications were dropped (${worlds.size} kept)`)
})
