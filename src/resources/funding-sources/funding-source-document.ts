import {
  BANK_ACCOUNT_TYPES,
  CHANNELS,
  FUNDING_SOURCE_STATUSES,
  FUNDING_SOURCE_TYPES,
  MICRO_DEPOSIT_ATTEMPTS,
  type FundingSource,
  type MicroDepositFailure,
  type MicroDepositStatus,
} from './funding-source.js'
import { NAME_MAX_LENGTH } from './read-create-request.js'

/** Micro-deposits written down: `created` as ISO 8601. */
export interface MicroDepositsDocument {
  status: MicroDepositStatus
  created: string
  failedAttempts: number
  failure?: MicroDepositFailure
}

/**
 * A funding source written down, in a state file and in the test double's views: the fields the
 * store keeps, times as ISO 8601 strings. Never a routing or account number: mock-dwolla keeps
 * only their fingerprint.
 */
export interface FundingSourceDocument extends Omit<FundingSource, 'created' | 'microDeposits'> {
  created: string
  microDeposits?: MicroDepositsDocument
}

export function fundingSourceToDocument(source: FundingSource): FundingSourceDocument {
  const { created, microDeposits, ...rest } = structuredClone(source)
  return {
    ...rest,
    created: new Date(created).toISOString(),
    ...(microDeposits === undefined ? {} : { microDeposits: { ...microDeposits, created: new Date(microDeposits.created).toISOString() } }),
  }
}

export function fundingSourceFromDocument(document: FundingSourceDocument): FundingSource {
  const { created, microDeposits, ...rest } = document
  return {
    ...rest,
    created: Date.parse(created),
    ...(microDeposits === undefined ? {} : { microDeposits: { ...microDeposits, created: Date.parse(microDeposits.created) } }),
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const HEX64 = /^[0-9a-f]{64}$/
const KEYS = new Set([
  'id',
  'customerId',
  'type',
  'status',
  'name',
  'created',
  'removed',
  'channels',
  'bankAccountType',
  'bankName',
  'fingerprint',
  'origin',
  'microDeposits',
  'onDemandAuthorizationId',
])

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const oneOf = (value: unknown, allowed: readonly string[]) => typeof value === 'string' && allowed.includes(value)
const isDate = (value: unknown) => typeof value === 'string' && !Number.isNaN(Date.parse(value))
const isShortText = (value: unknown) => typeof value === 'string' && value.length <= 255

/**
 * What is wrong with a written funding source, as a pointer below it and a sentence; undefined
 * when it is one the store could have made. Checked field by field, so a hand-edited state file
 * is refused where it is wrong rather than misread.
 */
export function fundingSourceDocumentProblem(value: unknown): { pointer: string; problem: string } | undefined {
  if (!isObject(value)) return { pointer: '', problem: 'expected a funding source' }
  const unknown = Object.keys(value).find((key) => !KEYS.has(key))
  if (unknown !== undefined) return { pointer: `/${unknown}`, problem: 'not a field of a funding source' }
  const checks: Array<[string, boolean, string]> = [
    ['/id', typeof value.id === 'string' && UUID.test(value.id), 'expected a lowercase UUID'],
    ['/customerId', value.customerId === undefined || (typeof value.customerId === 'string' && UUID.test(value.customerId)), 'expected a lowercase UUID'],
    ['/type', oneOf(value.type, FUNDING_SOURCE_TYPES), `expected one of ${FUNDING_SOURCE_TYPES.join(', ')}`],
    ['/status', oneOf(value.status, FUNDING_SOURCE_STATUSES), `expected one of ${FUNDING_SOURCE_STATUSES.join(', ')}`],
    ['/name', typeof value.name === 'string' && value.name.length > 0 && value.name.length <= NAME_MAX_LENGTH, `expected 1 to ${NAME_MAX_LENGTH} characters`],
    ['/created', isDate(value.created), 'expected a date and time'],
    ['/removed', typeof value.removed === 'boolean', 'expected true or false'],
    ['/channels', Array.isArray(value.channels) && value.channels.every((channel) => oneOf(channel, CHANNELS)), `expected a list of ${CHANNELS.join(', ')}`],
    [
      '/bankAccountType',
      value.bankAccountType === undefined || oneOf(value.bankAccountType, BANK_ACCOUNT_TYPES),
      `expected one of ${BANK_ACCOUNT_TYPES.join(', ')}`,
    ],
    ['/bankName', value.bankName === undefined || isShortText(value.bankName), 'expected a bank name'],
    ['/fingerprint', value.fingerprint === undefined || (typeof value.fingerprint === 'string' && HEX64.test(value.fingerprint)), 'expected 64 hex digits'],
    ['/origin', value.origin === undefined || oneOf(value.origin, ['numbers', 'plaid', 'exchange']), 'expected numbers, plaid or exchange'],
    [
      '/onDemandAuthorizationId',
      value.onDemandAuthorizationId === undefined || (typeof value.onDemandAuthorizationId === 'string' && UUID.test(value.onDemandAuthorizationId)),
      'expected a lowercase UUID',
    ],
  ]
  const failed = checks.find(([, ok]) => !ok)
  if (failed !== undefined) return { pointer: failed[0], problem: failed[2] }
  if (value.type === 'balance' && (value.removed === true || value.status !== 'verified'))
    return { pointer: '/type', problem: 'a balance is verified and never removed' }
  if (value.microDeposits === undefined) return undefined
  const deposits = value.microDeposits
  if (!isObject(deposits) || value.type !== 'bank') return { pointer: '/microDeposits', problem: 'expected the micro-deposits of a bank' }
  if (!oneOf(deposits.status, ['pending', 'processed', 'failed'])) return { pointer: '/microDeposits/status', problem: 'expected pending, processed or failed' }
  if (!isDate(deposits.created)) return { pointer: '/microDeposits/created', problem: 'expected a date and time' }
  const attempts = deposits.failedAttempts
  if (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 0 || attempts > MICRO_DEPOSIT_ATTEMPTS) {
    return { pointer: '/microDeposits/failedAttempts', problem: `expected a whole number from 0 to ${MICRO_DEPOSIT_ATTEMPTS}` }
  }
  const failure = deposits.failure
  if (failure !== undefined && (!isObject(failure) || !isShortText(failure.code) || !isShortText(failure.description))) {
    return { pointer: '/microDeposits/failure', problem: 'expected {code, description}' }
  }
  return undefined
}
