import { isIndustryClassification } from '../business-classifications/index.js'
import { phoneAsStored } from './validate-customer.js'
import { STATUSES_BY_TYPE, type Customer, type CustomerFields, type CustomerStatus, type CustomerType } from './customer.js'

/**
 * A customer written down: in a fixture file's `customers:` section (a seed) and in a state
 * file. The same fields the store keeps, with `created` as an ISO 8601 string. Its JSON Schema
 * is `#/definitions/customer` in fixtures/fixtures.schema.json; what a schema cannot say (which
 * statuses and fields go with which type) is checked by {@link customerDocumentProblem}.
 */
export interface CustomerDocument extends CustomerFields {
  id: string
  type: CustomerType
  status: CustomerStatus
  /** Seeds only: the application (key) it is given to. Without it, every application gets it. */
  application?: string
  /** ISO 8601; a seed without it is as old as the store it is put in. */
  created?: string
  statusBeforeDeactivation?: CustomerStatus
  retried?: boolean
}

/** The fields every response of a verified type carries (the `dwolla` SDK requires them). */
const VERIFIED_FIELDS = ['address1', 'city', 'state', 'postalCode'] as const
const BUSINESS_FIELDS = ['businessName', 'businessType', 'businessClassification'] as const

/** "a personal customer", "an unverified customer". */
function aCustomerOf(type: CustomerType): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type} customer`
}

/** What is wrong with a document that its schema let through: a pointer and a sentence; undefined when nothing. */
export function customerDocumentProblem(document: CustomerDocument): { pointer: string; problem: string } | undefined {
  const allowed = STATUSES_BY_TYPE[document.type]
  if (!allowed.includes(document.status)) {
    return { pointer: '/status', problem: `${aCustomerOf(document.type)} cannot be ${document.status} (one of ${allowed.join(', ')})` }
  }
  if (document.statusBeforeDeactivation !== undefined) {
    if (document.status !== 'deactivated') return { pointer: '/statusBeforeDeactivation', problem: 'only goes with status deactivated' }
    if (!allowed.includes(document.statusBeforeDeactivation))
      return { pointer: '/statusBeforeDeactivation', problem: `not a status of ${aCustomerOf(document.type)}` }
  }
  if (document.created !== undefined && Number.isNaN(Date.parse(document.created))) {
    return { pointer: '/created', problem: 'not a date and time' }
  }
  if (document.type !== 'personal' && document.type !== 'business') return undefined
  const required = document.type === 'business' ? [...VERIFIED_FIELDS, ...BUSINESS_FIELDS] : VERIFIED_FIELDS
  const missing = required.find((field) => document[field] === undefined)
  if (missing !== undefined) return { pointer: '', problem: `${aCustomerOf(document.type)} needs ${missing}` }
  if (document.type === 'personal') return undefined
  if (!isIndustryClassification(document.businessClassification as string)) {
    return { pointer: '/businessClassification', problem: 'not an industry classification of GET /business-classifications' }
  }
  const soleProprietorship = document.businessType === 'soleProprietorship'
  if (soleProprietorship && document.controller !== undefined) return { pointer: '/controller', problem: 'a sole proprietorship has no controller' }
  if (!soleProprietorship && document.controller === undefined) return { pointer: '', problem: `a ${document.businessType} needs a controller` }
  return undefined
}

/**
 * The stored customer a document describes; `created` defaults to the time given. A phone is
 * kept as its ten digits, as the API keeps it (a state file written before the API did so holds
 * it as it was sent).
 */
export function customerFromDocument(document: CustomerDocument, created: number): Customer {
  const { application: _application, created: written, id, ...rest } = document
  const customer: Customer = { ...rest, id: id.toLowerCase(), created: written === undefined ? created : Date.parse(written) }
  if (customer.phone !== undefined) customer.phone = phoneAsStored(customer.phone)
  return customer
}

export function customerToDocument(customer: Customer): CustomerDocument {
  return { ...customer, created: new Date(customer.created).toISOString() }
}
