/** Request bodies for each kind of customer, valid as Dwolla's docs show them (create.mdx). */

export const ADDRESS = { address1: '99-99 33rd St', city: 'Some City', state: 'NY', postalCode: '11101' }

export const UNVERIFIED = { firstName: 'Jane', lastName: 'Merchant', email: 'jane@example.com' }

export const RECEIVE_ONLY = { ...UNVERIFIED, type: 'receive-only', businessName: 'Jane Corp' }

export const PERSONAL = {
  ...UNVERIFIED,
  type: 'personal',
  ...ADDRESS,
  dateOfBirth: '1970-01-01',
  ssn: '1234',
}

export const CONTROLLER = {
  firstName: 'John',
  lastName: 'Controller',
  title: 'CEO',
  dateOfBirth: '1980-01-31',
  ssn: '1234',
  address: { address1: '1749 18th st', address2: 'apt 12', city: 'Des Moines', stateProvinceRegion: 'IA', postalCode: '50266', country: 'US' },
}

export const SOLE_PROPRIETORSHIP = {
  ...PERSONAL,
  type: 'business',
  businessName: 'Jane Coffee',
  businessType: 'soleProprietorship',
  businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203',
}

export const LLC = {
  ...UNVERIFIED,
  type: 'business',
  ...ADDRESS,
  businessName: 'Jane Corp',
  businessType: 'llc',
  businessClassification: '9ed38155-7d6f-11e3-83c3-5404a6144203',
  ein: '12-3456789',
  controller: CONTROLLER,
}

/** 2026-06-15T12:00:00Z: the clock the unit tests run on. */
export const NOW = Date.parse('2026-06-15T12:00:00.000Z')
