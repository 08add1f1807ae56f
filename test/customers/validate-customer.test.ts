import t from 'tap'
import { CustomerProblems } from '../../src/resources/customers/customer-problems.js'
import { readCustomerDraft, readInformationUpdate } from '../../src/resources/customers/validate-customer.js'
import type { Customer } from '../../src/resources/customers/customer.js'
import { CONTROLLER, LLC, NOW, PERSONAL, RECEIVE_ONLY, SOLE_PROPRIETORSHIP, UNVERIFIED } from './fields.js'

const context = { now: NOW }

/** The problems a body has, as [code, message, path] triples; [] when it is valid. */
function problemsOf(body: unknown, options?: { fullSsn?: boolean }): Array<[string, string, string]> {
  try {
    readCustomerDraft(body, context, options)
    return []
  } catch (error) {
    if (!(error instanceof CustomerProblems)) throw error
    return error.problems.map(({ code, message, path }) => [code, message, path])
  }
}

t.test('every kind of customer Dwolla documents is accepted, keeping only what Dwolla returns', async (t) => {
  t.same(readCustomerDraft({ ...UNVERIFIED }, context), { type: 'unverified', fields: UNVERIFIED }, 'unverified: no type')
  t.same(readCustomerDraft({ ...UNVERIFIED, type: 'unverified' }, context).type, 'unverified', "unverified: type 'unverified' (the dwolla SDK requires it)")
  t.same(readCustomerDraft(RECEIVE_ONLY, context), { type: 'receive-only', fields: { ...UNVERIFIED, businessName: 'Jane Corp' } }, 'receive-only')
  const personal = readCustomerDraft(PERSONAL, context)
  t.same(
    personal.fields,
    { ...UNVERIFIED, address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101' },
    'personal: no ssn or dateOfBirth kept',
  )
  const sole = readCustomerDraft(SOLE_PROPRIETORSHIP, context)
  t.equal(sole.fields.businessType, 'soleProprietorship', 'sole proprietorship')
  t.notOk('controller' in sole.fields, 'a sole proprietorship has no controller')
  const llc = readCustomerDraft(LLC, context)
  t.same(
    llc.fields.controller,
    { firstName: 'John', lastName: 'Controller', title: 'CEO', address: CONTROLLER.address },
    'llc: the controller without its ssn or dateOfBirth',
  )
  t.notOk('ein' in llc.fields, 'no ein kept')
  for (const businessType of ['corporation', 'partnership']) {
    t.equal(readCustomerDraft({ ...LLC, businessType }, context).fields.businessType, businessType, `${businessType} with a controller`)
  }
  const passport = {
    ...CONTROLLER,
    ssn: undefined,
    passport: { number: 'A1234567', country: 'GB' },
    address: { ...CONTROLLER.address, country: 'GB', postalCode: undefined },
  }
  t.same(problemsOf({ ...LLC, controller: passport }), [], 'a non-US controller with a passport instead of an ssn')
  t.same(problemsOf({ ...UNVERIFIED, firstName: 'Jane', extra: 'ignored', _links: {} }), [], 'fields Dwolla does not know are ignored')
})

t.test('the sandbox is lenient: hyphens in ssn and ein, any US state with any ZIP, 9-digit ssn', async (t) => {
  t.same(problemsOf({ ...PERSONAL, ssn: '123-45-6789' }), [], 'ssn with hyphens (update.mdx retry example)')
  t.same(problemsOf({ ...PERSONAL, ssn: '123456789' }), [], '9-digit ssn')
  t.same(problemsOf({ ...LLC, ein: '00-0000000' }), [], 'ein with a hyphen (spec example)')
  t.same(problemsOf({ ...PERSONAL, state: 'OR', postalCode: '32817' }), [], 'a state and ZIP that do not match')
  t.same(problemsOf({ ...PERSONAL, postalCode: '11101-1234' }), [], 'ZIP+4')
  t.same(problemsOf({ ...PERSONAL, phone: '(555) 432-1234' }), [], 'a phone with separators')
  t.equal(readCustomerDraft({ ...PERSONAL, phone: '(555) 432-1234' }, context).fields.phone, '5554321234', 'kept as its ten digits')
})

t.test('required fields per kind: "<Field> required." at the field', async (t) => {
  t.same(
    problemsOf({}),
    [
      ['Required', 'FirstName required.', '/firstName'],
      ['Required', 'LastName required.', '/lastName'],
      ['Required', 'Email required.', '/email'],
    ],
    'unverified: the names and email',
  )
  t.same(
    problemsOf({ type: 'personal', firstName: 'Jane', lastName: '  ', email: 'jane@example.com' }),
    [
      ['Required', 'LastName required.', '/lastName'],
      ['Required', 'Address1 required.', '/address1'],
      ['Required', 'City required.', '/city'],
      ['Required', 'State required.', '/state'],
      ['Required', 'PostalCode required.', '/postalCode'],
      ['Required', 'DateOfBirth required.', '/dateOfBirth'],
      ['Required', 'Ssn required.', '/ssn'],
    ],
    'personal: address, dateOfBirth and ssn; a blank value is missing',
  )
  const { businessName: _n, businessType: _t, businessClassification: _c, ...noBusiness } = LLC
  t.same(
    problemsOf(noBusiness),
    [
      ['Required', 'BusinessName required.', '/businessName'],
      ['Required', 'BusinessType required.', '/businessType'],
      ['Required', 'BusinessClassification required.', '/businessClassification'],
    ],
    'business: name, type and classification',
  )
  const { ein: _e, controller: _ctl, ...noController } = LLC
  t.same(
    problemsOf(noController),
    [
      ['Required', 'Ein required.', '/ein'],
      ['Required', 'Controller required.', '/controller'],
    ],
    'llc: ein and controller',
  )
  const { dateOfBirth: _d, ssn: _s, ...soleWithout } = SOLE_PROPRIETORSHIP
  t.same(
    problemsOf({ ...soleWithout, ein: undefined }),
    [
      ['Required', 'DateOfBirth required.', '/dateOfBirth'],
      ['Required', 'Ssn required.', '/ssn'],
    ],
    'sole proprietorship: its owner dateOfBirth and ssn; no ein needed',
  )
  t.same(
    problemsOf({ ...LLC, controller: { address: {} } }),
    [
      ['Required', 'Controller.FirstName required.', '/controller/firstName'],
      ['Required', 'Controller.LastName required.', '/controller/lastName'],
      ['Required', 'Controller.Title required.', '/controller/title'],
      ['Required', 'Controller.DateOfBirth required.', '/controller/dateOfBirth'],
      ['Required', 'Controller.Address.Country required.', '/controller/address/country'],
      ['Required', 'Controller.Address.Address1 required.', '/controller/address/address1'],
      ['Required', 'Controller.Address.City required.', '/controller/address/city'],
      ['Required', 'Controller.Address.StateProvinceRegion required.', '/controller/address/stateProvinceRegion'],
      ['Required', 'Controller.Ssn required.', '/controller/ssn'],
    ],
    'the controller, field by field',
  )
  t.same(
    problemsOf({ ...LLC, controller: { ...CONTROLLER, address: { ...CONTROLLER.address, postalCode: undefined } } }),
    [['Required', 'Controller.Address.PostalCode required.', '/controller/address/postalCode']],
    'a US controller address needs a postal code',
  )
})

t.test('formats: "<Field> invalid." with InvalidFormat, wrong types with Invalid', async (t) => {
  const cases: Array<[string, Record<string, unknown>, Array<[string, string, string]>]> = [
    ['email', { ...UNVERIFIED, email: 'not-an-email' }, [['InvalidFormat', 'Email invalid.', '/email']]],
    ['a name with a forbidden character', { ...UNVERIFIED, firstName: 'Jane<script>' }, [['InvalidFormat', 'FirstName invalid.', '/firstName']]],
    ['a name over 50 characters', { ...UNVERIFIED, lastName: 'x'.repeat(51) }, [['InvalidFormat', 'LastName invalid.', '/lastName']]],
    ['a number for a name', { ...UNVERIFIED, firstName: 42 }, [['Invalid', 'FirstName invalid.', '/firstName']]],
    ['an unknown type', { ...UNVERIFIED, type: 'premium' }, [['Invalid', 'Type invalid.', '/type']]],
    ['a PO Box', { ...PERSONAL, address1: 'P.O. Box 123' }, [['InvalidFormat', 'Address1 invalid.', '/address1']]],
    ['a state that is not a US code', { ...PERSONAL, state: 'Iowa' }, [['InvalidFormat', 'State invalid.', '/state']]],
    ['a postal code of 4 digits', { ...PERSONAL, postalCode: '5030' }, [['InvalidFormat', 'PostalCode invalid.', '/postalCode']]],
    ['an ssn of 5 digits', { ...PERSONAL, ssn: '12345' }, [['InvalidFormat', 'Ssn invalid.', '/ssn']]],
    ['an ssn with letters', { ...PERSONAL, ssn: '12a4' }, [['InvalidFormat', 'Ssn invalid.', '/ssn']]],
    ['a date of birth not in YYYY-MM-DD', { ...PERSONAL, dateOfBirth: '01/02/1970' }, [['InvalidFormat', 'DateOfBirth invalid.', '/dateOfBirth']]],
    ['a date that does not exist', { ...PERSONAL, dateOfBirth: '1970-02-30' }, [['InvalidFormat', 'DateOfBirth invalid.', '/dateOfBirth']]],
    ['under 18', { ...PERSONAL, dateOfBirth: '2010-01-01' }, [['NotAllowed', 'DateOfBirth value not allowed.', '/dateOfBirth']]],
    ['over 125', { ...PERSONAL, dateOfBirth: '1900-01-01' }, [['NotAllowed', 'DateOfBirth value not allowed.', '/dateOfBirth']]],
    ['a phone of 9 digits', { ...PERSONAL, phone: '555123456' }, [['InvalidFormat', 'Phone invalid.', '/phone']]],
    ['an ip address', { ...PERSONAL, ipAddress: '300.1.1.1' }, [['InvalidFormat', 'IpAddress invalid.', '/ipAddress']]],
    ['a correlationId with a space', { ...UNVERIFIED, correlationId: 'a b' }, [['InvalidFormat', 'CorrelationId invalid.', '/correlationId']]],
    ['an ein of 8 digits', { ...LLC, ein: '12-345678' }, [['InvalidFormat', 'Ein invalid.', '/ein']]],
    ['an unknown business type', { ...LLC, businessType: 'cooperative' }, [['Invalid', 'BusinessType invalid.', '/businessType']]],
    [
      'a classification not in the catalogue',
      { ...LLC, businessClassification: '00000000-0000-4000-8000-000000000000' },
      [['Invalid', 'BusinessClassification invalid.', '/businessClassification']],
    ],
    [
      'a business classification, not an industry one',
      { ...LLC, businessClassification: '9ed3f669-7d6f-11e3-b545-5404a6144203' },
      [['Invalid', 'BusinessClassification invalid.', '/businessClassification']],
    ],
    ['a controller that is a string', { ...LLC, controller: 'John' }, [['Invalid', 'Controller invalid.', '/controller']]],
    [
      'a controller country of 3 letters',
      { ...LLC, controller: { ...CONTROLLER, address: { ...CONTROLLER.address, country: 'USA' } } },
      [['InvalidFormat', 'Controller.Address.Country invalid.', '/controller/address/country']],
    ],
    [
      'a passport number with symbols',
      { ...LLC, controller: { ...CONTROLLER, ssn: undefined, passport: { number: '#1', country: 'GB' } } },
      [['InvalidFormat', 'Controller.Passport.Number invalid.', '/controller/passport/number']],
    ],
  ]
  for (const [name, body, expected] of cases) t.same(problemsOf(body), expected, name)
  t.same(problemsOf({ ...PERSONAL, ssn: '1234' }, { fullSsn: true }), [['InvalidFormat', 'Ssn invalid.', '/ssn']], 'a retry needs all nine digits')
  t.same(problemsOf({ ...PERSONAL, ssn: '123-45-6789' }, { fullSsn: true }), [], 'nine digits with hyphens will do')
  t.same(
    problemsOf({ ...UNVERIFIED, email: 'x', firstName: '' }),
    [
      ['Required', 'FirstName required.', '/firstName'],
      ['InvalidFormat', 'Email invalid.', '/email'],
    ],
    'every problem at once, in field order',
  )
})

t.test('the age rule uses the clock it is given', async (t) => {
  const birthday = '2008-06-15'
  t.same(problemsOf({ ...PERSONAL, dateOfBirth: birthday }), [], '18 today')
  const dayBefore = { now: Date.parse('2026-06-14T23:59:59.000Z') }
  t.throws(() => readCustomerDraft({ ...PERSONAL, dateOfBirth: birthday }, dayBefore), CustomerProblems, '17 the day before')
})

t.test('information updates: only the fields the type may change', async (t) => {
  const verified: Customer = {
    id: 'c',
    type: 'personal',
    status: 'verified',
    created: NOW,
    ...UNVERIFIED,
    address1: 'a',
    city: 'b',
    state: 'IA',
    postalCode: '50309',
  }
  t.same(
    readInformationUpdate(verified, { email: 'new@example.com', address1: '1 New St', phone: '', ipAddress: '10.0.0.1' }, context),
    {
      changes: { email: 'new@example.com', address1: '1 New St' },
      removed: ['phone'],
    },
    'a verified personal customer: email and address; "" removes an optional field; ipAddress is checked, not kept',
  )
  const refused = t.throws(() => readInformationUpdate(verified, { firstName: 'June', ssn: '1234', email: 'bad' }, context)) as CustomerProblems
  t.same(
    refused.problems.map(({ code, message, path }) => [code, message, path]),
    [
      ['ReadOnly', 'FirstName cannot be updated.', '/firstName'],
      ['ReadOnly', 'Ssn cannot be updated.', '/ssn'],
      ['InvalidFormat', 'Email invalid.', '/email'],
    ],
    "a verified customer's name and ssn are read-only",
  )
  const unverified: Customer = { id: 'u', type: 'unverified', status: 'unverified', created: NOW, ...UNVERIFIED, businessName: 'Old' }
  t.same(
    readInformationUpdate(unverified, { firstName: 'June', businessName: '' }, context),
    { changes: { firstName: 'June' }, removed: ['businessName'] },
    'an unverified customer may change its names',
  )
  const required = t.throws(() => readInformationUpdate(unverified, { email: '' }, context)) as CustomerProblems
  t.same(
    required.problems.map(({ code, path }) => [code, path]),
    [['Required', '/email']],
    'a required field cannot be removed',
  )
  const business: Customer = {
    ...verified,
    type: 'business',
    businessName: 'Jane Corp',
    businessType: 'llc',
    businessClassification: LLC.businessClassification,
  }
  t.same(
    readInformationUpdate(business, { doingBusinessAs: "Jane's", website: 'https://jane.example' }, context).changes,
    { doingBusinessAs: "Jane's", website: 'https://jane.example' },
    'a business may change doingBusinessAs and website',
  )
})
