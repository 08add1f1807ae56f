import type { EmbeddedError } from '../../errors.js'
import type { OwnerAddress, OwnerFields } from './beneficial-owner.js'

/**
 * Checks a beneficial-owner request body field by field (beneficial-owners/create.mdx): names of
 * at most 50 characters without `[<>="`!?%~${}\]`, a dateOfBirth for an adult of at most 125, an
 * address (address1 without a PO Box, a city without digits, a two-letter state or province and
 * country, a postal code for US addresses), and an `ssn` of nine digits or a `passport`. Every
 * problem at once, each at its JSON pointer, as the customers' checks answer them (inferred:
 * Dwolla documents the codes, not each message). Hyphens in the ssn are accepted, as the sandbox
 * accepts them (Dwolla's SDK suite updates an owner with `123-45-6789`).
 */
export class OwnerProblems extends Error {
  constructor(readonly problems: readonly EmbeddedError[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '))
    this.name = 'OwnerProblems'
  }
}

type Code = 'Required' | 'Invalid' | 'InvalidFormat' | 'NotAllowed'

const FORBIDDEN_IN_NAMES = /[<>="`!?%~${}\\]/
const PO_BOX = /\bp\.?\s*o\.?\s*box\b|\bpost\s+office\s+box\b/i
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const MESSAGES: Readonly<Record<Code, (label: string) => string>> = {
  Required: (label) => `${label} required.`,
  Invalid: (label) => `${label} invalid.`,
  InvalidFormat: (label) => `${label} invalid.`,
  NotAllowed: (label) => `${label} value not allowed.`,
}

/** "/address/city" → "Address.City", as the customers' messages name nested fields. */
function labelOf(path: string): string {
  return path
    .slice(1)
    .split('/')
    .map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1))
    .join('.')
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

class Reader {
  constructor(
    private readonly source: Record<string, unknown>,
    private readonly base: string,
    readonly problems: EmbeddedError[],
  ) {}

  problem(name: string, code: Code): undefined {
    const path = `${this.base}/${name}`
    this.problems.push({ code, message: MESSAGES[code](labelOf(path)), path, _links: {} })
    return undefined
  }

  has(name: string): boolean {
    return !isBlank(this.raw(name))
  }

  raw(name: string): unknown {
    return Object.hasOwn(this.source, name) ? this.source[name] : undefined
  }

  /** A string field checked by `format` (which names the problem's code, or nothing). */
  text(name: string, required: boolean, format: (value: string) => Code | undefined = () => undefined): string | undefined {
    const value = this.raw(name)
    if (isBlank(value)) return required ? this.problem(name, 'Required') : undefined
    if (typeof value !== 'string') return this.problem(name, 'Invalid')
    const code = format(value)
    return code === undefined ? value : this.problem(name, code)
  }

  object(name: string, required: boolean): Reader | undefined {
    const value = this.raw(name)
    if (isBlank(value)) return required ? this.problem(name, 'Required') : undefined
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.problem(name, 'Invalid')
    return new Reader(value as Record<string, unknown>, `${this.base}/${name}`, this.problems)
  }
}

const name = (value: string): Code | undefined => (value.length <= 50 && !FORBIDDEN_IN_NAMES.test(value) ? undefined : 'InvalidFormat')
const line = (value: string): Code | undefined => (value.length <= 50 ? undefined : 'InvalidFormat')
const street = (value: string): Code | undefined => (value.length <= 50 && !PO_BOX.test(value) ? undefined : 'InvalidFormat')
const city = (value: string): Code | undefined => (value.length <= 50 && !/\d/.test(value) ? undefined : 'InvalidFormat')
const twoLetters = (value: string): Code | undefined => (/^[A-Z]{2}$/.test(value) ? undefined : 'InvalidFormat')
const ssn = (value: string): Code | undefined => (/^\d{9}$/.test(value.replace(/[\s-]/g, '')) ? undefined : 'InvalidFormat')
const passportNumber = (value: string): Code | undefined => (/^[A-Za-z0-9]{4,20}$/.test(value) ? undefined : 'InvalidFormat')

/** "YYYY-MM-DD, 18 to 125 years old", as for customers; an age outside is NotAllowed. */
function adultOn(now: number): (value: string) => Code | undefined {
  return (value) => {
    const match = ISO_DATE.exec(value)
    if (match === null) return 'InvalidFormat'
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
    const born = new Date(Date.UTC(year, month - 1, day))
    if (born.getUTCFullYear() !== year || born.getUTCMonth() !== month - 1 || born.getUTCDate() !== day) return 'InvalidFormat'
    const today = new Date(now)
    const birthdayPassed = today.getUTCMonth() > month - 1 || (today.getUTCMonth() === month - 1 && today.getUTCDate() >= day)
    const age = today.getUTCFullYear() - year - (birthdayPassed ? 0 : 1)
    return age >= 18 && age <= 125 ? undefined : 'NotAllowed'
  }
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

/** The fields kept from a create or update body (all fields, both times); throws OwnerProblems. */
export function readOwnerFields(body: unknown, now: number): OwnerFields {
  const source = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  const problems: EmbeddedError[] = []
  const reader = new Reader(source, '', problems)
  const firstName = reader.text('firstName', true, name)
  const lastName = reader.text('lastName', true, name)
  reader.text('dateOfBirth', true, adultOn(now))
  const address = readAddress(reader)
  // `ssn` for US persons, `passport` for everyone else: one of them (create.mdx).
  if (reader.has('ssn') || !reader.has('passport')) {
    reader.text('ssn', true, ssn)
  } else {
    const passport = reader.object('passport', true)
    passport?.text('number', true, passportNumber)
    passport?.text('country', true, twoLetters)
  }
  if (problems.length > 0 || firstName === undefined || lastName === undefined || address === undefined) throw new OwnerProblems(problems)
  return { firstName, lastName, address }
}

function readAddress(body: Reader): OwnerAddress | undefined {
  const reader = body.object('address', true)
  if (reader === undefined) return undefined
  const country = reader.text('country', true, twoLetters)
  const address = {
    address1: reader.text('address1', true, street),
    address2: reader.text('address2', false, line),
    address3: reader.text('address3', false, line),
    city: reader.text('city', true, city),
    stateProvinceRegion: reader.text('stateProvinceRegion', true, twoLetters),
    // Required for US addresses only (create.mdx): five digits there, anything short elsewhere.
    postalCode: reader.text(
      'postalCode',
      country === 'US',
      country === 'US' ? (value) => (/^\d{5}(-\d{4})?$/.test(value) ? undefined : 'InvalidFormat') : line,
    ),
    country,
  }
  if (address.address1 === undefined || address.city === undefined || address.stateProvinceRegion === undefined || country === undefined) return undefined
  return defined(address) as OwnerAddress
}
