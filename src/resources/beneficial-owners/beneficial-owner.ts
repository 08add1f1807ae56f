/**
 * A business's beneficial owner as mock-dwolla keeps it: plain data, no HTTP. The fields and
 * statuses follow Dwolla's beneficial-owner resource (dev-portal beneficial-owners/*.mdx) and the
 * `dwolla` SDK's schema (src/models/beneficialowner.ts), which requires `created` and an address
 * with address1, city, stateProvinceRegion and country on every owner.
 */

export const OWNER_STATUSES = ['verified', 'document', 'incomplete'] as const
export type OwnerStatus = (typeof OWNER_STATUSES)[number]

/** An owner's address: international, as the controller's. */
export interface OwnerAddress {
  address1: string
  address2?: string
  address3?: string
  city: string
  stateProvinceRegion: string
  postalCode?: string
  country: string
}

/** What an owner request gives that Dwolla answers back: never ssn, dateOfBirth or passport. */
export interface OwnerFields {
  firstName: string
  lastName: string
  address: OwnerAddress
}

export interface BeneficialOwner extends OwnerFields {
  /** A lowercase UUID. */
  id: string
  /** The business customer it belongs to. */
  customerId: string
  verificationStatus: OwnerStatus
  /** When it was created, in milliseconds by the mock's clock. */
  created: number
  /** Whether its one update (from `incomplete`) has been used. */
  retried?: boolean
}

/** The certification of a business's beneficial ownership (certify-beneficial-ownership.mdx). */
export const OWNERSHIP_STATUSES = ['uncertified', 'certified', 'recertify'] as const
export type OwnershipStatus = (typeof OWNERSHIP_STATUSES)[number]
