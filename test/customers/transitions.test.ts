import t from 'tap'
import { CustomerProblems } from '../../src/resources/customers/customer-problems.js'
import * as transitions from '../../src/resources/customers/transitions.js'
import type { Customer } from '../../src/resources/customers/customer.js'
import { DWOLLA_ERRORS } from '../../src/errors.js'
import { CONTROLLER, LLC, NOW, PERSONAL, RECEIVE_ONLY, SOLE_PROPRIETORSHIP, UNVERIFIED } from './fields.js'

const context = { now: NOW }
const create = (body: unknown) => transitions.createCustomer('c0ffee00-0000-4000-8000-000000000001', body, context)
const conflict = { statusCode: 403, code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }

t.test('a new customer: its status, and the topics it raises', async (t) => {
  const unverified = create(UNVERIFIED)
  t.same(
    unverified,
    {
      customer: { id: 'c0ffee00-0000-4000-8000-000000000001', type: 'unverified', status: 'unverified', created: NOW, ...UNVERIFIED },
      topics: ['customer_created'],
    },
    'unverified: status unverified, customer_created only',
  )
  t.same(create(RECEIVE_ONLY).topics, ['customer_created'], 'receive-only: customer_created only')
  t.same(
    create(PERSONAL),
    { customer: { ...create(PERSONAL).customer, status: 'verified' }, topics: ['customer_created', 'customer_verified'] },
    'personal with ordinary data: verified',
  )
  t.same(create(LLC).topics, ['customer_created', 'customer_verified'], 'llc with ordinary data: verified')
})

t.test("the sandbox's magic values set the first status", async (t) => {
  const personal: Array<[string, string, string]> = [
    ['verified', 'verified', 'customer_verified'],
    ['retry', 'retry', 'customer_reverification_needed'],
    ['kba', 'kba', 'customer_kba_verification_needed'],
    ['document', 'document', 'customer_verification_document_needed'],
    ['suspended', 'suspended', 'customer_suspended'],
    ['Retry', 'retry', 'customer_reverification_needed'],
  ]
  for (const [firstName, status, topic] of personal) {
    t.same(
      create({ ...PERSONAL, firstName }),
      { customer: { ...create({ ...PERSONAL, firstName }).customer, status }, topics: ['customer_created', topic] },
      `personal firstName ${firstName}: ${status}`,
    )
  }
  t.equal(create({ ...UNVERIFIED, firstName: 'verified' }).customer.status, 'unverified', 'unverified customers have no magic values')
  const business: Array<[string, Record<string, unknown>, string]> = [
    ['businessName retry', { businessName: 'retry' }, 'retry'],
    ['controller retry', { controller: { ...CONTROLLER, firstName: 'retry' } }, 'retry'],
    ['businessName document', { businessName: 'document' }, 'document'],
    ['controller document', { controller: { ...CONTROLLER, firstName: 'document' } }, 'document'],
    ['controller suspended', { controller: { ...CONTROLLER, firstName: 'suspended' } }, 'suspended'],
    ['controller kba (personal only)', { controller: { ...CONTROLLER, firstName: 'kba' } }, 'verified'],
    ['document over retry', { businessName: 'retry', controller: { ...CONTROLLER, firstName: 'document' } }, 'document'],
  ]
  for (const [name, fields, status] of business) t.equal(create({ ...LLC, ...fields }).customer.status, status, `llc ${name}: ${status}`)
  t.equal(
    create({ ...SOLE_PROPRIETORSHIP, firstName: 'document' }).customer.status,
    'document',
    "a sole proprietor's own firstName plays the controller's part",
  )
})

t.test('deactivate, reactivate, suspend', async (t) => {
  const verified = create(PERSONAL).customer
  const deactivated = transitions.deactivate(verified)
  t.same(
    deactivated,
    { customer: { ...verified, status: 'deactivated', statusBeforeDeactivation: 'verified' }, topics: ['customer_deactivated'] },
    'deactivated, remembering verified',
  )
  t.same(transitions.reactivate(deactivated.customer), { customer: verified, topics: ['customer_activated'] }, 'reactivated: back to verified')
  const retry = create({ ...PERSONAL, firstName: 'retry' }).customer
  t.equal(transitions.reactivate(transitions.deactivate(retry).customer).customer.status, 'retry', 'back to the status it had (retry)')
  t.same(transitions.suspend(verified), { customer: { ...verified, status: 'suspended' }, topics: ['customer_suspended'] }, 'suspended')
  const suspended = transitions.suspend(verified).customer
  t.throws(() => transitions.deactivate(suspended), conflict, 'a suspended customer cannot be deactivated (update.mdx)')
  t.throws(() => transitions.deactivate(deactivated.customer), conflict, 'nor deactivated twice')
  t.throws(() => transitions.reactivate(verified), conflict, 'only a deactivated customer is reactivated')
  t.throws(() => transitions.suspend(suspended), conflict, 'nor suspended twice')
  t.throws(() => transitions.suspend(deactivated.customer), conflict, 'a deactivated customer is not suspended')
  const viaUpdate = transitions.updateCustomer(verified, { status: 'deactivated' }, context)
  t.same(viaUpdate, deactivated, 'the same through updateCustomer')
  const unknown = t.throws(() => transitions.updateCustomer(verified, { status: 'closed' }, context)) as CustomerProblems
  t.same(unknown.problems, [{ code: 'Invalid', message: 'Status invalid.', path: '/status' }], 'an unknown status is a field problem')
})

t.test('upgrades: receive-only → unverified, unverified → personal or business; nothing else', async (t) => {
  const receiveOnly = create(RECEIVE_ONLY).customer
  t.same(
    transitions.updateCustomer(receiveOnly, { type: 'unverified' }, context),
    { customer: { ...receiveOnly, type: 'unverified' }, topics: [] },
    'receive-only → unverified',
  )
  const unverified = create(UNVERIFIED).customer
  const personal = transitions.updateCustomer(unverified, PERSONAL, context)
  t.same(
    personal.customer,
    { ...create(PERSONAL).customer, id: unverified.id, created: unverified.created },
    'unverified → personal: the verified fields, same id and created',
  )
  t.same(personal.topics, ['customer_verified'], 'raises the new status')
  t.equal(
    transitions.updateCustomer(unverified, { ...LLC, businessName: 'document' }, context).customer.status,
    'document',
    'unverified → business: magic values apply',
  )
  t.throws(() => transitions.updateCustomer(unverified, { ...PERSONAL, ssn: undefined }, context), CustomerProblems, 'the full verified body is required')
  t.throws(() => transitions.updateCustomer(receiveOnly, PERSONAL, context), conflict, 'receive-only → personal is not documented')
  t.throws(() => transitions.updateCustomer(personal.customer, { type: 'unverified' }, context), conflict, 'no downgrades')
  t.throws(() => transitions.updateCustomer(transitions.suspend(unverified).customer, PERSONAL, context), conflict, 'a suspended customer is not upgraded')
})

// Issue 27 #10: an upgrade (and a retry) kept only what its body carried.
t.test('an upgrade or a retry keeps the correlationId and phone the body does not give again', async (t) => {
  const unverified = create({ ...UNVERIFIED, correlationId: 'order-7', phone: '5554321234' }).customer
  for (const [name, body] of [
    ['personal', PERSONAL],
    ['business', LLC],
  ] as const) {
    const upgraded = transitions.updateCustomer(unverified, body, context).customer
    t.same([upgraded.type, upgraded.correlationId, upgraded.phone], [body.type, 'order-7', '5554321234'], `unverified → ${name}: both kept`)
  }
  const given = transitions.updateCustomer(unverified, { ...PERSONAL, phone: '555-000-1111' }, context).customer
  t.same([given.correlationId, given.phone], ['order-7', '5550001111'], 'a phone in the upgrade body replaces the old one')
  const retry = create({ ...PERSONAL, firstName: 'retry', correlationId: 'order-8', phone: '5554321234' }).customer
  const retried = transitions.updateCustomer(retry, { ...PERSONAL, firstName: 'Jane', ssn: '123-45-6789' }, context).customer
  t.same([retried.status, retried.correlationId, retried.phone], ['verified', 'order-8', '5554321234'], 'a retry keeps them too')
})

t.test('one retry, from retry only, with the full SSN', async (t) => {
  const retry = create({ ...PERSONAL, firstName: 'retry' }).customer
  const retried = transitions.updateCustomer(retry, { ...PERSONAL, firstName: 'Jane', ssn: '123-45-6789' }, context)
  t.same(
    retried,
    { customer: { ...retry, firstName: 'Jane', status: 'verified', retried: true }, topics: ['customer_verified'] },
    'verified, with its one retry used',
  )
  const short = t.throws(() => transitions.updateCustomer(retry, { ...PERSONAL, firstName: 'Jane', ssn: '1234' }, context)) as CustomerProblems
  t.same(short.problems, [{ code: 'InvalidFormat', message: 'Ssn invalid.', path: '/ssn' }], 'four digits are refused')
  t.equal(
    transitions.updateCustomer(retry, { ...PERSONAL, firstName: 'retry', ssn: '123456789' }, context).customer.status,
    'document',
    'asking for another retry fails to document',
  )
  t.equal(transitions.updateCustomer(retry, { ...PERSONAL, firstName: 'kba', ssn: '123456789' }, context).customer.status, 'kba', 'or kba, as the sandbox says')
  const retriedTwice = { ...retry, retried: true }
  t.throws(() => transitions.updateCustomer(retriedTwice, { ...PERSONAL, ssn: '123456789' }, context), conflict, 'a second retry: InvalidResourceState')
  t.throws(
    () => transitions.updateCustomer(create(PERSONAL).customer, { ssn: '123456789' }, context),
    conflict,
    'an ssn sent outside retry is a retry attempt: InvalidResourceState',
  )
  const businessRetry = create({ ...LLC, businessName: 'retry' }).customer
  t.equal(
    transitions.updateCustomer(businessRetry, { ...LLC, businessName: 'Jane Corp', controller: { ...CONTROLLER, ssn: '123456789' } }, context).customer.status,
    'verified',
    'a business retries with the controller’s full SSN',
  )
})

t.test('information updates and the statuses that forbid them', async (t) => {
  const verified = create(PERSONAL).customer
  t.same(
    transitions.updateCustomer(verified, { email: 'new@example.com' }, context),
    { customer: { ...verified, email: 'new@example.com' }, topics: [] },
    'a new email, no topic',
  )
  for (const status of ['document', 'suspended', 'deactivated'] as const) {
    t.throws(() => transitions.updateCustomer({ ...verified, status }, { email: 'new@example.com' }, context), conflict, `no update in ${status}`)
  }
})

t.test("the test double's setStatus: any status of the type, with the topics", async (t) => {
  const verified = create(PERSONAL).customer
  t.same(
    transitions.setStatus(verified, 'document'),
    { customer: { ...verified, status: 'document' }, topics: ['customer_verification_document_needed'] },
    'verified → document',
  )
  const deactivated = transitions.setStatus(verified, 'deactivated')
  t.same(deactivated.customer.statusBeforeDeactivation, 'verified', 'deactivating remembers the status')
  t.same(
    transitions.setStatus(deactivated.customer, 'verified'),
    { customer: verified, topics: ['customer_activated', 'customer_verified'] },
    'leaving deactivated: activated, then the status',
  )
  t.same(
    transitions.setStatus(transitions.setStatus(verified, 'suspended').customer, 'deactivated').topics,
    ['customer_deactivated'],
    'suspended → deactivated is not an activation',
  )
  t.same(transitions.setStatus(verified, 'verified'), { customer: verified, topics: [] }, 'the same status: nothing')
  t.throws(() => transitions.setStatus(verified, 'unverified'), RangeError, 'a personal customer is never unverified')
  t.throws(() => transitions.setStatus(create(LLC).customer, 'kba'), RangeError, 'a business is never kba')
  const unverified: Customer = create(UNVERIFIED).customer
  t.same(transitions.setStatus(unverified, 'suspended').topics, ['customer_suspended'], 'an unverified customer can be suspended')
})
