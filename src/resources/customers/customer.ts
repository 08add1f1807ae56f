/**
 * A Dwolla Customer as mock-dwolla keeps it: plain data, no HTTP. The kinds, statuses and fields
 * follow Dwolla's Customers API (dev-portal customers/index.mdx, create.mdx) and the response
 * schemas of the `dwolla` SDK (src/models/*customer.ts), which is what must accept them.
 */

export const CUSTOMER_TYPES = ['unverified', 'receive-only', 'personal', 'business'] as const
export type CustomerType = (typeof CUSTOMER_TYPES)[number]

export const CUSTOMER_STATUSES = ['unverified', 'retry', 'kba', 'document', 'verified', 'suspended', 'deactivated'] as const
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]

export const BUSINESS_TYPES = ['soleProprietorship', 'llc', 'corporation', 'partnership'] as const
export type BusinessType = (typeof BUSINESS_TYPES)[number]

/**
 * The statuses each type can be in: the closed enums of the `dwolla` SDK's response schemas
 * (kba is personal only; unverified and receive-only customers are never verified).
 */
export const STATUSES_BY_TYPE: Readonly<Record<CustomerType, readonly CustomerStatus[]>> = {
  unverified: ['unverified', 'suspended', 'deactivated'],
  'receive-only': ['unverified', 'suspended', 'deactivated'],
  personal: ['verified', 'retry', 'kba', 'document', 'suspended', 'deactivated'],
  business: ['verified', 'retry', 'document', 'suspended', 'deactivated'],
}

/** The controller's address: international, so the state is `stateProvinceRegion`. */
export interface ControllerAddress {
  address1: string
  address2?: string
  address3?: string
  city: string
  stateProvinceRegion: string
  postalCode?: string
  country: string
}

/** The controller of an llc, corporation or partnership (never a sole proprietorship). */
export interface Controller {
  firstName: string
  lastName: string
  title: string
  address: ControllerAddress
}

/**
 * What Dwolla returns about a customer. Never ssn, dateOfBirth, ein, passport or ipAddress:
 * Dwolla never returns them, so mock-dwolla checks them on the way in and keeps none of them.
 */
export interface CustomerFields {
  firstName: string
  lastName: string
  email: string
  businessName?: string
  correlationId?: string
  phone?: string
  address1?: string
  address2?: string
  city?: string
  state?: string
  postalCode?: string
  website?: string
  doingBusinessAs?: string
  businessType?: BusinessType
  businessClassification?: string
  controller?: Controller
}

export interface Customer extends CustomerFields {
  /** A lowercase UUID, as Dwolla writes them. */
  id: string
  type: CustomerType
  status: CustomerStatus
  /** When it was created, in milliseconds by the mock's clock. */
  created: number
  /** The status it had before it was deactivated: reactivation returns to it. */
  statusBeforeDeactivation?: CustomerStatus
  /** Whether its one verification retry has been used. */
  retried?: boolean
}

/** Personal and business customers are the verified types: they go through identity verification. */
export function isVerifiedType(type: CustomerType): type is 'personal' | 'business' {
  return type === 'personal' || type === 'business'
}
