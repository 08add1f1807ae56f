import t from 'tap'
import { DwollaError } from '../../src/index.js'
import { FUNDING_SOURCE_MESSAGES } from '../../src/resources/funding-sources/funding-source-messages.js'
import { readCreateRequest, type Adder } from '../../src/resources/funding-sources/read-create-request.js'
import { amounts, bankBody, VAN_BODY } from '../helpers/funding-sources.js'
import { CUSTOMER, storeFor } from './store.js'

const personal: Adder = { kind: 'customer', customerType: 'personal', balance: true }
const owner = { kind: 'customer', customerId: CUSTOMER } as const

function withBank(options: { name?: string } = {}) {
  const made = storeFor({ bankLimit: 10 })
  const bank = made.store.create(owner, readCreateRequest(bankBody('1234', options.name === undefined ? {} : { name: options.name }), personal))
  return { ...made, bank }
}

function refusal(action: () => unknown): DwollaError {
  try {
    action()
  } catch (error) {
    if (error instanceof DwollaError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

t.test('initiate: pending, once', async (t) => {
  const { store, bank, clock, raised } = withBank()
  const initiated = store.initiateMicroDeposits(bank.id)
  t.same(initiated.microDeposits, { status: 'pending', created: clock.now, failedAttempts: 0 }, 'pending, as of now')
  t.same(raised.at(-1), ['microdeposits_added', bank.id], 'microdeposits_added')
  const again = refusal(() => store.initiateMicroDeposits(bank.id))
  t.same([again.code, again.message], ['MaxNumberOfResources', FUNDING_SOURCE_MESSAGES.microDepositsInitiated], 'a second initiate')
})

t.test('what has no micro-deposits to initiate', async (t) => {
  const { store } = withBank()
  const verified = store.create(owner, readCreateRequest({ plaidToken: 't', bankAccountType: 'checking', name: 'P' }, personal))
  t.same(
    [refusal(() => store.initiateMicroDeposits(verified.id)).code, refusal(() => store.initiateMicroDeposits(verified.id)).message],
    ['InvalidResourceState', FUNDING_SOURCE_MESSAGES.alreadyVerified],
    'a verified bank',
  )
  const van = store.create(owner, readCreateRequest(VAN_BODY, personal))
  t.equal(refusal(() => store.initiateMicroDeposits(van.id)).code, 'NotFound', 'a VAN')
  t.equal(refusal(() => store.initiateMicroDeposits(store.ensureBalance(CUSTOMER).id)).code, 'NotFound', 'a balance')
  const removed = store.create(owner, readCreateRequest(bankBody('9999'), personal))
  store.remove(removed.id)
  t.same(refusal(() => store.initiateMicroDeposits(removed.id)).message, FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated, 'a removed bank')
})

t.test('verify: any two amounts below 0.10 verify the bank at once, even while pending', async (t) => {
  const { store, bank, raised } = withBank()
  store.initiateMicroDeposits(bank.id)
  const { source, verified } = store.verifyMicroDeposits(bank.id, amounts('0.02', '0.03'))
  t.ok(verified, 'verified')
  t.equal(source.status, 'verified', 'the bank is verified')
  t.equal(source.microDeposits?.status, 'pending', 'the deposits stay pending until the sandbox processes them')
  t.same(raised.at(-1), ['funding_source_verified', bank.id], 'funding_source_verified')
  const already = refusal(() => store.verifyMicroDeposits(bank.id, amounts('0.02', '0.03')))
  t.same([already.code, already.message], ['InvalidResourceState', FUNDING_SOURCE_MESSAGES.alreadyVerified], 'then: Bank already verified.')
})

t.test('verify: three attempts; the third wrong one raises maxattempts; then Too many attempts.', async (t) => {
  const { store, bank, raised } = withBank()
  t.equal(refusal(() => store.verifyMicroDeposits(bank.id, amounts('0.02', '0.03'))).code, 'NotFound', 'before initiating: 404')
  store.initiateMicroDeposits(bank.id)
  for (const attempt of [1, 2, 3]) {
    const { verified, source } = store.verifyMicroDeposits(bank.id, amounts('0.10', '0.12'))
    t.same([verified, source.microDeposits?.failedAttempts], [false, attempt], `attempt ${attempt}: wrong, counted`)
  }
  t.same(raised.at(-1), ['microdeposits_maxattempts', bank.id], 'microdeposits_maxattempts after the third')
  const maxed = refusal(() => store.verifyMicroDeposits(bank.id, amounts('0.02', '0.03')))
  t.same([maxed.code, maxed.message], ['InvalidResourceState', FUNDING_SOURCE_MESSAGES.tooManyAttempts], 'even right amounts: too many attempts')
})

t.test('verify: 0.09 and 0.09 use up every attempt at once (the sandbox’s sentinel)', async (t) => {
  const { store, bank, raised } = withBank()
  store.initiateMicroDeposits(bank.id)
  const { verified, source } = store.verifyMicroDeposits(bank.id, amounts('0.09', '0.09'))
  t.same([verified, source.microDeposits?.failedAttempts], [false, 3], 'wrong, and no attempts left')
  t.same(raised.at(-1), ['microdeposits_maxattempts', bank.id], 'microdeposits_maxattempts')
})

t.test('verify: amounts over 0.15, hostile values and a missing currency are field problems that use no attempt', async (t) => {
  const { store, bank } = withBank()
  store.initiateMicroDeposits(bank.id)
  const over = refusal(() => store.verifyMicroDeposits(bank.id, amounts('0.16', '0.02')))
  t.same(
    over.embedded?.map((e) => [e.code, e.message, e.path]),
    [['Invalid', FUNDING_SOURCE_MESSAGES.invalidAmount, '/amount1/value']],
    'over $0.15: Invalid amount.',
  )
  for (const value of ['1e3', '-0.01', '0.001', 'NaN', '0.00', '1' + '0'.repeat(30)]) {
    const error = refusal(() => store.verifyMicroDeposits(bank.id, amounts('0.02', value)))
    t.same(
      error.embedded?.map((e) => [e.code, e.path]),
      [['Invalid', '/amount2/value']],
      `${value}: Invalid at /amount2/value`,
    )
  }
  const missing = refusal(() => store.verifyMicroDeposits(bank.id, { amount1: { value: 0.02 }, amount2: 'x' }))
  t.same(
    missing.embedded?.map((e) => [e.code, e.path]),
    [
      ['Invalid', '/amount1/value'],
      ['Required', '/amount1/currency'],
      ['Invalid', '/amount2'],
    ],
    'a JSON number, no currency, not an object',
  )
  const euro = refusal(() => store.verifyMicroDeposits(bank.id, { amount1: { value: '0.02', currency: 'EUR' }, amount2: { value: '0.03', currency: 'usd' } }))
  t.same(
    euro.embedded?.map((e) => e.path),
    ['/amount1/currency'],
    'EUR is not USD (usd is)',
  )
  t.equal(store.get(bank.id)?.microDeposits?.failedAttempts, 0, 'none of them used an attempt')
})

t.test('the sandbox processes pending micro-deposits: processed, or failed and removed for a bank named R03', async (t) => {
  const { store, bank, raised } = withBank()
  const r03 = store.create(owner, readCreateRequest(bankBody('5555', { name: 'R03 bank' }), personal))
  store.initiateMicroDeposits(bank.id)
  store.initiateMicroDeposits(r03.id)
  raised.length = 0
  t.equal(store.processPendingMicroDeposits(), 2, 'two processed')
  t.equal(store.get(bank.id)?.microDeposits?.status, 'processed', 'processed')
  t.match(
    store.get(r03.id),
    { removed: true, microDeposits: { status: 'failed', failure: { code: 'R03', description: 'No Account/Unable to Locate Account' } } },
    'R03: failed and removed',
  )
  t.same(
    raised,
    [
      ['microdeposits_completed', bank.id],
      ['microdeposits_failed', r03.id],
      ['funding_source_removed', r03.id],
    ],
    'the events, in order',
  )
  t.equal(store.processPendingMicroDeposits(), 0, 'nothing pending any more')
})
