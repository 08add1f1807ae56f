import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const maxed = { code: 'MaxNumberOfResources', message: DWOLLA_ERRORS.MaxNumberOfResources.message }

t.test('memory stays bounded: past the caps every attempt is refused and nothing more is kept', async (t) => {
  const app = await mockFor(t, { customerLimit: 20, applicationLimit: 3, defaultFixtures: false })
  const directory = app.mockDwolla.customers
  const tokens = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((key) => accessTokenFor(app, key)))
  const statuses = new Map<number, number>()
  const refusals = new Set<string>()
  for (let round = 0; round < 10; round++) {
    for (const [index, token] of tokens.entries()) {
      for (let i = 0; i < 5; i++) {
        const email = `r${round}-a${index}-c${i}@example.com`
        const response = await apiRequest(app, 'POST', '/customers', { token, body: { ...UNVERIFIED, email }, headers: { 'idempotency-key': email } })
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1)
        if (response.statusCode !== 201) refusals.add(response.body)
      }
    }
  }
  t.same(Object.fromEntries(statuses), { 201: 60, 400: 190 }, 'three applications of twenty customers were made; 190 attempts refused')
  t.same([...refusals].map((body) => JSON.parse(body)), [maxed], 'every refusal: MaxNumberOfResources')
  t.equal(directory.applicationCount, 3, 'never more than applicationLimit applications')
  for (const key of ['a', 'b', 'c']) {
    const store = directory.storeFor(key)
    t.same([store.size, store.idempotency.size], [20, 20], `${key}: customerLimit customers, as many keys`)
  }
  const unknownApp = await apiRequest(app, 'GET', '/customers', { token: tokens[3] as string })
  t.same([unknownApp.statusCode, unknownApp.json()], [400, maxed], 'a fourth application cannot even list')
  t.equal((await apiRequest(app, 'GET', '/', { token: tokens[3] as string })).statusCode, 200, 'but the rest of the API still answers it')
  app.mockDwolla.reset()
  t.equal(directory.applicationCount, 0, 'reset() frees it all')
})
