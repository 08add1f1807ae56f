import type { InjectOptions } from 'fastify'
import t from 'tap'
import { DwollaError, start } from '../../src/index.js'
import { LEDGER } from '../../src/resources/balances/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

t.test('/__mock/funding-sources: list (by application, by customer), read, create as the API does', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const made = await app.inject({ method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', customer: SEEDED.unverified, ...bankBody() } })
  t.equal(made.statusCode, 201, '201')
  const { fundingSource } = made.json()
  t.match(
    fundingSource,
    { application: 'key', customerId: SEEDED.unverified, type: 'bank', status: 'unverified', origin: 'numbers' },
    'the stored funding source',
  )
  t.notOk(JSON.stringify(fundingSource).includes('123456789'), 'never its account number')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${fundingSource.id}`, { token })).statusCode, 200, 'the API sees it')
  t.equal(app.mockDwolla.events.all({ topic: 'customer_funding_source_added' }).length, 1, 'with the same event')
  const account = await app.inject({ method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', ...bankBody('2222') } })
  t.equal(account.json().fundingSource.customerId, undefined, 'without a customer: the Account’s')
  const all = await app.inject({ method: 'GET', url: '/__mock/funding-sources?application=key' })
  t.same(
    all.json().fundingSources.map((source: { name: string }) => source.name),
    ['Balance', 'Superhero Savings Bank', 'Jane’s Checking', 'Jane’s Checking'],
    'the application’s, the Account’s seeds first',
  )
  const verified = await app.inject({ method: 'GET', url: `/__mock/funding-sources?application=key&customer=${SEEDED.personalVerified}` })
  t.same(
    verified.json().fundingSources.map((source: { type: string }) => source.type),
    ['balance'],
    'a verified seed’s balance, made to be found',
  )
  const everywhere = await app.inject({ method: 'GET', url: `/__mock/funding-sources/${fundingSource.id}` })
  t.same(everywhere.json(), { fundingSource }, 'read without naming the application')
})

t.test('/__mock/funding-sources refuses in the mock’s own errors', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, { method: 'GET' | 'POST'; url: string; payload?: unknown }, number, string]> = [
    ['a field problem', { method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', routingNumber: '1' } }, 400, 'ValidationError'],
    ['no application', { method: 'POST', url: '/__mock/funding-sources', payload: bankBody() }, 400, 'InvalidApplication'],
    [
      'an unknown customer',
      { method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', customer: 'nobody', ...bankBody() } },
      404,
      'UnknownCustomer',
    ],
    [
      'a suspended customer',
      { method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', customer: SEEDED.personalSuspended, ...bankBody() } },
      403,
      'InvalidResourceState',
    ],
    ['not an object', { method: 'POST', url: '/__mock/funding-sources', payload: [1] }, 400, 'InvalidFundingSource'],
    ['an unknown filter', { method: 'GET', url: '/__mock/funding-sources?colour=red' }, 400, 'InvalidQuery'],
    ['an unknown funding source', { method: 'GET', url: '/__mock/funding-sources/99999999-9999-4999-8999-999999999999' }, 404, 'UnknownFundingSource'],
  ]
  for (const [name, request, status, error] of cases) {
    const response = await app.inject(request as InjectOptions)
    t.same([response.statusCode, response.json().error], [status, error], name)
  }
  const detail = await app.inject({ method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', ...bankBody('12') } })
  t.equal(detail.json().message, '/accountNumber: Account number must be between 4 and 17 digits.', 'a field problem names the field')
  await app.inject({ method: 'POST', url: '/__mock/funding-sources', payload: { application: 'key', customer: SEEDED.unverified, ...bankBody() } })
  const duplicate = await app.inject({
    method: 'POST',
    url: '/__mock/funding-sources',
    payload: { application: 'key', customer: SEEDED.unverified, ...bankBody() },
  })
  t.same([duplicate.statusCode, duplicate.json().error], [400, 'DuplicateResource'], 'a duplicate')
})

t.test('/__mock/funding-sources/{id}/balance: read and set a balance; the ledger still adds up', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const balance = accountBalanceIdFor('key')
  const read = await app.inject({ method: 'GET', url: `/__mock/funding-sources/${balance}/balance?application=key` })
  t.match(read.json(), { balance: { fundingSource: balance, application: 'key', balance: '5000.00', total: '5000.00' } }, 'the Account’s $5,000')
  const set = await app.inject({ method: 'POST', url: `/__mock/funding-sources/${balance}/balance`, payload: { value: '12.34' } })
  t.match(set.json(), { balance: { balance: '12.34' } }, 'set, without naming the application')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${balance}/balance`, { token })).json().balance.value, '12.34', 'as the API answers it')
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const cases: Array<[string, string, unknown, number, string]> = [
    ['a bank', bank, { value: '1.00' }, 400, 'UnsupportedOperation'],
    ['an unknown id', '99999999-9999-4999-8999-999999999999', { value: '1.00' }, 404, 'NotFound'],
    ['a hostile value', balance, { value: '1e3' }, 400, 'ValidationError'],
    ['a number', balance, { value: 5 }, 400, 'ValidationError'],
    ['no value', balance, {}, 400, 'ValidationError'],
    ['not an object', balance, [1], 400, 'InvalidBalance'],
    ['a bad application', balance, { value: '1.00', application: 7 }, 400, 'InvalidApplication'],
  ]
  for (const [name, id, payload, status, error] of cases) {
    const response = await app.inject({ method: 'POST', url: `/__mock/funding-sources/${id}/balance`, payload: payload as object })
    t.same([response.statusCode, response.json().error], [status, error], name)
  }
  t.equal((await app.inject({ method: 'GET', url: `/__mock/funding-sources/${bank}/balance` })).statusCode, 404, 'a bank has no balance to read')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${balance}/balance`, { token })).json().balance.value, '12.34', 'no refusal changed it')
  t.equal(app.mockDwolla.worlds.open('key').get(LEDGER).sum(), 0, 'the ledger adds up to zero: the test double’s money came from its own account')
})

t.test('in-process: server.fundingSources and server.balances, as a suite running the mock uses them', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const client = dwollaV2For(server.url)
  await client.get(`customers/${SEEDED.personalVerified}`)
  const created = server.fundingSources.create(bankBody(), { application: 'key', customer: SEEDED.personalVerified })
  t.equal(server.fundingSources.get(created.id)?.id, created.id, 'get')
  const [balance] = server.fundingSources.list({ application: 'key', customer: SEEDED.personalVerified })
  t.equal(balance?.type, 'balance', 'the customer’s balance, first')
  server.balances.set(balance?.id as string, '99.99')
  const answered = await client.get(`funding-sources/${balance?.id}/balance`)
  t.equal(answered.body.balance.value, '99.99', 'the SDK reads the balance the test arranged')
  t.throws(() => server.balances.set(created.id, '1.00'), DwollaError, 'a bank: a Dwolla error')
  t.throws(() => server.fundingSources.create(bankBody(), { application: 'key', customer: 'nobody' }), RangeError, 'an unknown customer')
  t.same(server.fundingSources.list().length, 4, 'every application’s: the Account’s two, the balance and the bank')
  server.reset()
  t.same(server.fundingSources.list(), [], 'reset: none')
})
