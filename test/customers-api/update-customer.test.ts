import t from 'tap'
import { DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { PERSONAL, RECEIVE_ONLY, UNVERIFIED } from '../customers/fields.js'
import { createCustomerVia, SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const conflict = { code: 'InvalidResourceState', message: DWOLLA_ERRORS.InvalidResourceState.message }

t.test('deactivate, reactivate, suspend: 200 with the customer as it now is', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const url = `/customers/${SEEDED.personalVerified}`
  const deactivated = await apiRequest(app, 'POST', url, { token, body: { status: 'deactivated' } })
  t.same(
    [deactivated.statusCode, deactivated.json().status, Object.keys(deactivated.json()._links)],
    [200, 'deactivated', ['self', 'reactivate']],
    'deactivated, with a reactivate link',
  )
  const twice = await apiRequest(app, 'POST', url, { token, body: { status: 'deactivated' } })
  t.same([twice.statusCode, twice.json()], [403, conflict], 'again: 403 InvalidResourceState')
  const reactivated = await apiRequest(app, 'POST', url, { token, body: { status: 'reactivated' } })
  t.same([reactivated.statusCode, reactivated.json().status], [200, 'verified'], 'reactivated: back to verified')
  const suspended = await apiRequest(app, 'POST', url, { token, body: { status: 'suspended' } })
  t.same(suspended.json().status, 'suspended', 'suspended')
  const stuck = await apiRequest(app, 'POST', url, { token, body: { status: 'deactivated' } })
  t.same([stuck.statusCode, stuck.json()], [403, conflict], 'a suspended customer cannot be deactivated')
  const unknown = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}`, { token, body: { status: 'closed' } })
  t.same(
    [unknown.statusCode, unknown.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: 'Status invalid.', path: '/status', _links: {} }]],
    'an unknown status: 400 at /status',
  )
})

t.test('information updates per type, and the statuses that refuse them', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const updated = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}`, {
    token,
    body: { email: 'jane.new@example.com', address2: 'Apt 4', phone: '5554321234' },
  })
  t.same(
    [updated.statusCode, updated.json().email, updated.json().address2, updated.json().phone],
    [200, 'jane.new@example.com', 'Apt 4', '5554321234'],
    'a verified customer changes its email and address',
  )
  const readOnly = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}`, { token, body: { firstName: 'June' } })
  t.same(
    readOnly.json(),
    {
      code: 'ValidationError',
      message: DWOLLA_ERRORS.ValidationError.message,
      _embedded: { errors: [{ code: 'ReadOnly', message: 'FirstName cannot be updated.', path: '/firstName', _links: {} }] },
    },
    "a verified customer's name is read-only: 400",
  )
  const unverified = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}`, { token, body: { firstName: 'Una', businessName: 'Una Co' } })
  t.same([unverified.json().firstName, unverified.json().businessName], ['Una', 'Una Co'], 'an unverified customer changes its names')
  for (const [status, id] of [
    ['document', SEEDED.personalDocument],
    ['suspended', SEEDED.personalSuspended],
    ['deactivated', SEEDED.personalDeactivated],
  ] as const) {
    const refused = await apiRequest(app, 'POST', `/customers/${id}`, { token, body: { email: 'x@example.com' } })
    t.same([refused.statusCode, refused.json()], [403, conflict], `${status}: 403 InvalidResourceState`)
  }
  const taken = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}`, { token, body: { email: 'personal.kba@example.com' } })
  t.equal(taken.json()._embedded.errors[0].code, 'Duplicate', 'a taken email is a Duplicate on update too')
})

t.test('upgrades and the retry', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const receiveOnly = await createCustomerVia(app, token, RECEIVE_ONLY)
  const toUnverified = await apiRequest(app, 'POST', `/customers/${receiveOnly}`, { token, body: { type: 'unverified' } })
  t.same([toUnverified.json().type, toUnverified.json().status], ['unverified', 'unverified'], 'receive-only → unverified')
  const unverified = await createCustomerVia(app, token, { ...UNVERIFIED, email: 'up@example.com' })
  const toPersonal = await apiRequest(app, 'POST', `/customers/${unverified}`, { token, body: { ...PERSONAL, email: 'up@example.com', firstName: 'kba' } })
  t.same([toPersonal.json().type, toPersonal.json().status], ['personal', 'kba'], 'unverified → personal, magic values included')
  const tagged = await createCustomerVia(app, token, { ...UNVERIFIED, email: 'tagged@example.com', correlationId: 'order-7', phone: '555-432-1234' })
  const upgraded = await apiRequest(app, 'POST', `/customers/${tagged}`, { token, body: { ...PERSONAL, email: 'tagged@example.com' } })
  t.same(
    [upgraded.json().type, upgraded.json().correlationId, upgraded.json().phone],
    ['personal', 'order-7', '5554321234'],
    'an upgrade keeps the correlationId and phone its body leaves out (issue 27 #10)',
  )
  const retried = await apiRequest(app, 'POST', `/customers/${SEEDED.personalRetry}`, {
    token,
    body: { ...PERSONAL, email: 'personal.retry@example.com', firstName: 'Rita', ssn: '123-45-6789' },
  })
  t.same(
    [retried.statusCode, retried.json().status, 'retry-verification' in retried.json()._links],
    [200, 'verified', false],
    'a retry with the full SSN: verified',
  )
  const again = await apiRequest(app, 'POST', `/customers/${SEEDED.personalRetry}`, {
    token,
    body: { ...PERSONAL, email: 'personal.retry@example.com', ssn: '123456789' },
  })
  t.same([again.statusCode, again.json()], [403, conflict], 'a second retry: 403 InvalidResourceState ("If you try more than once")')
  const notInRetry = await apiRequest(app, 'POST', `/customers/${SEEDED.personalKba}`, {
    token,
    body: { ...PERSONAL, email: 'personal.kba@example.com', ssn: '123456789' },
  })
  t.same([notInRetry.statusCode, notInRetry.json()], [403, conflict], 'a retry outside retry: 403 ("or Customer is not in retry state")')
  const noRetryLeft = await apiRequest(app, 'POST', `/customers/${SEEDED.personalRetry}`, { token, body: { status: 'deactivated' } })
  t.equal(noRetryLeft.statusCode, 200, 'and can be deactivated')
  const upgradeVerified = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}`, { token, body: { type: 'business' } })
  t.same([upgradeVerified.statusCode, upgradeVerified.json()], [403, conflict], 'a personal customer cannot become a business: 403')
})

t.test('404 before the body, and the body must be a JSON object', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const missing = await apiRequest(app, 'POST', '/customers/99999999-9999-4999-8999-999999999999', { token, payload: '"deactivated"' })
  t.same([missing.statusCode, missing.json()], [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.customer }], 'unknown customer: 404, whatever the body')
  const bad = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}`, { token, payload: '"deactivated"' })
  t.same([bad.statusCode, bad.json()], [400, { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }], 'a JSON string: 400 BadRequest')
  const other = await apiRequest(app, 'POST', `/customers/${await createCustomerVia(app, token, UNVERIFIED)}`, {
    token: await accessTokenFor(app, 'other-app'),
    body: { status: 'deactivated' },
  })
  t.equal(other.statusCode, 404, "another application's customer cannot be changed: 404")
})
