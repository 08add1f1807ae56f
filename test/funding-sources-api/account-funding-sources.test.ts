import t from 'tap'
import { DWOLLA_MEDIA_TYPE, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accountBalanceIdFor, accountBankIdFor } from '../../src/resources/funding-sources/index.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { accountIdVia, bankBody, idOf, relations, VAN_BODY } from '../helpers/funding-sources.js'

const BASE = 'http://localhost:80'
const link = (path: string, resourceType: string) => ({ href: `${BASE}${path}`, type: DWOLLA_MEDIA_TYPE, 'resource-type': resourceType })

t.test('every sandbox Account starts with its balance of $5,000 and a verified "Superhero Savings Bank"', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const accountId = await accountIdVia(app, token)
  const list = await apiRequest(app, 'GET', `/accounts/${accountId}/funding-sources`, { token })
  const body = list.json()
  t.same(
    body._links,
    { self: link(`/accounts/${accountId}/funding-sources`, 'funding-source'), account: link(`/accounts/${accountId}`, 'account') },
    'self and the account',
  )
  const [balance, bank] = body._embedded['funding-sources']
  t.equal(body.total, 2, 'two funding sources')
  t.match(balance, { id: accountBalanceIdFor('key'), type: 'balance', name: 'Balance', status: 'verified', channels: [] }, 'the balance first')
  t.same(
    relations(balance),
    ['self', 'account', 'balance', 'with-available-balance', 'transfer-send', 'transfer-receive'],
    'a balance’s links, with the account',
  )
  t.match(
    bank,
    {
      id: accountBankIdFor('key'),
      type: 'bank',
      name: 'Superhero Savings Bank',
      status: 'verified',
      bankAccountType: 'checking',
      channels: ['ach'],
      bankName: 'SANDBOX TEST BANK',
    },
    'then the bank',
  )
  t.same(relations(bank), ['self', 'account', 'remove', 'transfer-from-balance', 'transfer-send', 'transfer-receive'], 'the Account’s verified bank’s links')
  const money = await apiRequest(app, 'GET', `/funding-sources/${balance.id}/balance`, { token })
  t.same(
    [money.json().balance, money.json().total],
    [
      { value: '5000.00', currency: 'USD' },
      { value: '5000.00', currency: 'USD' },
    ],
    '$5,000.00',
  )
  const again = await mockFor(t)
  const otherList = await apiRequest(again, 'GET', `/accounts/${accountId}/funding-sources`, { token: await accessTokenFor(again) })
  t.same(
    otherList.json()._embedded['funding-sources'].map((source: { id: string }) => source.id),
    [balance.id, bank.id],
    'the same ids on another start: derived from the key',
  )
  const other = await accessTokenFor(app, 'other')
  t.not(await accountIdVia(app, other), accountId, 'another application, another account')
  t.not(accountBalanceIdFor('other'), balance.id, 'and other funding sources')
})

t.test('another account’s funding sources: 404 Account not found.', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const other = await accountIdVia(app, await accessTokenFor(app, 'other'))
  const response = await apiRequest(app, 'GET', `/accounts/${other}/funding-sources`, { token })
  t.same([response.statusCode, response.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.account }], 'Account not found.')
})

t.test('POST /funding-sources adds to the Account: a bank (checking or savings) or a VAN; funding_source_added without a customer', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const accountId = await accountIdVia(app, token)
  const created = await apiRequest(app, 'POST', '/funding-sources', { token, body: bankBody('8888', { bankAccountType: 'savings' }) })
  t.same([created.statusCode, created.body], [201, ''], '201, no body')
  const id = idOf(created.headers.location)
  const bank = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.match(bank, { status: 'unverified', bankAccountType: 'savings' }, 'an unverified savings bank')
  t.same(bank._links.account, link(`/accounts/${accountId}`, 'account'), 'linked to the account')
  const duplicate = await apiRequest(app, 'POST', '/funding-sources', { token, body: bankBody('8888') })
  t.same(
    [duplicate.statusCode, duplicate.json().code, duplicate.json()._links.about.href],
    [400, 'DuplicateResource', `${BASE}/funding-sources/${id}`],
    'a duplicate',
  )
  const loan = await apiRequest(app, 'POST', '/funding-sources', { token, body: bankBody('9999', { bankAccountType: 'loan' }) })
  t.same(
    loan.json()._embedded.errors.map((error: { code: string; path: string }) => [error.code, error.path]),
    [['NotAllowed', '/bankAccountType']],
    'no loan account',
  )
  const van = await apiRequest(app, 'POST', '/funding-sources', { token, body: VAN_BODY })
  t.equal(van.statusCode, 201, 'a VAN')
  const event = app.mockDwolla.events.all({ topic: 'funding_source_added' })
  t.same(
    event.map((e) => e.resourceId),
    [id, idOf(van.headers.location)],
    'funding_source_added for each',
  )
  const shown = (await apiRequest(app, 'GET', `/events/${event[0]?.id}`, { token })).json()
  t.same(Object.keys(shown._links).sort(), ['account', 'resource', 'self'], 'no customer link on an Account’s event')
  const listed = await apiRequest(app, 'GET', `/accounts/${accountId}/funding-sources?removed=false`, { token })
  t.equal(listed.json().total, 4, 'listed with the seeded two')
})
