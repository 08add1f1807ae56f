import t from 'tap'
import type { DwollaError } from '../../src/index.js'
import { FUNDING_SOURCE_MESSAGES } from '../../src/resources/funding-sources/funding-source-messages.js'
import { DuplicateBank } from '../../src/resources/funding-sources/funding-source-store.js'
import { fingerprintOf } from '../../src/resources/funding-sources/fingerprint.js'
import { READD_WINDOW_MS } from '../../src/resources/funding-sources/transitions.js'
import { readCreateRequest, type Adder } from '../../src/resources/funding-sources/read-create-request.js'
import { bankBody, VAN_BODY } from '../helpers/funding-sources.js'
import { CUSTOMER, OTHER_CUSTOMER, storeFor } from './store.js'

const personal: Adder = { kind: 'customer', customerType: 'personal', balance: true }
const owner = { kind: 'customer', customerId: CUSTOMER } as const
const draft = (body: unknown) => readCreateRequest(body, personal)

t.test('a bank by its numbers: unverified, ACH, the sandbox bank, its fingerprint; the numbers themselves are not kept', async (t) => {
  const { store, raised } = storeFor()
  const bank = store.create(owner, draft(bankBody('123456789')))
  t.match(bank, { customerId: CUSTOMER, type: 'bank', status: 'unverified', channels: ['ach'], bankName: 'SANDBOX TEST BANK', removed: false }, 'the bank')
  t.equal(bank.fingerprint, fingerprintOf('222222226', '123456789'), 'the fingerprint: SHA-256 of the two numbers')
  t.notOk(JSON.stringify(store.snapshot()).includes('123456789'), 'the account number is nowhere in what is kept')
  t.same(raised, [['funding_source_added', bank.id]], 'funding_source_added')
})

t.test('autoVerifyBanks: verified at once, unless the body asks verified: false', async (t) => {
  const { store } = storeFor({ autoVerifyBanks: true })
  t.equal(store.create(owner, draft(bankBody('1111'))).status, 'verified', 'verified')
  t.equal(store.create(owner, draft(bankBody('2222', { verified: false }))).status, 'unverified', 'verified: false is unverified')
})

t.test('Plaid banks and VANs are verified at creation', async (t) => {
  const { store } = storeFor()
  t.match(
    store.create(owner, draft({ plaidToken: 'processor-1', bankAccountType: 'checking', name: 'P' })),
    { type: 'bank', status: 'verified', origin: 'plaid' },
    'Plaid',
  )
  t.match(store.create(owner, draft(VAN_BODY)), { type: 'virtual', status: 'verified', channels: ['external'], bankAccountType: 'checking' }, 'a VAN')
})

t.test('a bank the owner already has is a duplicate; another owner may have the same one, with the same fingerprint', async (t) => {
  const { store } = storeFor()
  const first = store.create(owner, draft(bankBody('1234')))
  const duplicate = t.throws(() => store.create(owner, draft(bankBody('1234', { name: 'Again' })))) as DuplicateBank
  t.type(duplicate, DuplicateBank, 'DuplicateBank')
  t.equal(duplicate.existingId, first.id, 'naming the existing bank')
  t.equal(duplicate.message, `Bank already exists: id=${first.id}`, 'Dwolla’s message')
  const other = store.create({ kind: 'customer', customerId: OTHER_CUSTOMER }, draft(bankBody('1234')))
  t.equal(other.fingerprint, first.fingerprint, 'the same numbers: the same fingerprint across customers')
  const account = store.create({ kind: 'account' }, readCreateRequest(bankBody('1234'), { kind: 'account' }))
  t.not(account.id, first.id, 'the Account may have it too')
  const plaid = { plaidToken: 'tok', bankAccountType: 'checking', name: 'P' }
  store.create(owner, draft(plaid))
  t.throws(() => store.create(owner, draft(plaid)), DuplicateBank, 'the same Plaid token twice')
})

t.test('the bank limit: active banks and VANs of one customer; removed ones and the balance do not count', async (t) => {
  const { store } = storeFor({ bankLimit: 2 })
  store.ensureBalance(CUSTOMER)
  const first = store.create(owner, draft(bankBody('1111')))
  store.create(owner, draft(VAN_BODY))
  const refused = t.throws(() => store.create(owner, draft(bankBody('3333')))) as DwollaError
  t.same([refused.code, refused.message], ['MaxNumberOfResources', FUNDING_SOURCE_MESSAGES.tooManyBanks], 'the third: MaxNumberOfResources')
  store.remove(first.id)
  t.equal(store.create(owner, draft(bankBody('3333'))).status, 'unverified', 'room again once one is removed')
  t.ok(store.create({ kind: 'account' }, readCreateRequest(bankBody('4444'), { kind: 'account' })), 'the Account has no bank limit')
})

t.test('the store limit: every funding source but balances, removed ones too', async (t) => {
  const { store } = storeFor({ limit: 2, bankLimit: 10 })
  const first = store.create(owner, draft(bankBody('1111')))
  store.create(owner, draft(bankBody('2222')))
  store.remove(first.id)
  const refused = t.throws(() => store.create(owner, draft(bankBody('3333')))) as DwollaError
  t.same([refused.code, refused.message], ['MaxNumberOfResources', FUNDING_SOURCE_MESSAGES.tooManyFundingSources], 'refused')
  t.ok(store.ensureBalance(OTHER_CUSTOMER), 'a balance is never refused: one per verified customer, bounded by them')
})

t.test('a removed unverified bank added again within 48 hours comes back with its id and its micro-deposits', async (t) => {
  const { store, clock, raised } = storeFor()
  const bank = store.create(owner, draft(bankBody('1234')))
  store.initiateMicroDeposits(bank.id)
  store.remove(bank.id)
  clock.now += READD_WINDOW_MS - 1
  const again = store.create(owner, draft(bankBody('1234', { name: 'Renamed', bankAccountType: 'savings' })))
  t.equal(again.id, bank.id, 'the same id')
  t.match(
    again,
    { removed: false, name: 'Renamed', bankAccountType: 'savings', microDeposits: { status: 'pending' } },
    'back, as asked, with its micro-deposits',
  )
  t.same(
    raised.map(([topic]) => topic),
    ['funding_source_added', 'microdeposits_added', 'funding_source_removed', 'funding_source_added'],
    'added again',
  )
  store.remove(bank.id)
  clock.now += 2
  const fresh = store.create(owner, draft(bankBody('1234')))
  t.not(fresh.id, bank.id, 'past 48 hours of its creation: a new bank')
  t.equal(store.get(bank.id)?.removed, true, 'the old one stays removed')
})

t.test('a removed verified bank is not brought back: a new one is made', async (t) => {
  const { store } = storeFor({ autoVerifyBanks: true })
  const bank = store.create(owner, draft(bankBody('1234')))
  store.remove(bank.id)
  t.not(store.create(owner, draft(bankBody('1234'))).id, bank.id, 'a new id')
})

t.test('lists: the balance first, then in the order added; the removed filter', async (t) => {
  const { store } = storeFor({ bankLimit: 5 })
  const bank = store.create(owner, draft(bankBody('1111')))
  const van = store.create(owner, draft(VAN_BODY))
  const balance = store.ensureBalance(CUSTOMER)
  t.equal(store.ensureBalance(CUSTOMER.toUpperCase()).id, balance.id, 'one balance per customer, whatever the case of the id')
  store.remove(van.id)
  const ids = (removed?: boolean) => store.list(owner, removed).map((source) => source.id)
  t.same(ids(), [balance.id, bank.id, van.id], 'all: balance first')
  t.same(ids(false), [balance.id, bank.id], 'removed=false')
  t.same(ids(true), [van.id], 'removed=true')
  t.same(store.list({ kind: 'customer', customerId: OTHER_CUSTOMER }), [], 'another customer has none')
})

t.test('renaming, new numbers while unverified, and what cannot change', async (t) => {
  const { store, raised } = storeFor({ bankLimit: 5 })
  const bank = store.create(owner, draft(bankBody('1111')))
  store.initiateMicroDeposits(bank.id)
  const renamed = store.update(bank.id, { name: 'New name' }, personal)
  t.equal(renamed.name, 'New name', 'renamed')
  t.ok(renamed.microDeposits, 'a rename keeps the micro-deposits')
  const moved = store.update(bank.id, { name: 'New', routingNumber: '021000021', accountNumber: '9999', bankAccountType: 'savings' }, personal)
  t.match(moved, { fingerprint: fingerprintOf('021000021', '9999'), bankAccountType: 'savings' }, 'new numbers: a new fingerprint')
  t.equal(moved.microDeposits, undefined, 'a new account: its micro-deposits start over')
  t.equal(raised.filter(([topic]) => topic === 'funding_source_updated').length, 2, 'funding_source_updated each time')
  const other = store.create(owner, draft(bankBody('2222')))
  t.throws(
    () => store.update(other.id, { name: 'x', routingNumber: '021000021', accountNumber: '9999' }, personal),
    DuplicateBank,
    'not to the numbers of another bank',
  )
  const missing = t.throws(() => store.update(other.id, { name: 'x', routingNumber: '021000021' }, personal)) as DwollaError
  t.same(
    missing.embedded?.map((e) => e.path),
    ['/accountNumber'],
    'the routing number without the account number',
  )
  const noName = t.throws(() => store.update(other.id, {}, personal)) as DwollaError
  t.same(
    noName.embedded?.map((e) => [e.code, e.path]),
    [['Required', '/name']],
    'the name is required',
  )
  const verified = store.create(owner, draft({ plaidToken: 'tok', bankAccountType: 'checking', name: 'P' }))
  t.equal(store.update(verified.id, { name: 'Renamed' }, personal).name, 'Renamed', 'a verified bank can be renamed')
  const numbers = t.throws(() => store.update(verified.id, { name: 'x', routingNumber: '021000021', accountNumber: '9999' }, personal)) as DwollaError
  t.same([numbers.code, numbers.message], ['InvalidResourceState', 'Resource cannot be modified.'], 'not given new numbers')
  const balance = store.ensureBalance(CUSTOMER)
  const onlyBanks = t.throws(() => store.update(balance.id, { name: 'x' }, personal)) as DwollaError
  t.same([onlyBanks.code, onlyBanks.message], ['ValidationError', FUNDING_SOURCE_MESSAGES.onlyBanksUpdated], 'a balance is not renamed')
  const van = store.create(owner, draft(VAN_BODY))
  t.throws(() => store.update(van.id, { name: 'x' }, personal), { message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated }, 'nor a VAN')
  t.throws(() => store.remove(balance.id), { message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated }, 'a balance is not removed')
  store.remove(van.id)
  const removed = t.throws(() => store.remove(van.id)) as DwollaError
  t.same([removed.code, removed.message], ['InvalidResourceState', FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated], 'a removed one cannot change')
  t.throws(() => store.update(van.id, { name: 'x' }, personal), { message: FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated }, 'nor be renamed')
})

t.test('insert puts funding sources in as they are, once, raising nothing', async (t) => {
  const { store, raised } = storeFor()
  const balance = store.ensureBalance(CUSTOMER)
  const copy = storeFor().store
  for (const source of store.snapshot()) copy.insert(source)
  t.same(copy.snapshot(), store.snapshot(), 'the same funding sources')
  t.throws(() => copy.insert(balance), RangeError, 'an id twice')
  t.same(raised, [], 'a balance is made without an event')
})
