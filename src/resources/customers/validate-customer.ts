import { isIP } from 'node:net'
import { isIndustryClassification } from '../business-classifications/index.js'
import { BUSINESS_TYPES, CUSTOMER_TYPES, type BusinessType, type Controller, type Customer, type CustomerFields, type CustomerType } from './customer.js'
import { CustomerProblems, problemAt, type FieldProblem } from './customer-problems.js'

/**
 * Checks customer request bodies field by field, the way Dwolla's create and update endpoints
 * answer: every problem at once, each an embedded error at its JSON pointer. The rules are the
 * documented ones (dev-portal customers/create.mdx), lenient where the sandbox is lenient:
 * hyphens in ssn and ein, any US state with any ZIP code.
 */

/** What checks need besides the body: the mock's clock, for the age rule. */
export interface CheckContext {
  now: number
}

/** A validated request for a new customer (or an upgrade, or a retry): its type and the fields kept. */
export interface CustomerDraft {
  type: CustomerType
  fields: CustomerFields
}

type FormatCode = 'Invalid' | 'InvalidFormat' | 'NotAllowed'
type Format = (value: string, context: CheckContext) => FormatCode | undefined

/** Two-letter codes of the US states, DC and the territories Dwolla's `state` field takes. */
const US_STATES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND ' +
    'OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY AS GU MP PR VI UM'
  ).split(' '),
)

// "Names: up to 50 characters, no [<>="`!?%~${}\]" (create.mdx).
const FORBIDDEN_IN_NAMES = /[<>="`!?%~${}\\]/
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\]+$/
// "No PO Boxes" (create.mdx), in the spellings people write them.
const PO_BOX = /\bp\.?\s*o\.?\s*box\b|\bpost\s+office\s+box\b/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// A phone is ten digits; spaces, brackets, dots, plus and hyphen may come between them.
const PHONE_SEPARATORS = /[\s().+-]/g

const withinLength =
  (max: number): Format =>
  (value) =>
    value.length <= max ? undefined : 'InvalidFormat'
const matching =
  (pattern: RegExp): Format =>
  (value) =>
    pattern.test(value) ? undefined : 'InvalidFormat'
/** Digits only once separators are removed: Dwolla's sandbox accepts `12-3456789` and `123-45-6789`. */
const digitCount =
  (counts: readonly number[], separators: RegExp): Format =>
  (value) => {
    const digits = value.replace(separators, '')
    return /^\d+$/.test(digits) && counts.includes(digits.length) ? undefined : 'InvalidFormat'
  }

const FORMATS = {
  name: (value: string) => (value.length <= 50 && !FORBIDDEN_IN_NAMES.test(value) ? undefined : 'InvalidFormat'),
  email: (value: string) => (value.length <= 254 && EMAIL.test(value) ? undefined : 'InvalidFormat'),
  street: (value: string) => (value.length <= 50 && !PO_BOX.test(value) ? undefined : 'InvalidFormat'),
  line: withinLength(50),
  city: withinLength(50),
  state: (value: string) => (US_STATES.has(value) ? undefined : 'InvalidFormat'),
  postalCode: matching(/^\d{5}(-\d{4})?$/),
  dateOfBirth: adultDateOfBirth,
  ssn: digitCount([4, 9], /[\s-]/g),
  fullSsn: digitCount([9], /[\s-]/g),
  ein: digitCount([9], /[\s-]/g),
  phone: digitCount([10], PHONE_SEPARATORS),
  long: withinLength(255),
  ipAddress: (value: string) => (isIP(value) === 0 ? 'InvalidFormat' : undefined),
  // "up to 255 characters, [a-z0-9-._], no spaces" (create.mdx); case is not held against it.
  correlationId: (value: string) => (value.length <= 255 && /^[A-Za-z0-9._-]+$/.test(value) ? undefined : 'InvalidFormat'),
  country: matching(/^[A-Z]{2}$/),
  passportNumber: matching(/^[A-Za-z0-9]{4,20}$/),
  businessClassification: (value: string) => (isIndustryClassification(value) ? undefined : 'Invalid'),
} satisfies Record<string, Format>

type FormatName = keyof typeof FORMATS

/**
 * What is kept of a value whose format allows several spellings: a phone keeps its ten digits,
 * as Dwolla shows phones ("5555555555" in every example of its docs and spec; *inferred* for
 * separators, which the sandbox accepts and no example shows answered). The state file and
 * fixture seeds take the same spellings (fixtures.schema.json's `phone`) and keep the same.
 */
const STORED_AS: Readonly<Partial<Record<FormatName, (value: string) => string>>> = {
  phone: phoneAsStored,
}

/** A phone as mock-dwolla keeps and answers it: its digits, the separators the API accepts dropped. */
export function phoneAsStored(value: string): string {
  return value.replace(PHONE_SEPARATORS, '')
}

/** "YYYY-MM-DD, 18 to 125 years old" (create.mdx); an age outside is NotAllowed, as Dwolla answers. */
function adultDateOfBirth(value: string, context: CheckContext): FormatCode | undefined {
  const match = ISO_DATE.exec(value)
  if (match === null) return 'InvalidFormat'
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const born = new Date(Date.UTC(year, month - 1, day))
  if (born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) return 'InvalidFormat'
  const today = new Date(context.now)
  const birthdayPassed = today.getUTCMonth() > month - 1 || (today.getUTCMonth() === month - 1 && today.getUTCDate() >= day)
  const age = today.getUTCFullYear() - year - (birthdayPassed ? 0 : 1)
  return age >= 18 && age <= 125 ? undefined : 'NotAllowed'
}

/**
 * Reads fields of one JSON object (the body, or an object inside it), noting each problem at
 * its pointer. Own properties only, so nothing is read from a prototype. A missing value, null
 * and a blank string are all "not given".
 */
class FieldReader {
  constructor(
    private readonly source: Record<string, unknown>,
    private readonly base: string,
    readonly problems: FieldProblem[],
    private readonly context: CheckContext,
  ) {}

  has(name: string): boolean {
    return !isBlank(this.#raw(name))
  }

  text(name: string, format: FormatName, required: boolean): string | undefined {
    const path = `${this.base}/${name}`
    const value = this.#raw(name)
    if (isBlank(value)) {
      if (required) this.problems.push(problemAt(path, 'Required'))
      return undefined
    }
    if (typeof value !== 'string') {
      this.problems.push(problemAt(path, 'Invalid'))
      return undefined
    }
    const code = FORMATS[format](value, this.context)
    if (code === undefined) return STORED_AS[format]?.(value) ?? value
    this.problems.push(problemAt(path, code))
    return undefined
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], required: boolean): T | undefined {
    const path = `${this.base}/${name}`
    const value = this.#raw(name)
    if (isBlank(value)) {
      if (required) this.problems.push(problemAt(path, 'Required'))
      return undefined
    }
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
    this.problems.push(problemAt(path, 'Invalid'))
    return undefined
  }

  object(name: string, required: boolean): FieldReader | undefined {
    const path = `${this.base}/${name}`
    const value = this.#raw(name)
    if (isBlank(value)) {
      if (required) this.problems.push(problemAt(path, 'Required'))
      return undefined
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(problemAt(path, 'Invalid'))
      return undefined
    }
    return new FieldReader(value as Record<string, unknown>, path, this.problems, this.context)
  }

  #raw(name: string): unknown {
    return Object.hasOwn(this.source, name) ? this.source[name] : undefined
  }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
}

/** The object without its undefined values, so stored customers hold only what was given. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/**
 * A body for a new customer: `type` absent or `unverified`, `receive-only`, `personal` or
 * `business`, with the fields that type requires (create.mdx's tables). ssn, dateOfBirth, ein,
 * passport and ipAddress are checked and then dropped: Dwolla never returns them.
 * `fullSsn` is for a retry, which Dwolla requires with all nine digits (update.mdx).
 */
export function readCustomerDraft(body: unknown, context: CheckContext, options: { fullSsn?: boolean } = {}): CustomerDraft {
  const problems: FieldProblem[] = []
  const reader = new FieldReader(asObject(body), '', problems, context)
  // No type is an unverified customer: Dwolla's docs and send-money-app create them that way.
  const type = reader.has('type') ? reader.oneOf('type', CUSTOMER_TYPES, true) : 'unverified'
  const fields = readFields(reader, type ?? 'unverified', options.fullSsn === true)
  if (problems.length > 0) throw new CustomerProblems(problems)
  return { type: type as CustomerType, fields }
}

function readFields(reader: FieldReader, type: CustomerType, fullSsn: boolean): CustomerFields {
  const common = {
    firstName: reader.text('firstName', 'name', true) as string,
    lastName: reader.text('lastName', 'name', true) as string,
    email: reader.text('email', 'email', true) as string,
  }
  reader.text('ipAddress', 'ipAddress', false)
  const correlationId = reader.text('correlationId', 'correlationId', false)
  if (type === 'unverified' || type === 'receive-only') {
    const businessName = reader.text('businessName', 'long', false)
    const phone = reader.text('phone', 'phone', false)
    return defined({ ...common, businessName, correlationId, phone })
  }
  const address = {
    address1: reader.text('address1', 'street', true),
    address2: reader.text('address2', 'line', false),
    city: reader.text('city', 'city', true),
    state: reader.text('state', 'state', true),
    postalCode: reader.text('postalCode', 'postalCode', true),
  }
  const phone = reader.text('phone', 'phone', false)
  if (type === 'personal') {
    reader.text('dateOfBirth', 'dateOfBirth', true)
    reader.text('ssn', fullSsn ? 'fullSsn' : 'ssn', true)
    return defined({ ...common, ...address, phone, correlationId })
  }
  const business = {
    businessName: reader.text('businessName', 'long', true),
    doingBusinessAs: reader.text('doingBusinessAs', 'long', false),
    website: reader.text('website', 'long', false),
    businessType: reader.oneOf<BusinessType>('businessType', BUSINESS_TYPES, true),
    businessClassification: reader.text('businessClassification', 'businessClassification', true),
  }
  let controller: Controller | undefined
  if (business.businessType === 'soleProprietorship') {
    reader.text('dateOfBirth', 'dateOfBirth', true)
    reader.text('ssn', fullSsn ? 'fullSsn' : 'ssn', true)
    reader.text('ein', 'ein', false)
  } else if (business.businessType !== undefined) {
    reader.text('ein', 'ein', true)
    controller = readController(reader, fullSsn)
  }
  return defined({ ...common, ...address, phone, correlationId, ...business, controller })
}

/** The controller of an llc, corporation or partnership: a US one with an ssn, or anyone with a passport. */
function readController(body: FieldReader, fullSsn: boolean): Controller | undefined {
  const reader = body.object('controller', true)
  if (reader === undefined) return undefined
  const firstName = reader.text('firstName', 'name', true)
  const lastName = reader.text('lastName', 'name', true)
  const title = reader.text('title', 'line', true)
  reader.text('dateOfBirth', 'dateOfBirth', true)
  const addressReader = reader.object('address', true)
  const country = addressReader?.text('country', 'country', true)
  const address = addressReader && {
    address1: addressReader.text('address1', 'street', true),
    address2: addressReader.text('address2', 'line', false),
    address3: addressReader.text('address3', 'line', false),
    city: addressReader.text('city', 'city', true),
    stateProvinceRegion: addressReader.text('stateProvinceRegion', 'line', true),
    // Required for US addresses only (create.mdx).
    postalCode: addressReader.text('postalCode', 'line', country === 'US'),
    country,
  }
  if (reader.has('ssn') || !reader.has('passport')) {
    reader.text('ssn', fullSsn ? 'fullSsn' : 'ssn', true)
  } else {
    const passport = reader.object('passport', true)
    passport?.text('number', 'passportNumber', true)
    passport?.text('country', 'country', true)
  }
  if (firstName === undefined || lastName === undefined || title === undefined || address === undefined) return undefined
  return { firstName, lastName, title, address: defined(address) as Controller['address'] }
}

/** The fields an information update may change, per Dwolla's update.mdx (UpdateVerified*, UpdateUnverified*). */
const UPDATABLE: Readonly<Record<'unverified' | 'personal' | 'business', readonly (keyof CustomerFields)[]>> = {
  unverified: ['firstName', 'lastName', 'email', 'businessName', 'phone'],
  personal: ['email', 'address1', 'address2', 'city', 'state', 'postalCode', 'phone'],
  business: ['email', 'address1', 'address2', 'city', 'state', 'postalCode', 'phone', 'doingBusinessAs', 'website'],
}

/** Fields a customer has that an information update may not change: answered ReadOnly (inferred). */
const FIXED = [
  'firstName',
  'lastName',
  'businessName',
  'dateOfBirth',
  'ssn',
  'ein',
  'businessType',
  'businessClassification',
  'controller',
  'correlationId',
  'passport',
] as const

const FORMAT_OF: Readonly<Partial<Record<keyof CustomerFields, FormatName>>> = {
  firstName: 'name',
  lastName: 'name',
  email: 'email',
  businessName: 'long',
  phone: 'phone',
  address1: 'street',
  address2: 'line',
  city: 'city',
  state: 'state',
  postalCode: 'postalCode',
  doingBusinessAs: 'long',
  website: 'long',
}

/** What an information update changes: new values, and optional fields given as "" (removed). */
export interface InformationUpdate {
  changes: Partial<CustomerFields>
  removed: Array<keyof CustomerFields>
}

/**
 * An information update for a customer as it is: only the fields its type may change, each in
 * its format. `ipAddress` is checked and dropped. An optional field sent as "" is removed
 * ("businessName: '' unsets it", update.mdx).
 */
export function readInformationUpdate(customer: Customer, body: unknown, context: CheckContext): InformationUpdate {
  const source = asObject(body)
  const problems: FieldProblem[] = []
  const reader = new FieldReader(source, '', problems, context)
  const group = customer.type === 'receive-only' ? 'unverified' : customer.type
  const updatable = UPDATABLE[group]
  const required = new Set<keyof CustomerFields>(['firstName', 'lastName', 'email', 'address1', 'city', 'state', 'postalCode'])
  const update: InformationUpdate = { changes: {}, removed: [] }
  for (const field of FIXED) {
    if (Object.hasOwn(source, field) && !(updatable as readonly string[]).includes(field)) problems.push(problemAt(`/${field}`, 'ReadOnly'))
  }
  reader.text('ipAddress', 'ipAddress', false)
  for (const field of updatable) {
    if (!Object.hasOwn(source, field)) continue
    if (source[field] === '' && !required.has(field)) {
      update.removed.push(field)
      continue
    }
    const value = reader.text(field, FORMAT_OF[field] as FormatName, true)
    if (value !== undefined) Object.assign(update.changes, { [field]: value })
  }
  if (problems.length > 0) throw new CustomerProblems(problems)
  return update
}
