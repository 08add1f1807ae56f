import t from 'tap'
import { FUNDING_SOURCE_MESSAGES } from '../../src/index.js'
import { EVENT_BYTES } from '../../src/resources/events/events-part.js'
import { FUNDING_SOURCE_BYTES } from '../../src/resources/funding-sources/funding-sources-part.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'

t.test('fundingSourceLimit bounds an application’s funding sources, removed ones included; past it MaxNumberOfResources', async (t) => {
  // The Account's seeded bank is one of the four.
  const app = await mockFor(t, { fundingSourceLimit: 4, customerBankLimit: 10 })
  const token = await accessTokenFor(app)
  const first = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('1111'))
  await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('2222'))
  await apiRequest(app, 'POST', `/funding-sources/${first}`, { token, body: { removed: true } })
  await createFundingSourceVia(app, token, SEEDED.receiveOnly, bankBody('3333'))
  const refused = await apiRequest(app, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, { token, body: bankBody('4444') })
  t.same(
    [refused.statusCode, refused.json()],
    [400, { code: 'MaxNumberOfResources', message: FUNDING_SOURCE_MESSAGES.tooManyFundingSources }],
    'the fifth is refused',
  )
  const balance = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  t.equal(balance.json().total, 1, 'a verified customer’s balance is still made: balances are bounded by customers')
  const other = await accessTokenFor(app, 'other')
  t.equal(
    (await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token: other, body: bankBody('4444') })).statusCode,
    201,
    'another application has its own bound',
  )
})

t.test('each funding source counts towards storeByteLimit at its worst case', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/funding-sources`, { token })
  const before = app.mockDwolla.worlds.totalBytes
  for (const number of ['1111', '2222']) await createFundingSourceVia(app, token, SEEDED.unverified, bankBody(number))
  t.equal(
    app.mockDwolla.worlds.totalBytes - before,
    2 * (FUNDING_SOURCE_BYTES + EVENT_BYTES),
    'two banks and their events: twice FUNDING_SOURCE_BYTES and EVENT_BYTES',
  )
})

t.test('past storeByteLimit the least recently used application is dropped, funding sources and money with it', async (t) => {
  const app = await mockFor(t, { storeByteLimit: 200 * 1024 })
  const first = await accessTokenFor(app, 'first')
  const id = await createFundingSourceVia(app, first, SEEDED.unverified, bankBody('1111'))
  app.mockDwolla.balances.set(accountBalanceIdFor('first'), '1.00', { application: 'first' })
  for (let index = 0; index < 6; index += 1) {
    const token = await accessTokenFor(app, `later-${index}`)
    await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/funding-sources`, { token })
  }
  t.ok(app.mockDwolla.worlds.totalBytes <= 200 * 1024, 'within the bound')
  const again = await accessTokenFor(app, 'first')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token: again })).statusCode, 404, 'the first application started again: its bank is gone')
  const money = await apiRequest(app, 'GET', `/funding-sources/${accountBalanceIdFor('first')}/balance`, { token: again })
  t.equal(money.json().balance.value, '5000.00', 'and its Account opens with $5,000 again')
})
