import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { createExchangeVia, createSessionVia, PARTNERS } from '../helpers/exchanges.js'
import { createFundingSourceVia } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { refusesToStart, stateFileWith } from '../helpers/state-file.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('--state keeps exchanges, the bank made from one, and exchange sessions with their MX connections', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile, checkoutComPartner: true })
  const token = await accessTokenFor(first)
  const exchange = await createExchangeVia(first, token, SEEDED.unverified)
  const bankBody = { _links: { exchange: { href: `http://localhost/exchanges/${exchange}` } }, bankAccountType: 'savings', name: 'From an exchange' }
  const bank = await createFundingSourceVia(first, token, SEEDED.unverified, bankBody)
  const spare = await createExchangeVia(first, token, SEEDED.personalVerified)
  await first.inject({ method: 'POST', url: `/__mock/exchanges/${spare}/status`, payload: { status: 'deactivated' } })
  const plaid = await createSessionVia(first, token, SEEDED.unverified, PARTNERS.Plaid)
  const checkout = await createSessionVia(first, token, SEEDED.unverified, PARTNERS.CheckoutCom)
  const mx = await createSessionVia(first, token, SEEDED.unverified, PARTNERS.MX)
  const completed = await first.inject({ method: 'POST', url: `/__mock/exchange-sessions/${mx}/complete` })
  t.equal(completed.statusCode, 200, 'the MX flow completed through the test double')
  const read = async (app: typeof first, bearer: string) => ({
    bank: (await apiRequest(app, 'GET', `/funding-sources/${bank}`, { token: bearer })).json(),
    exchanges: (await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/exchanges`, { token: bearer })).json(),
    spare: (await apiRequest(app, 'GET', `/exchanges/${spare}`, { token: bearer })).json(),
    sessions: await Promise.all([plaid, checkout, mx].map(async (id) => (await apiRequest(app, 'GET', `/exchange-sessions/${id}`, { token: bearer })).json())),
    connections: (await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/available-exchange-connections`, { token: bearer })).json(),
  })
  const before = await read(first, token)
  t.equal(before.spare.status, 'deactivated', 'one exchange deactivated before the restart')
  t.equal(before.connections._embedded['available-exchange-connections'].length, 2, 'and two MX connections made')
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  const entry = saved.applications[0]
  t.match(
    entry.fundingSources.find((source: { id: string }) => source.id === bank),
    { origin: 'exchange', status: 'verified' },
    'the bank written with its origin',
  )
  t.same(
    entry.exchanges.map((kept: { id: string; fundingSourceId?: string }) => [kept.id, kept.fundingSourceId]),
    [
      [exchange, bank],
      [spare, undefined],
    ],
    'the exchanges written, with the bank each made',
  )
  t.equal(entry.exchangeSessions.length, 3, 'and the three sessions')
  t.notOk(JSON.stringify(saved).includes('processor-sandbox'), 'never a partner credential')

  const second = await buildServer({ stateFile, checkoutComPartner: true })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.same(await read(second, again), before, 'read back as they were: bank, exchanges, sessions and connections')
  const reused = await apiRequest(second, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token: again, body: { ...bankBody, name: 'Twice' } })
  t.equal(reused.statusCode, 400, 'an exchange used before the restart still cannot make a second bank')
  const fromSpare = await apiRequest(second, 'POST', `/customers/${SEEDED.personalVerified}/funding-sources`, {
    token: again,
    body: { ...bankBody, _links: { exchange: { href: `http://localhost/exchanges/${spare}` } } },
  })
  t.not(fromSpare.statusCode, 201, 'nor can the deactivated one make one')
})

t.test('a state file with a wrong exchange or exchange session stops the start, naming the place', async (t) => {
  const { write } = await tempFolder(t)
  const exchange = {
    id: '11111111-1111-4111-8111-111111111111',
    customerId: SEEDED.unverified,
    partnerId: PARTNERS.Plaid,
    status: 'active',
    created: '2026-01-01T00:00:00.000Z',
    credential: 'token',
  }
  const session = {
    id: '22222222-2222-4222-8222-222222222222',
    customerId: SEEDED.unverified,
    partnerId: PARTNERS.MX,
    flow: 'mx',
    created: '2026-01-01T00:00:00.000Z',
    completed: true,
    connections: [{ name: 'MX Bank Checking', availableConnectionToken: 'eyJhIjoxfQ==' }],
  }
  const at = '/applications/0'
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['exchanges not a list', { exchanges: {} }, `${at}/exchanges: expected an array`],
    ['an exchange without an id', { exchanges: [{ ...exchange, id: 'x' }] }, `${at}/exchanges/0/id`],
    ['the same exchange twice', { exchanges: [exchange, exchange] }, `${at}/exchanges/1/id`],
    ['an unknown partner', { exchanges: [{ ...exchange, partnerId: '99999999-9999-4999-8999-999999999999' }] }, `${at}/exchanges/0/partnerId`],
    ['an unknown status', { exchanges: [{ ...exchange, status: 'paused' }] }, `${at}/exchanges/0/status`],
    ['a credential kept', { exchanges: [{ ...exchange, credential: 'processor-sandbox-1' }] }, `${at}/exchanges/0/credential`],
    ['a bad funding source', { exchanges: [{ ...exchange, fundingSourceId: 7 }] }, `${at}/exchanges/0/fundingSourceId`],
    ['a session of no flow', { exchangeSessions: [{ ...session, flow: 'visa' }] }, `${at}/exchangeSessions/0/flow`],
    ['a session not told completed', { exchangeSessions: [{ ...session, completed: 'yes' }] }, `${at}/exchangeSessions/0/completed`],
    ['a broken connection', { exchangeSessions: [{ ...session, connections: [{ name: 'x' }] }] }, `${at}/exchangeSessions/0/connections/0`],
    ['a redirect URL too long', { exchangeSessions: [{ ...session, redirectUrl: `https://${'a'.repeat(2048)}` }] }, `${at}/exchangeSessions/0/redirectUrl`],
    [
      'broken Checkout.com data',
      { exchangeSessions: [{ ...session, flow: 'checkout', externalProviderSessionData: { id: 'ps_1' } }] },
      `${at}/exchangeSessions/0/externalProviderSessionData`,
    ],
  ]
  for (const [name, entry, message] of cases) {
    await refusesToStart(t, await write(`${name.replaceAll(' ', '-')}.json`, stateFileWith(entry)), message, name)
  }
  const good = await write('good.json', stateFileWith({ exchanges: [exchange], exchangeSessions: [session] }))
  const app = await buildServer({ stateFile: good })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  t.equal((await apiRequest(app, 'GET', `/exchanges/${exchange.id}`, { token })).json().status, 'active', 'a well-formed file starts, its exchange readable')
  t.same(
    (await apiRequest(app, 'GET', `/customers/${SEEDED.unverified}/available-exchange-connections`, { token }))
      .json()
      ._embedded['available-exchange-connections'].map((connection: { name: string }) => connection.name),
    ['MX Bank Checking'],
    'and its session’s connection listed',
  )
})
