import fc from 'fast-check'
import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia, PARTNERS } from '../helpers/exchanges.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaShapeProblem } from '../helpers/shapes.js'

const FIELDS = ['_links', 'token', 'plaid', 'mx', 'finicity', 'bankAccountType', 'name', '__proto__', 'constructor'] as const
const NEAR_VALID = fc.constantFrom(
  { 'exchange-partner': { href: `/exchange-partners/${PARTNERS.Plaid}` } },
  { 'exchange-partner': { href: `/exchange-partners/${PARTNERS.MX}` }, 'redirect-url': { href: 'com.example.app' } },
  { 'exchange-partner': { href: 7 } },
  { 'redirect-url': null },
  { exchange: { href: '/exchanges/not-one' } },
  'processor-sandbox-1',
  'expired',
  { publicToken: 'public-sandbox-1' },
  { availableConnectionToken: 'x' },
  { receiptId: 'r' },
  'checking',
)
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(NEAR_VALID, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 6 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 60 }),
)

t.test('any body to the open-banking POSTs: a documented answer in Dwolla’s shape, never a 5xx', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const exchange = await createExchangeVia(app, token, SEEDED.unverified)
  const targets = [
    '/exchanges',
    `/customers/${SEEDED.unverified}/exchanges`,
    `/customers/${SEEDED.unverified}/exchange-sessions`,
    `/exchanges/${exchange}/exchange-sessions`,
    `/customers/${SEEDED.unverified}/funding-sources`,
  ]
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...targets), body, async (url, payload) => {
      const response = await apiRequest(app, 'POST', url, { token, payload })
      if (response.statusCode === 201) return true
      return dwollaShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 500 },
  )
  t.pass('500 generated requests, every answer documented (each also checked against the OpenAPI document)')
  t.equal(({} as Record<string, unknown>).token, undefined, 'no prototype was polluted')
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/exchanges`, { token })).statusCode, 200, 'still serving')
})
