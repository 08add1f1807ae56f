import t from 'tap'
import { DWOLLA_ERRORS, FUNDING_SOURCE_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia, relations } from '../helpers/funding-sources.js'

t.test('POST /funding-sources/{id} renames: 200 with the funding source; customer_funding_source_updated', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const renamed = await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body: { name: 'Renamed' } })
  t.same([renamed.statusCode, renamed.json().name, renamed.json().id], [200, 'Renamed', id], 'renamed')
  const moved = await apiRequest(app, 'POST', `/funding-sources/${id}`, {
    token,
    body: { name: 'Moved', routingNumber: '021000021', accountNumber: '44444444', bankAccountType: 'savings' },
  })
  t.same([moved.statusCode, moved.json().bankAccountType], [200, 'savings'], 'new numbers and type while unverified')
  t.not(moved.json().fingerprint, renamed.json().fingerprint, 'a new fingerprint')
  t.equal(app.mockDwolla.events.all({ topic: 'customer_funding_source_updated' }).length, 2, 'customer_funding_source_updated each time')
  const invalid = await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body: { name: 'x'.repeat(51) } })
  t.same(
    [invalid.statusCode, invalid.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: FUNDING_SOURCE_MESSAGES.invalidBankName, path: '/name', _links: {} }]],
    'Invalid bank name.',
  )
})

t.test('what cannot change: a verified bank’s numbers, a balance, a removed funding source', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const verified = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody())
  const numbers = await apiRequest(app, 'POST', `/funding-sources/${verified}`, {
    token,
    body: { name: 'x', routingNumber: '021000021', accountNumber: '4444' },
  })
  t.same(
    [numbers.statusCode, numbers.json()],
    [403, { code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }],
    'a verified bank’s numbers: 403',
  )
  const list = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  const balance = list.json()._embedded['funding-sources'][0].id
  for (const body of [{ name: 'x' }, { removed: true }]) {
    const response = await apiRequest(app, 'POST', `/funding-sources/${balance}`, { token, body })
    t.same(
      [response.statusCode, response.json()],
      [400, { code: 'ValidationError', message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated }],
      `a balance, ${JSON.stringify(body)}`,
    )
  }
  const removed = await apiRequest(app, 'POST', `/funding-sources/${verified}`, { token, body: { removed: true } })
  t.same([removed.statusCode, removed.json().removed, relations(removed.json())], [200, true, ['self']], 'removed: 200, removed: true, self only')
  const again = await apiRequest(app, 'POST', `/funding-sources/${verified}`, { token, body: { name: 'x' } })
  t.same(
    [again.statusCode, again.json()],
    [403, { code: 'InvalidResourceState', message: FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated }],
    'a removed bank cannot be updated',
  )
  const stillThere = await apiRequest(app, 'GET', `/funding-sources/${verified}`, { token })
  t.same([stillThere.statusCode, stillThere.json().removed], [200, true], 'a removed funding source stays readable')
  t.equal(app.mockDwolla.events.all({ topic: 'customer_funding_source_removed' }).length, 1, 'customer_funding_source_removed')
})

t.test('bodies that say nothing to do, or the wrong thing', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const cases: Array<[string, unknown, number, string]> = [
    ['{}', {}, 400, 'ValidationError'],
    ['removed: false', { removed: false }, 400, 'ValidationError'],
    ['removed: "true"', { removed: 'true' }, 400, 'ValidationError'],
  ]
  for (const [name, body, status, code] of cases) {
    const response = await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body })
    t.same([response.statusCode, response.json().code], [status, code], name)
  }
  const empty = await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, payload: '' })
  t.same([empty.statusCode, empty.json().code], [400, 'BadRequest'], 'no body: BadRequest')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json().removed, false, 'nothing removed')
})

t.test('a suspended customer’s funding sources cannot change', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  app.mockDwolla.customers.setStatus(SEEDED.unverified, 'suspended', { application: 'key' })
  for (const body of [{ name: 'x' }, { removed: true }]) {
    const response = await apiRequest(app, 'POST', `/funding-sources/${id}`, { token, body })
    t.same([response.statusCode, response.json().code], [403, 'InvalidResourceState'], JSON.stringify(body))
  }
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).statusCode, 200, 'still readable')
})
