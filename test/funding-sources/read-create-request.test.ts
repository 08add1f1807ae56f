import t from 'tap'
import { DWOLLA_ERRORS, DwollaError } from '../../src/index.js'
import { FUNDING_SOURCE_MESSAGES } from '../../src/resources/funding-sources/funding-source-messages.js'
import { readCreateRequest, type Adder } from '../../src/resources/funding-sources/read-create-request.js'
import { bankBody, VAN_BODY } from '../helpers/funding-sources.js'

const personal: Adder = { kind: 'customer', customerType: 'personal', balance: true }
const unverified: Adder = { kind: 'customer', customerType: 'unverified', balance: false }
const account: Adder = { kind: 'account' }

function refusal(body: unknown, adder: Adder = personal): DwollaError {
  try {
    readCreateRequest(body, adder)
  } catch (error) {
    if (error instanceof DwollaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

t.test('the kind follows the body, as Dwolla’s oneOf does', async (t) => {
  t.match(readCreateRequest(bankBody(), personal), { kind: 'numbers', routingNumber: '222222226', channels: ['ach'] }, 'numbers: a bank, ACH')
  t.match(
    readCreateRequest(bankBody('1234', { verified: false, channels: ['wire'] }), personal),
    { verified: false, channels: ['wire'] },
    'verified: false and wire kept',
  )
  t.match(readCreateRequest({ plaidToken: 'processor-sandbox-1', bankAccountType: 'savings', name: 'P' }, unverified), { kind: 'plaid' }, 'plaidToken: Plaid')
  t.same(readCreateRequest(VAN_BODY, personal), { kind: 'virtual', name: 'My VAN' }, 'type virtual: a VAN')
  const href = 'https://api-sandbox.dwolla.com/on-demand-authorizations/30E7C028-0BDF-E511-80DE-0AA34A9B2388'
  t.match(
    readCreateRequest(bankBody('1234', { _links: { 'on-demand-authorization': { href } } }), personal),
    { onDemandAuthorizationId: '30e7c028-0bdf-e511-80de-0aa34a9b2388' },
    'the on-demand authorization’s id, whatever the host and case',
  )
})

t.test('every field problem at its pointer, in Dwolla’s words, all at once', async (t) => {
  const error = refusal({ routingNumber: '12345678', accountNumber: '12', bankAccountType: 'brokerage', channels: ['ach'], verified: 'no' })
  t.equal(error.code, 'ValidationError', 'ValidationError')
  t.same(
    error.embedded?.map(({ code, message, path }) => [code, message, path]),
    [
      ['InvalidFormat', FUNDING_SOURCE_MESSAGES.routingNumberLength, '/routingNumber'],
      ['InvalidFormat', FUNDING_SOURCE_MESSAGES.accountNumberInvalid, '/accountNumber'],
      ['Invalid', 'BankAccountType invalid.', '/bankAccountType'],
      ['Required', 'Name required.', '/name'],
      ['Invalid', 'Verified invalid.', '/verified'],
      ['Invalid', 'Channels invalid.', '/channels'],
    ],
    'each field, in the body’s order',
  )
  t.same(
    refusal(bankBody('1234', { routingNumber: '222222225' })).embedded?.map((e) => e.message),
    [FUNDING_SOURCE_MESSAGES.routingNumberInvalid],
    'a bad checksum',
  )
  t.same(
    refusal(bankBody('1234', { name: 'x'.repeat(51) })).embedded?.map((e) => [e.code, e.message]),
    [['Invalid', FUNDING_SOURCE_MESSAGES.invalidBankName]],
    'a 51-character name',
  )
  t.same(
    refusal({}).embedded?.map((e) => e.path),
    ['/routingNumber', '/accountNumber', '/bankAccountType', '/name'],
    'an empty body: the four required fields',
  )
  t.same(
    refusal(bankBody('1234', { routingNumber: 222222226 })).embedded?.map((e) => e.path),
    ['/routingNumber'],
    'a number where a string belongs',
  )
})

t.test('who may add what', async (t) => {
  t.match(readCreateRequest(bankBody('1234', { bankAccountType: 'loan' }), personal), { bankAccountType: 'loan' }, 'a loan account for a Verified Customer')
  t.same(
    refusal(bankBody('1234', { bankAccountType: 'loan' }), unverified).embedded?.map((e) => [e.code, e.path]),
    [['NotAllowed', '/bankAccountType']],
    'not for an unverified customer',
  )
  t.same(
    refusal(bankBody('1234', { bankAccountType: 'general-ledger' }), personal).embedded?.map((e) => e.code),
    ['NotAllowed'],
    'general-ledger is for businesses',
  )
  t.match(
    readCreateRequest(bankBody('1234', { bankAccountType: 'general-ledger' }), { kind: 'customer', customerType: 'business', balance: true }),
    { bankAccountType: 'general-ledger' },
    'a business may',
  )
  t.same(
    refusal(bankBody('1234', { bankAccountType: 'loan' }), account).embedded?.map((e) => e.code),
    ['NotAllowed'],
    'the Account: checking or savings',
  )
  t.same(
    refusal(VAN_BODY, unverified).embedded?.map((e) => [e.code, e.message]),
    [['NotAllowed', FUNDING_SOURCE_MESSAGES.virtualNeedsBalance]],
    'a VAN needs a balance',
  )
  t.same(readCreateRequest(VAN_BODY, account), { kind: 'virtual', name: 'My VAN' }, 'the Account may have one')
  t.same(
    refusal({ ...VAN_BODY, bankAccountType: 'savings' }).embedded?.map((e) => e.path),
    ['/bankAccountType'],
    'a VAN is checking',
  )
})

t.test('what is not a funding-source body, or not one the mock serves', async (t) => {
  for (const body of [undefined, null, [], 'bank', 7]) t.equal(refusal(body).code, 'BadRequest', `${JSON.stringify(body)}: BadRequest`)
  const card = refusal({ cardToken: 'tok', name: 'Card' })
  t.same([card.code, card.message], ['Forbidden', FUNDING_SOURCE_MESSAGES.notAuthorizedToCreate], 'a debit card: not authorized')
  t.same(
    refusal({ ...bankBody(), type: 'bank' }).embedded?.map((e) => e.path),
    ['/type'],
    'a type other than virtual',
  )
  t.same(
    refusal({ name: 'x', bankAccountType: 'checking', _links: { exchange: { href: 'https://x/exchanges/1' } } }).embedded?.map((e) => e.message),
    [FUNDING_SOURCE_MESSAGES.exchangeUnknown],
    'an exchange href that names no exchange id',
  )
  t.same(
    readCreateRequest(
      { name: 'x', bankAccountType: 'savings', _links: { exchange: { href: 'https://x/exchanges/0B4A35A7-2AC3-4B1C-9FBB-5A6A2A4F6B7C/' } } },
      account,
    ),
    { kind: 'exchange', exchangeId: '0b4a35a7-2ac3-4b1c-9fbb-5a6a2a4f6b7c', bankAccountType: 'savings', name: 'x' },
    'an exchange by its href: its id, lowercased (the exchange itself is checked when the bank is added)',
  )
  t.same(
    refusal(bankBody('1234', { _links: { 'on-demand-authorization': { href: 'https://x/customers/1' } } })).embedded?.map((e) => e.path),
    ['/_links/on-demand-authorization/href'],
    'an href that is no on-demand authorization',
  )
  t.equal(DWOLLA_ERRORS.Forbidden.status, 403, 'the card refusal is a 403')
})
