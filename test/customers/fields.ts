/** Request bodies for each kind of customer, valid as Dwolla's docs show them (create.mdx). */
import { CONTROLLER } from '../helpers/customers.js'

export { CONTROLLER }

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
