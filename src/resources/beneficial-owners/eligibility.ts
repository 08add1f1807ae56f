import type { Customer } from '../customers/index.js'

/**
 * Which customers have beneficial owners and certify them: businesses of type `llc`,
 * `corporation` or `partnership` (business-verified-customer/index.mdx); sole proprietorships,
 * personal and unverified customers have none.
 */
export function hasBeneficialOwnership(customer: Customer): boolean {
  return customer.type === 'business' && customer.businessType !== undefined && customer.businessType !== 'soleProprietorship'
}

/** A suspended or deactivated business may not change its owners (business FAQ). */
export function mayChangeOwners(customer: Customer): boolean {
  return hasBeneficialOwnership(customer) && customer.status !== 'suspended' && customer.status !== 'deactivated'
}
