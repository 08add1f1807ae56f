import type { CustomerFields, CustomerStatus, CustomerType } from './customer.js'

/**
 * Dwolla's sandbox test values (dev-portal balance/testing/customers.mdx): a verified customer
 * created with one of these names starts in that status instead of `verified`. Personal
 * customers use `firstName`; business customers use `businessName` (retry, document) and the
 * controller's `firstName` (retry, document, suspended). Compared case-insensitively, since
 * Dwolla's drop-in examples pre-fill "Retry" (inferred: the docs only show lowercase).
 */
const PERSONAL_VALUES: readonly CustomerStatus[] = ['verified', 'retry', 'kba', 'document', 'suspended']
const BUSINESS_NAME_VALUES: readonly CustomerStatus[] = ['retry', 'document']
const CONTROLLER_VALUES: readonly CustomerStatus[] = ['retry', 'document', 'suspended']

function magic(value: string | undefined, allowed: readonly CustomerStatus[]): CustomerStatus | undefined {
  const normalized = value?.trim().toLowerCase()
  return allowed.find((status) => status === normalized)
}

/**
 * The status a customer starts in. Unverified and receive-only customers have no test values:
 * they are always `unverified`. A verified kind with ordinary data is `verified`, as in the
 * sandbox. For a business, the most severe value wins: suspended, then document, then retry.
 * A sole proprietorship has no controller: its own `firstName` plays that part (inferred).
 */
export function statusFromMagicValues(type: CustomerType, fields: CustomerFields): CustomerStatus {
  if (type === 'unverified' || type === 'receive-only') return 'unverified'
  if (type === 'personal') return magic(fields.firstName, PERSONAL_VALUES) ?? 'verified'
  const person = fields.businessType === 'soleProprietorship' ? fields.firstName : fields.controller?.firstName
  const found = [magic(person, CONTROLLER_VALUES), magic(fields.businessName, BUSINESS_NAME_VALUES)]
  for (const status of ['suspended', 'document', 'retry'] as const) if (found.includes(status)) return status
  return 'verified'
}

/**
 * Where a retry leads: the test values decide again, except that asking for another retry
 * fails the retry, which Dwolla answers by moving the customer to `document` (update.mdx).
 */
export function statusAfterRetry(type: CustomerType, fields: CustomerFields): CustomerStatus {
  const status = statusFromMagicValues(type, fields)
  return status === 'retry' ? 'document' : status
}

/** Which of a business's names asked for a document: it decides the links Dwolla answers with. */
export function documentRequestedFor(fields: CustomerFields): { controller: boolean; business: boolean } {
  const person = fields.businessType === 'soleProprietorship' ? fields.firstName : fields.controller?.firstName
  return { controller: magic(person, ['document']) !== undefined, business: magic(fields.businessName, ['document']) !== undefined }
}

/** Whether the controller (not the business) asked for a retry: Dwolla then adds retry-with-full-ssn. */
export function controllerRetryRequested(fields: CustomerFields): boolean {
  return fields.businessType !== 'soleProprietorship' && magic(fields.controller?.firstName, ['retry']) !== undefined
}
