import { DwollaError } from '../../errors.js'
import { accountIdFor } from '../accounts/index.js'
import type { Customer } from '../customers/index.js'
import type { Owner } from './funding-source.js'
import type { Adder } from './read-create-request.js'
import type { OwnerView } from './representation.js'

/** Whether a customer has (or is owed) a balance: a Verified Customer once verified (customer-types.mdx). */
export function hasBalance(customer: Customer): boolean {
  return (customer.type === 'personal' || customer.type === 'business') && customer.status === 'verified'
}

/**
 * "Deactivated and suspended customers cannot add or verify funding sources" (dev-portal
 * customer FAQs): `403 InvalidResourceState "Resource cannot be modified."`, as for their own
 * updates. Customers in retry, kba or document may (inferred for kba).
 */
export function requireModifiable(customer: Customer | undefined): void {
  if (customer !== undefined && (customer.status === 'suspended' || customer.status === 'deactivated')) throw new DwollaError('InvalidResourceState')
}

export function customerOwner(customer: Customer): Owner {
  return { kind: 'customer', customerId: customer.id }
}

/** Who is adding (or changing) a funding source, for the checks that depend on it. */
export function adderOf(customer: Customer | undefined, balance: boolean): Adder {
  return customer === undefined ? { kind: 'account' } : { kind: 'customer', customerType: customer.type, balance }
}

/** The owner as a funding source's links need it. */
export function ownerViewOf(clientId: string, customer: Customer | undefined): OwnerView {
  return customer === undefined ? { kind: 'account', accountId: accountIdFor(clientId) } : { kind: 'customer', customerType: customer.type }
}
