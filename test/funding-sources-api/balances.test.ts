import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia, VAN_BODY } from '../helpers/funding-sources.js'

const BASE = 'http://localhost:80'
const NOW = Date.parse('2024-03-01T12:00:00.000Z')

t.test('GET /funding-sources/{id}/balance: balance, total and lastUpdated, from the ledger', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const id = accountBalanceIdFor('key')
  const response = await apiRequest(app, 'GET', `/funding-sources/${id}/balance`, { token })
  t.same(
    [response.statusCode, response.json()],
    [
      200,
      {
        _links: {
          self: { href: `${BASE}/funding-sources/${id}/balance`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'balance' },
          'funding-source': { href: `${BASE}/funding-sources/${id}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'funding-source' },
        },
        balance: { value: '5000.00', currency: 'USD' },
        total: { value: '5000.00', currency: 'USD' },
        lastUpdated: new Date(NOW).toISOString(),
      },
    ],
    'the Account’s opening $5,000, as of when its ledger opened',
  )
})

t.test('a Verified Customer’s balance starts at 0.00; the test double sets it through the ledger', async (t) => {
  const app = await mockFor(t, { now: () => NOW })
  const token = await accessTokenFor(app)
  const list = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  const balance = list.json()._embedded['funding-sources'][0]
  const before = (await apiRequest(app, 'GET', `/funding-sources/${balance.id}/balance`, { token })).json()
  t.same([before.balance.value, before.total.value, before.lastUpdated], ['0.00', '0.00', balance.created], 'zero, last updated when it was made')
  app.mockDwolla.clock.advance(60_000)
  t.same(
    app.mockDwolla.balances.set(balance.id, '123.45'),
    {
      fundingSource: balance.id,
      application: 'key',
      balance: '123.45',
      total: '123.45',
      lastUpdated: new Date(NOW + 60_000).toISOString(),
    },
    'set to 123.45',
  )
  const after = (await apiRequest(app, 'GET', `/funding-sources/${balance.id}/balance`, { token })).json()
  t.same([after.balance.value, after.lastUpdated], ['123.45', new Date(NOW + 60_000).toISOString()], 'the API answers the new balance and when it changed')
  app.mockDwolla.balances.set(balance.id, '0.00')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${balance.id}/balance`, { token })).json().balance.value, '0.00', 'and back to zero')
})

t.test('a bank or a VAN has no balance: 400 UnsupportedOperation; an unknown id 404', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const van = await createFundingSourceVia(app, token, SEEDED.personalVerified, VAN_BODY)
  for (const [name, id] of [
    ['a bank', bank],
    ['a VAN', van],
  ] as const) {
    const response = await apiRequest(app, 'GET', `/funding-sources/${id}/balance`, { token })
    t.same([response.statusCode, response.json()], [400, { code: 'UnsupportedOperation', message: DWOLLA_ERRORS.UnsupportedOperation.message }], name)
  }
  const unknown = await apiRequest(app, 'GET', '/funding-sources/99999999-9999-4999-8999-999999999999/balance', { token })
  t.same([unknown.statusCode, unknown.json().message], [404, NOT_FOUND_MESSAGES.fundingSource], 'unknown: Funding source not found.')
})
