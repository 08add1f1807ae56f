import fc from 'fast-check'
import t from 'tap'
import { LEDGER } from '../../src/resources/balances/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { amounts, bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'
import { dwollaShapeProblem } from '../helpers/shapes.js'

/** The amounts the issue names, and their neighbours: each must be a 400, never a 500, never money. */
const HOSTILE_AMOUNTS: unknown[] = [
  '1e3',
  '-0.01',
  '0.001',
  1,
  0.02,
  '1' + '0'.repeat(30),
  'NaN',
  '',
  ' ',
  'Infinity',
  '0x10',
  '1_000',
  '٠.٠٢',
  null,
  {},
  ['0.02'],
]

t.test('hostile amounts: 400 in Dwolla’s shape, never a 500, never a change to a balance or an attempt', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token })
  const balance = accountBalanceIdFor('key')
  for (const value of HOSTILE_AMOUNTS) {
    const verify = await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, {
      token,
      body: { amount1: { value, currency: 'USD' }, amount2: { value: '0.02', currency: 'USD' } },
    })
    t.same([verify.statusCode, verify.json().code], [400, 'ValidationError'], `verify with ${JSON.stringify(value)}: 400`)
    const set = await app.inject({ method: 'POST', url: `/__mock/funding-sources/${balance}/balance`, payload: { value } })
    t.equal(set.statusCode, 400, `the test double’s balance with ${JSON.stringify(value)}: 400`)
  }
  t.equal(app.mockDwolla.fundingSources.get(bank)?.microDeposits?.failedAttempts, 0, 'no attempt was used')
  t.equal(app.mockDwolla.balances.get(balance)?.balance, '5000.00', 'no balance changed')
  t.equal(app.mockDwolla.worlds.open('key').get(LEDGER).sum(), 0, 'the ledger adds up')
})

const FIELDS = [
  'routingNumber',
  'accountNumber',
  'bankAccountType',
  'name',
  'verified',
  'channels',
  'plaidToken',
  'type',
  '_links',
  'removed',
  'amount1',
  'amount2',
  '__proto__',
] as const
const NEAR_VALID = fc.constantFrom(
  '222222226',
  '123456789',
  'checking',
  'savings',
  'loan',
  'virtual',
  'R03',
  true,
  false,
  ['wire'],
  { value: '0.02', currency: 'USD' },
  { exchange: { href: 'x' } },
)
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(NEAR_VALID, fc.jsonValue({ maxDepth: 3 })), { maxKeys: 8 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 60 }),
)

t.test('any body to the funding-source POSTs: a documented answer in Dwolla’s shape, never a 5xx', async (t) => {
  const app = await mockFor(t, { customerBankLimit: 1_000, fundingSourceLimit: 10_000 })
  const token = await accessTokenFor(app)
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const targets = [
    '/funding-sources',
    `/customers/${SEEDED.unverified}/funding-sources`,
    `/customers/${SEEDED.personalVerified}/funding-sources`,
    `/funding-sources/${bank}`,
    `/funding-sources/${bank}/micro-deposits`,
    `/funding-sources/${accountBalanceIdFor('key')}`,
  ]
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...targets), body, async (url, payload) => {
      const response = await apiRequest(app, 'POST', url, { token, payload })
      if (response.statusCode === 200 || response.statusCode === 201) return true
      return dwollaShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 600 },
  )
  t.pass('600 generated requests, every answer documented (each also checked against the OpenAPI document)')
  t.equal(({} as Record<string, unknown>).name, undefined, 'no prototype was polluted')
  t.equal(app.mockDwolla.worlds.open('key').get(LEDGER).sum(), 0, 'the ledger adds up')
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/funding-sources`, { token })).statusCode, 200, 'still serving')
})

t.test('any query to the lists: 200 or 400 ValidationError, never a 5xx', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const pair = fc.tuple(
    fc.constantFrom('removed', 'limit', 'other', '__proto__'),
    fc.oneof(fc.constantFrom('true', 'false', 'TRUE', '1', ''), fc.string({ maxLength: 20 })),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(pair, { maxLength: 4 }), async (pairs) => {
      const response = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources?${new URLSearchParams(pairs).toString()}`, { token })
      if (response.statusCode === 200) return Array.isArray(response.json()._embedded['funding-sources'])
      return response.statusCode === 400 && response.json().code === 'ValidationError'
    }),
    { numRuns: 200 },
  )
  t.pass('200 generated queries, every answer documented')
})

t.test('the verify body’s amounts, generated: wrong answers count, field problems do not, nothing 5xx', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const value = fc.oneof(fc.constantFrom('0.01', '0.09', '0.10', '0.15', '0.16', '1.00'), fc.string({ maxLength: 8 }), fc.double())
  // A new bank each run: a new account number each time, so none is a removed one coming back.
  let accountNumber = 100_000
  await fc.assert(
    fc.asyncProperty(value, value, async (first, second) => {
      accountNumber += 1
      const bank = await createFundingSourceVia(app, token, SEEDED.receiveOnly, bankBody(String(accountNumber)))
      await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token })
      const response = await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token, body: amounts(String(first), String(second)) })
      const attempts = app.mockDwolla.fundingSources.get(bank)?.microDeposits?.failedAttempts
      await apiRequest(app, 'POST', `/funding-sources/${bank}`, { token, body: { removed: true } })
      if (response.statusCode === 200) return attempts === 0
      if (response.statusCode !== 400) return false
      const wrong = response.json()._embedded.errors[0].message === 'Wrong amount(s).'
      return wrong ? (attempts ?? 0) >= 1 : attempts === 0
    }),
    { numRuns: 150 },
  )
  t.pass('150 generated pairs')
})
