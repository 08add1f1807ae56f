import { DwollaError, validationError, type EmbeddedError } from '../../errors.js'
import { BANK_ACCOUNT_TYPES, type BankAccountType, type Channel } from './funding-source.js'
import { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
import { isAccountNumber, routingNumberProblem } from './routing-number.js'

/** Who is adding a funding source: what they may add depends on it. */
export type Adder =
  | { kind: 'account' }
  /** A customer by its type (personal and business are Verified Customers, whatever their status now), and whether it has a balance. */
  | { kind: 'customer'; customerType: 'unverified' | 'receive-only' | 'personal' | 'business'; balance: boolean }

/** A bank by its routing and account numbers (the numbers are checked, fingerprinted and dropped). */
export interface NumbersDraft {
  kind: 'numbers'
  routingNumber: string
  accountNumber: string
  bankAccountType: BankAccountType
  name: string
  /** `verified: false` asks for an unverified bank even where banks are verified at once. */
  verified?: boolean
  channels: Channel[]
  /** The id of the on-demand authorization in `_links`, when one is given. */
  onDemandAuthorizationId?: string
}

/** A bank through Plaid: verified at once (inferred); the token stands for the numbers. */
export interface PlaidDraft {
  kind: 'plaid'
  plaidToken: string
  bankAccountType: BankAccountType
  name: string
}

/**
 * A bank from an exchange (`_links.exchange`): verified at once, one per exchange
 * (create-funding-source-for-customer.mdx); the exchange must be the owner's and active.
 */
export interface ExchangeDraft {
  kind: 'exchange'
  exchangeId: string
  bankAccountType: BankAccountType
  name: string
  onDemandAuthorizationId?: string
}

/** A Virtual Account Number: `{name, type: "virtual", bankAccountType: "checking"}`. */
export interface VirtualDraft {
  kind: 'virtual'
  name: string
}

export type FundingSourceDraft = NumbersDraft | PlaidDraft | ExchangeDraft | VirtualDraft

/** "Name: up to 50 characters" (create-funding-source-for-customer.mdx). */
export const NAME_MAX_LENGTH = 50

const ON_DEMAND_PATH = '/on-demand-authorizations/'
const EXCHANGE_PATH = '/exchanges/'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** A field's name as Dwolla's messages write it: `/bankAccountType` → "BankAccountType". */
function label(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

export function required(path: string): EmbeddedError {
  return { code: 'Required', message: `${label(path)} required.`, path, _links: {} }
}

export function invalid(path: string, message = `${label(path)} invalid.`): EmbeddedError {
  return { code: 'Invalid', message, path, _links: {} }
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** An own property (never one from a prototype). */
function field(source: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(source, name) ? source[name] : undefined
}

/** A bank's name: required, at most 50 characters. Shared with renames. */
export function readBankName(value: unknown, problems: EmbeddedError[]): string | undefined {
  if (isBlank(value)) {
    problems.push(required('/name'))
    return undefined
  }
  if (typeof value !== 'string' || value.length > NAME_MAX_LENGTH) {
    problems.push(invalid('/name', FUNDING_SOURCE_MESSAGES.invalidBankName))
    return undefined
  }
  return value
}

/** A routing number: nine digits, a Federal Reserve prefix and a good checksum. */
export function readRoutingNumber(value: unknown, problems: EmbeddedError[]): string | undefined {
  if (isBlank(value)) {
    problems.push(required('/routingNumber'))
    return undefined
  }
  const problem = typeof value === 'string' ? routingNumberProblem(value) : 'invalid'
  if (problem === undefined) return value as string
  const message = problem === 'length' ? FUNDING_SOURCE_MESSAGES.routingNumberLength : FUNDING_SOURCE_MESSAGES.routingNumberInvalid
  problems.push({ code: 'InvalidFormat', message, path: '/routingNumber', _links: {} })
  return undefined
}

export function readAccountNumber(value: unknown, problems: EmbeddedError[]): string | undefined {
  if (isBlank(value)) {
    problems.push(required('/accountNumber'))
    return undefined
  }
  if (typeof value === 'string' && isAccountNumber(value)) return value
  problems.push({ code: 'InvalidFormat', message: FUNDING_SOURCE_MESSAGES.accountNumberInvalid, path: '/accountNumber', _links: {} })
  return undefined
}

/**
 * `bankAccountType`: checking or savings for anyone; `general-ledger` (exempt businesses) and
 * `loan` (credit-only) for Verified Customers alone, as Dwolla allows them only there
 * (create-funding-source-for-customer.mdx; without the approval Dwolla also asks: inferred).
 */
export function readBankAccountType(value: unknown, adder: Adder, problems: EmbeddedError[]): BankAccountType | undefined {
  if (isBlank(value)) {
    problems.push(required('/bankAccountType'))
    return undefined
  }
  if (typeof value !== 'string' || !(BANK_ACCOUNT_TYPES as readonly string[]).includes(value)) {
    problems.push(invalid('/bankAccountType'))
    return undefined
  }
  const type = value as BankAccountType
  if (type === 'checking' || type === 'savings') return type
  const verifiedCustomer = adder.kind === 'customer' && (adder.customerType === 'personal' || adder.customerType === 'business')
  const allowed = type === 'loan' ? verifiedCustomer : verifiedCustomer && adder.kind === 'customer' && adder.customerType === 'business'
  if (allowed) return type
  problems.push({ code: 'NotAllowed', message: 'BankAccountType value not allowed.', path: '/bankAccountType', _links: {} })
  return undefined
}

/** `channels`: only `["wire"]` can be asked for (the `dwolla` SDK's request enum); ACH is the default. */
function readChannels(value: unknown, problems: EmbeddedError[]): Channel[] {
  if (value === undefined || value === null) return ['ach']
  if (!Array.isArray(value) || value.length === 0 || !value.every((channel) => channel === 'wire')) {
    problems.push(invalid('/channels'))
    return ['ach']
  }
  // A wire bank "only receives from a balance" (create-funding-source-for-customer.mdx): it is a wire bank only.
  return ['wire']
}

/** The id a `_links` relation's href names under a collection (`…/exchanges/<uuid>`), with its problem at the JSON pointer otherwise. */
function readLinkedId(
  links: Record<string, unknown>,
  relation: string,
  collection: string,
  unknownMessage: string,
  problems: EmbeddedError[],
): string | undefined {
  const pointer = `/_links/${relation}/href`
  const link = asObject(field(links, relation))
  if (link === undefined) {
    if (field(links, relation) !== undefined) problems.push(invalid(pointer))
    return undefined
  }
  const href = field(link, 'href')
  if (isBlank(href)) {
    problems.push(required(pointer))
    return undefined
  }
  const text = typeof href === 'string' ? href : ''
  const at = text.lastIndexOf(collection)
  const id =
    at === -1
      ? ''
      : text
          .slice(at + collection.length)
          .replace(/\/$/, '')
          .toLowerCase()
  if (UUID.test(id)) return id
  problems.push(invalid(pointer, unknownMessage))
  return undefined
}

function readOnDemandAuthorization(links: Record<string, unknown>, problems: EmbeddedError[]): string | undefined {
  return readLinkedId(links, 'on-demand-authorization', ON_DEMAND_PATH, FUNDING_SOURCE_MESSAGES.authorizationUnknown, problems)
}

/** A bank from an exchange: `_links.exchange`, `bankAccountType` (checking or savings) and `name`; optionally an on-demand authorization. */
function readExchange(source: Record<string, unknown>, links: Record<string, unknown>, problems: EmbeddedError[]): ExchangeDraft {
  const exchangeId = readLinkedId(links, 'exchange', EXCHANGE_PATH, FUNDING_SOURCE_MESSAGES.exchangeUnknown, problems)
  // Exchange banks are checking or savings (the dwolla SDK's CreateCustomerExchangeFundingSourceBankAccountType).
  const bankAccountType = readBankAccountType(field(source, 'bankAccountType'), { kind: 'account' }, problems)
  const name = readBankName(field(source, 'name'), problems)
  const onDemandAuthorizationId = readOnDemandAuthorization(links, problems)
  if (problems.length > 0) throw validationError(problems)
  return {
    kind: 'exchange',
    exchangeId: exchangeId as string,
    bankAccountType: bankAccountType as BankAccountType,
    name: name as string,
    ...(onDemandAuthorizationId === undefined ? {} : { onDemandAuthorizationId }),
  }
}

/**
 * A create body (POST /customers/{id}/funding-sources, POST /funding-sources) as the draft of a
 * funding source, every field checked in Dwolla's words at its JSON pointer; throws a
 * ValidationError listing all of them. Which kind is decided by the body, as Dwolla's oneOf does:
 * `type: "virtual"` is a VAN, a `plaidToken` a Plaid bank, `_links.exchange` a bank from an exchange, a `cardToken` a debit card (not served); anything else a bank by its numbers.
 */
export function readCreateRequest(body: unknown, adder: Adder): FundingSourceDraft {
  const source = asObject(body)
  if (source === undefined) throw new DwollaError('BadRequest')
  const links = asObject(field(source, '_links')) ?? {}
  if (field(source, 'cardToken') !== undefined) throw new DwollaError('Forbidden', { message: FUNDING_SOURCE_MESSAGES.notAuthorizedToCreate })
  const problems: EmbeddedError[] = []
  const type = field(source, 'type')
  if (type !== undefined && type !== 'virtual') throw validationError([invalid('/type')])
  if (type === 'virtual') return readVirtual(source, adder, problems)
  if (field(links, 'exchange') !== undefined) return readExchange(source, links, problems)
  if (field(source, 'plaidToken') !== undefined) {
    const token = field(source, 'plaidToken')
    if (isBlank(token)) problems.push(required('/plaidToken'))
    else if (typeof token !== 'string' || token.length > 255) problems.push(invalid('/plaidToken'))
    // Plaid banks are checking or savings (create-funding-source-for-customer.mdx).
    const bankAccountType = readBankAccountType(field(source, 'bankAccountType'), { kind: 'account' }, problems)
    const name = readBankName(field(source, 'name'), problems)
    if (problems.length > 0) throw validationError(problems)
    return { kind: 'plaid', plaidToken: token as string, bankAccountType: bankAccountType as BankAccountType, name: name as string }
  }
  const routingNumber = readRoutingNumber(field(source, 'routingNumber'), problems)
  const accountNumber = readAccountNumber(field(source, 'accountNumber'), problems)
  const bankAccountType = readBankAccountType(field(source, 'bankAccountType'), adder, problems)
  const name = readBankName(field(source, 'name'), problems)
  const verified = field(source, 'verified')
  if (verified !== undefined && typeof verified !== 'boolean') problems.push(invalid('/verified'))
  const channels = readChannels(field(source, 'channels'), problems)
  const onDemandAuthorizationId = readOnDemandAuthorization(links, problems)
  if (problems.length > 0) throw validationError(problems)
  return {
    kind: 'numbers',
    routingNumber: routingNumber as string,
    accountNumber: accountNumber as string,
    bankAccountType: bankAccountType as BankAccountType,
    name: name as string,
    ...(typeof verified === 'boolean' ? { verified } : {}),
    channels,
    ...(onDemandAuthorizationId === undefined ? {} : { onDemandAuthorizationId }),
  }
}

/** A VAN: a name and `bankAccountType: "checking"`; only where there is a balance for its money to reach. */
function readVirtual(source: Record<string, unknown>, adder: Adder, problems: EmbeddedError[]): VirtualDraft {
  const name = readBankName(field(source, 'name'), problems)
  const bankAccountType = field(source, 'bankAccountType')
  if (isBlank(bankAccountType)) problems.push(required('/bankAccountType'))
  else if (bankAccountType !== 'checking') problems.push(invalid('/bankAccountType'))
  if (adder.kind === 'customer' && !adder.balance) {
    problems.push({ code: 'NotAllowed', message: FUNDING_SOURCE_MESSAGES.virtualNeedsBalance, path: '/type', _links: {} })
  }
  if (problems.length > 0) throw validationError(problems)
  return { kind: 'virtual', name: name as string }
}
