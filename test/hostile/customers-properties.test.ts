import fc from 'fast-check'
import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaShapeProblem } from '../helpers/shapes.js'

const FIELDS = [
  'type',
  'status',
  'firstName',
  'lastName',
  'email',
  'address1',
  'address2',
  'city',
  'state',
  'postalCode',
  'dateOfBirth',
  'ssn',
  'phone',
  'ipAddress',
  'correlationId',
  'businessName',
  'businessType',
  'businessClassification',
  'ein',
  'controller',
  'website',
  '__proto__',
  'constructor',
] as const
const NEAR_VALID = fc.constantFrom(
  'personal',
  'business',
  'unverified',
  'receive-only',
  'deactivated',
  'reactivated',
  'suspended',
  'llc',
  'soleProprietorship',
  'Jane',
  'retry',
  'document',
  'a@example.com',
  'IA',
  '50309',
  '1970-01-01',
  '123-45-6789',
  '12-3456789',
  '9ed38155-7d6f-11e3-83c3-5404a6144203',
)
const customerBody = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(NEAR_VALID, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 12 })
const body = fc.oneof(
  customerBody.map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 100 }),
)

t.test('any body to POST /customers and POST /customers/{id}: a documented answer in Dwolla shape, never a 5xx', async (t) => {
  const app = await mockFor(t, { customerLimit: 10_000 })
  const token = await accessTokenFor(app)
  const targets = ['/customers', `/customers/${SEEDED.unverified}`, `/customers/${SEEDED.personalRetry}`, `/customers/${SEEDED.businessVerified}`]
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...targets), body, fc.boolean(), async (url, payload, withKey) => {
      const headers = withKey ? { 'idempotency-key': payload.slice(0, 40) || 'k' } : {}
      const response = await apiRequest(app, 'POST', url, { token, payload, headers })
      const success = url === '/customers' ? 201 : 200
      if (response.statusCode === success) return true
      return dwollaShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 600 },
  )
  t.pass('600 generated requests, every answer documented (each also checked against the OpenAPI document)')
  t.equal(({} as Record<string, unknown>).firstName, undefined, 'no prototype was polluted')
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })).statusCode, 200, 'still serving')
})

t.test('any query to GET /customers: 200 or a 400 ValidationError, never a 5xx', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const pair = fc.tuple(
    fc.constantFrom('limit', 'offset', 'status', 'search', 'email', 'other', '__proto__'),
    fc.oneof(fc.constantFrom('1', '0', '-1', '200', '201', 'retry', 'verified'), fc.string({ maxLength: 20 })),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(pair, { maxLength: 6 }), async (pairs) => {
      const response = await apiRequest(app, 'GET', `/customers?${new URLSearchParams(pairs).toString()}`, { token })
      if (response.statusCode === 200) return Array.isArray(response.json()._embedded.customers)
      return response.statusCode === 400 && response.json().code === 'ValidationError'
    }),
    { numRuns: 300 },
  )
  t.pass('300 generated queries, every answer documented')
})
