import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer, STATE_FORMAT, STATE_VERSION } from '../../src/index.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { amounts, bankBody, createFundingSourceVia, VAN_BODY } from '../helpers/funding-sources.js'
import { refusesToStart, stateFileWith } from '../helpers/state-file.js'
import { tempFolder } from '../helpers/temp-folder.js'

t.test('--state keeps funding sources, micro-deposits, balances and on-demand authorizations across restarts', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile })
  const token = await accessTokenFor(first)
  const bank = await createFundingSourceVia(first, token, SEEDED.personalVerified, bankBody('123456789'))
  await apiRequest(first, 'POST', `/funding-sources/${bank}/micro-deposits`, { token })
  await apiRequest(first, 'POST', `/funding-sources/${bank}/micro-deposits`, { token, body: amounts('0.10', '0.11') })
  const van = await createFundingSourceVia(first, token, SEEDED.personalVerified, VAN_BODY)
  await apiRequest(first, 'POST', `/funding-sources/${van}`, { token, body: { removed: true } })
  const listed = (await apiRequest(first, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })).json()
  const balance = listed._embedded['funding-sources'][0].id
  first.mockDwolla.balances.set(balance, '250.75')
  first.mockDwolla.balances.set(accountBalanceIdFor('key'), '4749.25')
  const authorization = (await apiRequest(first, 'POST', '/on-demand-authorizations', { token })).json()._links.self.href
  const snapshot = async (app: typeof first, bearer: string) => ({
    list: (await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token: bearer })).json(),
    deposits: (await apiRequest(app, 'GET', `/funding-sources/${bank}/micro-deposits`, { token: bearer })).json(),
    balance: (await apiRequest(app, 'GET', `/funding-sources/${balance}/balance`, { token: bearer })).json(),
    account: (await apiRequest(app, 'GET', `/funding-sources/${accountBalanceIdFor('key')}/balance`, { token: bearer })).json(),
  })
  const before = await snapshot(first, token)
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  t.match(saved, { format: STATE_FORMAT, version: STATE_VERSION }, 'the versioned state file')
  const entry = saved.applications[0]
  t.ok(
    Array.isArray(entry.fundingSources) && Array.isArray(entry.ledger) && Array.isArray(entry.onDemandAuthorizations),
    'its own keys in the application’s entry',
  )
  t.notOk(JSON.stringify(saved).includes('123456789'), 'never an account number: only its fingerprint')
  t.equal(
    entry.ledger.reduce((sum: number, account: { available: number; held: number }) => sum + account.available + account.held, 0),
    0,
    'the ledger written adds up to zero',
  )

  const second = await buildServer({ stateFile })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  t.same(await snapshot(second, again), before, 'the same funding sources, micro-deposits and balances')
  const reused = await apiRequest(second, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, {
    token: again,
    body: bankBody('4444', { _links: { 'on-demand-authorization': { href: authorization } } }),
  })
  t.equal(reused.statusCode, 201, 'an on-demand authorization given before the restart is usable after it')
  const attempt = await apiRequest(second, 'POST', `/funding-sources/${bank}/micro-deposits`, { token: again, body: amounts('0.10', '0.11') })
  t.equal(attempt.statusCode, 400, 'and the attempts made before still count…')
  const third = await apiRequest(second, 'POST', `/funding-sources/${bank}/micro-deposits`, { token: again, body: amounts('0.10', '0.11') })
  const fourth = await apiRequest(second, 'POST', `/funding-sources/${bank}/micro-deposits`, { token: again, body: amounts('0.02', '0.03') })
  t.same([third.statusCode, fourth.statusCode], [400, 403], '…so the third is the last')
  second.mockDwolla.reset()
  const afterReset = await accessTokenFor(second)
  t.equal((await apiRequest(second, 'GET', `/funding-sources/${bank}`, { token: afterReset })).statusCode, 404, 'reset() drops them')
  t.equal(
    (await apiRequest(second, 'GET', `/funding-sources/${accountBalanceIdFor('key')}/balance`, { token: afterReset })).json().balance.value,
    '5000.00',
    'and the Account opens with $5,000 again',
  )
})

t.test('a state file with wrong funding sources or a ledger that does not add up stops the start, naming the place', async (t) => {
  const { write } = await tempFolder(t)
  const source = {
    id: '11111111-1111-4111-8111-111111111111',
    customerId: SEEDED.unverified,
    type: 'bank',
    status: 'unverified',
    name: 'Bank',
    created: '2026-01-01T00:00:00.000Z',
    removed: false,
    channels: ['ach'],
    bankAccountType: 'checking',
    fingerprint: 'a'.repeat(64),
    origin: 'numbers',
  }
  const balance = { ...source, id: '22222222-2222-4222-8222-222222222222', type: 'balance', status: 'verified', name: 'Balance', channels: [] }
  const account = (available: number) => ({ kind: 'balance', id: balance.id, available, held: 0, lastUpdated: '2026-01-01T00:00:00.000Z' })
  const outside = (available: number) => ({ kind: 'external', id: 'sandbox', available, held: 0, lastUpdated: '2026-01-01T00:00:00.000Z' })
  const at = '/applications/0'
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['not a list', { fundingSources: {} }, `${at}/fundingSources: expected an array`],
    ['a bad id', { fundingSources: [{ ...source, id: 'X' }] }, `${at}/fundingSources/0/id: expected a lowercase UUID`],
    ['an id twice', { fundingSources: [source, source] }, `${at}/fundingSources/1/id: funding source ${source.id} appears twice`],
    ['an unknown field', { fundingSources: [{ ...source, accountNumber: '1234' }] }, `${at}/fundingSources/0/accountNumber: not a field of a funding source`],
    ['a channel the SDK refuses', { fundingSources: [{ ...source, channels: ['instant'] }] }, `${at}/fundingSources/0/channels: expected a list of`],
    ['a removed balance', { fundingSources: [{ ...balance, removed: true }] }, `${at}/fundingSources/0/type: a balance is verified and never removed`],
    [
      'two balances for one customer',
      { fundingSources: [balance, { ...balance, id: '33333333-3333-4333-8333-333333333333' }] },
      `${at}/fundingSources/1/type: a second balance`,
    ],
    [
      'micro-deposits with too many attempts',
      { fundingSources: [{ ...source, microDeposits: { status: 'pending', created: '2026-01-01T00:00:00.000Z', failedAttempts: 4 } }] },
      `${at}/fundingSources/0/microDeposits/failedAttempts: expected a whole number from 0 to 3`,
    ],
    ['a ledger that does not add up', { ledger: [account(100), outside(-99)] }, `${at}/ledger: the accounts add up to 1 cents, not zero`],
    ['a fraction of a cent', { ledger: [account(0.5), outside(-0.5)] }, `${at}/ledger/0/available: expected whole cents`],
    ['an unknown kind of account', { ledger: [{ ...account(0), kind: 'wallet' }] }, `${at}/ledger/0/kind: expected one of balance, transit, bank, external`],
    [
      'an on-demand authorization used by nothing like a funding source',
      { onDemandAuthorizations: [{ id: source.id, created: '2026-01-01T00:00:00.000Z', usedBy: 'x' }] },
      `${at}/onDemandAuthorizations/0/usedBy: expected the lowercase UUID of a funding source`,
    ],
  ]
  for (const [name, entry, message] of cases) {
    await refusesToStart(t, await write(`${name.replaceAll(' ', '-')}.json`, stateFileWith(entry)), message, name)
  }
  const tooMany = await write(
    'too-many.json',
    stateFileWith({ fundingSources: [source, { ...source, id: '44444444-4444-4444-8444-444444444444', fingerprint: 'b'.repeat(64) }] }),
  )
  await t.rejects(buildServer({ stateFile: tooMany, fundingSourceLimit: 1 }), { message: /more than fundingSourceLimit \(1\)/ }, 'more than fundingSourceLimit')
  const good = await write('good.json', stateFileWith({ fundingSources: [source, balance], ledger: [account(100), outside(-100)] }))
  const app = await buildServer({ stateFile: good })
  t.teardown(() => app.close())
  t.same(
    app.mockDwolla.balances.get(balance.id),
    { fundingSource: balance.id, application: 'key', balance: '1.00', total: '1.00', lastUpdated: '2026-01-01T00:00:00.000Z' },
    'a good file loads as written',
  )
})
