import { DwollaError } from '../../errors.js'
import { isVerifiedType, STATUSES_BY_TYPE, type Customer, type CustomerStatus } from './customer.js'
import { topicForStatus, type CustomerTopic } from './customer-events.js'
import { CustomerProblems, problemAt } from './customer-problems.js'
import { statusAfterRetry, statusFromMagicValues } from './magic-values.js'
import { readCustomerDraft, readInformationUpdate, type CheckContext } from './validate-customer.js'

/**
 * A customer's life as plain functions: each takes a customer (and a request body) and returns
 * the customer it becomes with the webhook topics that change raises, or throws. Nothing here
 * stores anything; the store applies the result. State conflicts are Dwolla's
 * `403 InvalidResourceState "Resource cannot be modified."` (update.mdx); field problems are
 * CustomerProblems (a ValidationError once rendered).
 */
export interface Transition {
  customer: Customer
  topics: CustomerTopic[]
}

function conflict(): DwollaError {
  return new DwollaError('InvalidResourceState')
}

/** What a verified kind raises on entering its status (nothing for unverified). */
function statusTopics(status: CustomerStatus): CustomerTopic[] {
  const topic = topicForStatus(status)
  return topic === undefined ? [] : [topic]
}

/**
 * A new customer from a create body. Verified kinds start in the status the sandbox's test
 * values give (verified with ordinary data) and raise `customer_created`, then that status's
 * topic (the order is inferred: Dwolla documents both, not their order).
 */
export function createCustomer(id: string, body: unknown, context: CheckContext): Transition {
  const { type, fields } = readCustomerDraft(body, context)
  const status = statusFromMagicValues(type, fields)
  const customer: Customer = { id, type, status, created: context.now, ...fields }
  return { customer, topics: ['customer_created', ...(isVerifiedType(type) ? statusTopics(status) : [])] }
}

/**
 * POST /customers/{id}: what the body asks decides the transition.
 * `status` → deactivate, reactivate or suspend; a different `type` → an upgrade; a customer in
 * `retry` sent its personal details again → the retry; anything else → an information update.
 */
export function updateCustomer(customer: Customer, body: unknown, context: CheckContext): Transition {
  const source = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  if (Object.hasOwn(source, 'status')) return changeStatus(customer, source.status)
  if (Object.hasOwn(source, 'type') && source.type !== customer.type) return upgrade(customer, body, context)
  if (isVerifiedType(customer.type) && isRetryBody(source, customer.status)) return retry(customer, body, context)
  return updateInformation(customer, body, context)
}

function changeStatus(customer: Customer, requested: unknown): Transition {
  switch (requested) {
    case 'deactivated':
      return deactivate(customer)
    case 'reactivated':
      return reactivate(customer)
    case 'suspended':
      return suspend(customer)
    default:
      // Only the three documented values; anything else is a field problem (inferred).
      throw new CustomerProblems([problemAt('/status', 'Invalid')])
  }
}

/** "A Customer cannot be deactivated if … suspended" (update.mdx); deactivating twice is a conflict too (inferred). */
export function deactivate(customer: Customer): Transition {
  if (customer.status === 'suspended' || customer.status === 'deactivated') throw conflict()
  return {
    customer: { ...customer, status: 'deactivated', statusBeforeDeactivation: customer.status },
    topics: ['customer_deactivated'],
  }
}

/** "Moved to the status they were in prior to being deactivated" (update.mdx). */
export function reactivate(customer: Customer): Transition {
  if (customer.status !== 'deactivated') throw conflict()
  const { statusBeforeDeactivation, ...rest } = customer
  const status = statusBeforeDeactivation ?? (isVerifiedType(customer.type) ? 'verified' : 'unverified')
  return { customer: { ...rest, status }, topics: ['customer_activated'] }
}

/** "Unverified and Verified Customers can be suspended"; a deactivated or suspended one cannot (inferred). */
export function suspend(customer: Customer): Transition {
  if (customer.status === 'suspended' || customer.status === 'deactivated') throw conflict()
  return { customer: { ...customer, status: 'suspended' }, topics: ['customer_suspended'] }
}

/** A suspended or deactivated customer changes no further until reactivated (inferred for deactivated). */
function requireActive(customer: Customer): void {
  if (customer.status === 'suspended' || customer.status === 'deactivated') throw conflict()
}

/**
 * The documented upgrades only: receive-only → unverified (`{"type":"unverified"}`), and
 * unverified → personal or business with the full verified body, whose test values then decide
 * the status. Every other change of type is a conflict (inferred).
 */
function upgrade(customer: Customer, body: unknown, context: CheckContext): Transition {
  requireActive(customer)
  if (customer.type === 'receive-only' && (body as { type: unknown }).type === 'unverified') {
    const { customer: updated } = updateInformation(customer, withoutType(body), context)
    return { customer: { ...updated, type: 'unverified' }, topics: [] }
  }
  const target = (body as { type: unknown }).type
  if (customer.type !== 'unverified' || (target !== 'personal' && target !== 'business')) throw conflict()
  const { type, fields } = readCustomerDraft(body, context)
  const status = statusFromMagicValues(type, fields)
  return { customer: { ...keepIdentity(customer), ...fields, type, status }, topics: statusTopics(status) }
}

function withoutType(body: unknown): Record<string, unknown> {
  const { type: _type, ...rest } = body as Record<string, unknown>
  return rest
}

/**
 * A retry resends the personal details. In `retry`, any of them makes the body a retry; in any
 * other status, a body with an ssn or a dateOfBirth is a retry attempt too (and refused).
 */
function isRetryBody(source: Record<string, unknown>, status: Customer['status']): boolean {
  const fields = status === 'retry' ? ['firstName', 'lastName', 'dateOfBirth', 'ssn', 'type', 'controller'] : ['dateOfBirth', 'ssn']
  return fields.some((field) => Object.hasOwn(source, field))
}

/**
 * One retry, from `retry` only, with the full nine-digit SSN (update.mdx). The test values
 * decide the outcome again; a second request for retry fails to `document`. Trying twice, or
 * outside `retry`, is a conflict ("If you try more than once, or Customer is not in retry
 * state … Resource cannot be modified.").
 */
function retry(customer: Customer, body: unknown, context: CheckContext): Transition {
  if (customer.status !== 'retry' || customer.retried === true) throw conflict()
  const { type, fields } = readCustomerDraft({ type: customer.type, ...(body as object) }, context, { fullSsn: true })
  const status = statusAfterRetry(type, fields)
  return { customer: { ...keepIdentity(customer), ...fields, type, status, retried: true }, topics: statusTopics(status) }
}

/**
 * What an upgrade or retry keeps: the customer's identity and history, and the optional fields
 * its body may leave out (correlationId, which no update may change, and phone, which any may):
 * the body's fields are spread over these, so a phone it gives replaces the old one. Its other
 * old details go: the body is the verified customer's whole description.
 */
function keepIdentity(customer: Customer): Pick<Customer, 'id' | 'created' | 'type' | 'status' | 'retried' | 'correlationId' | 'phone'> {
  const { id, created, type, status, retried, correlationId, phone } = customer
  return defined({ id, created, type, status, retried, correlationId, phone })
}

/** The object without its undefined values, so a customer holds only the fields it has. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T
}

/** "A Customer's information cannot be updated when in a status of document or suspended" (update.mdx); nor deactivated (inferred). */
function updateInformation(customer: Customer, body: unknown, context: CheckContext): Transition {
  if (customer.status === 'document') throw conflict()
  requireActive(customer)
  const { changes, removed } = readInformationUpdate(customer, body, context)
  const updated: Customer = { ...customer, ...changes }
  for (const field of removed) delete updated[field]
  return { customer: updated, topics: [] }
}

/**
 * The test double's shortcut: any status the customer's type can have, with the topics the
 * change would raise (customer_activated when leaving deactivated or suspended, then the new
 * status's own). Deactivating remembers the status to return to, as the API does.
 */
export function setStatus(customer: Customer, status: CustomerStatus): Transition {
  if (!STATUSES_BY_TYPE[customer.type].includes(status)) {
    throw new RangeError(`a ${customer.type} customer cannot be ${status}: expected one of ${STATUSES_BY_TYPE[customer.type].join(', ')}`)
  }
  if (status === customer.status) return { customer, topics: [] }
  const { statusBeforeDeactivation: _previous, ...rest } = customer
  const next: Customer = status === 'deactivated' ? { ...rest, status, statusBeforeDeactivation: customer.status } : { ...rest, status }
  const inactive = (value: CustomerStatus) => value === 'deactivated' || value === 'suspended'
  const leaving = inactive(customer.status) && !inactive(status)
  return { customer: next, topics: [...(leaving ? (['customer_activated'] as CustomerTopic[]) : []), ...statusTopics(status)] }
}
