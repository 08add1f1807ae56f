import { DwollaError, validationError, type EmbeddedError } from '../../errors.js'
import { isUsd, parseAmount } from '../../money.js'
import { MICRO_DEPOSIT_ATTEMPTS, microDepositsMaxedOut, type FundingSource, type MicroDepositFailure } from './funding-source.js'
import { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
import { invalid, required } from './read-create-request.js'
import type { Transition } from './transitions.js'

/**
 * Micro-deposits as plain functions (dev-portal funding-sources/initiate-micro-deposits.mdx,
 * verify-micro-deposits.mdx, testing/funding-sources.mdx): two deposits under $0.10 are sent to
 * an unverified bank (`pending`), the sandbox's processing settles them (`processed`, or `failed`
 * for a bank named R03…), and the customer enters the two amounts, three tries in all.
 */

/** Each deposit is under $0.10; a value over $0.15 is not a micro-deposit at all ("Invalid amount."). */
const SANDBOX_BELOW_CENTS = 10
const LARGEST_CENTS = 15
/** The sandbox's sentinel: `0.09` and `0.09` use up the attempts (testing/funding-sources.mdx). */
const MAX_ATTEMPTS_SENTINEL_CENTS = 9

/** The two amounts a verification enters, in cents. */
export interface MicroDepositAmounts {
  amount1: number
  amount2: number
}

/** "R03: No Account/Unable to Locate Account" (transfer-failures.mdx), for a bank named R03… in the sandbox. */
export const R03_FAILURE: MicroDepositFailure = { code: 'R03', description: 'No Account/Unable to Locate Account' }

/** A sandbox bank named for a return code fails its micro-deposits: `R03` (inferred: the transfers' sentinel, applied here). */
export function failsMicroDeposits(source: FundingSource): boolean {
  return source.name.trim().toUpperCase().startsWith('R03')
}

function readAmount(body: Record<string, unknown>, name: 'amount1' | 'amount2', problems: EmbeddedError[]): number | undefined {
  const path = `/${name}`
  const amount = Object.hasOwn(body, name) ? body[name] : undefined
  if (amount === undefined || amount === null) {
    problems.push(required(path))
    return undefined
  }
  if (typeof amount !== 'object' || Array.isArray(amount)) {
    problems.push(invalid(path))
    return undefined
  }
  const { value, currency } = amount as Record<string, unknown>
  const parsed = parseAmount(value)
  if ('problem' in parsed)
    problems.push(parsed.problem === 'missing' ? required(`${path}/value`) : invalid(`${path}/value`, FUNDING_SOURCE_MESSAGES.invalidAmount))
  if (currency === undefined || currency === null || currency === '') problems.push(required(`${path}/currency`))
  else if (!isUsd(currency)) problems.push(invalid(`${path}/currency`))
  return 'cents' in parsed ? parsed.cents : undefined
}

/**
 * A verify body, `{amount1: {value, currency}, amount2: {value, currency}}`: both amounts in the
 * one strict money format every path uses (src/money.ts), in USD; each at most $0.15 ("Invalid
 * amount." otherwise, and no attempt is used). Throws a ValidationError listing every problem.
 */
export function readMicroDepositAmounts(body: Record<string, unknown>): MicroDepositAmounts {
  const problems: EmbeddedError[] = []
  const amount1 = readAmount(body, 'amount1', problems)
  const amount2 = readAmount(body, 'amount2', problems)
  for (const [name, cents] of [
    ['amount1', amount1],
    ['amount2', amount2],
  ] as const) {
    if (cents !== undefined && cents > LARGEST_CENTS) problems.push(invalid(`/${name}/value`, FUNDING_SOURCE_MESSAGES.invalidAmount))
  }
  if (problems.length > 0) throw validationError(problems)
  return { amount1: amount1 as number, amount2: amount2 as number }
}

/** What refuses any micro-deposit call on a funding source, before anything is read. */
function requireUnverifiedBank(source: FundingSource): void {
  if (source.removed) throw new DwollaError('InvalidResourceState', { message: FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated })
  // A balance or a VAN has no micro-deposits to start or to read (inferred).
  if (source.type !== 'bank') throw new DwollaError('NotFound')
  if (source.status === 'verified') throw new DwollaError('InvalidResourceState', { message: FUNDING_SOURCE_MESSAGES.alreadyVerified })
}

/**
 * Sends the two deposits: `pending`, raising `microdeposits_added`. Only once per bank ("400
 * MaxNumberOfResources Micro-deposits already initiated for this funding source.").
 */
export function initiate(source: FundingSource, now: number): Transition {
  requireUnverifiedBank(source)
  if (source.microDeposits !== undefined) throw new DwollaError('MaxNumberOfResources', { message: FUNDING_SOURCE_MESSAGES.microDepositsInitiated })
  return { source: { ...source, microDeposits: { status: 'pending', created: now, failedAttempts: 0 } }, topics: ['microdeposits_added'] }
}

/** A verification: the bank verified, or the attempt counted as wrong. */
export interface Verification extends Transition {
  verified: boolean
}

/**
 * Checks the amounts entered, with the sandbox's rule: any two amounts below $0.10 are right,
 * even while the deposits are still pending (Dwolla's own test verifies 0.02 and 0.03 right after
 * initiating), except `0.09` and `0.09`, which use up every attempt at once. Right: the bank is
 * `verified` (`funding_source_verified`). Wrong: one attempt used; the third raises
 * `microdeposits_maxattempts`. Without micro-deposits, 404; after the last attempt, "Too many
 * attempts.".
 */
export function verify(source: FundingSource, body: Record<string, unknown>): Verification {
  requireUnverifiedBank(source)
  const deposits = source.microDeposits
  if (deposits === undefined) throw new DwollaError('NotFound')
  if (deposits.status === 'failed') throw new DwollaError('InvalidResourceState')
  if (microDepositsMaxedOut(source)) throw new DwollaError('InvalidResourceState', { message: FUNDING_SOURCE_MESSAGES.tooManyAttempts })
  const { amount1, amount2 } = readMicroDepositAmounts(body)
  if (amount1 === MAX_ATTEMPTS_SENTINEL_CENTS && amount2 === MAX_ATTEMPTS_SENTINEL_CENTS) {
    return {
      source: { ...source, microDeposits: { ...deposits, failedAttempts: MICRO_DEPOSIT_ATTEMPTS } },
      topics: ['microdeposits_maxattempts'],
      verified: false,
    }
  }
  if (amount1 < SANDBOX_BELOW_CENTS && amount2 < SANDBOX_BELOW_CENTS) {
    return { source: { ...source, status: 'verified' }, topics: ['funding_source_verified'], verified: true }
  }
  const failedAttempts = deposits.failedAttempts + 1
  return {
    source: { ...source, microDeposits: { ...deposits, failedAttempts } },
    topics: failedAttempts >= MICRO_DEPOSIT_ATTEMPTS ? ['microdeposits_maxattempts'] : [],
    verified: false,
  }
}

/**
 * The sandbox's processing of pending micro-deposits (POST /sandbox-simulations): `processed`
 * (`microdeposits_completed`), or for a bank named R03… `failed` with the return's code and
 * description, and the bank removed, as an R03 return removes it (transfer-failures.mdx):
 * `microdeposits_failed`, then `funding_source_removed`.
 */
export function process(source: FundingSource): Transition {
  const deposits = source.microDeposits
  if (deposits?.status !== 'pending') return { source, topics: [] }
  if (failsMicroDeposits(source)) {
    return {
      source: { ...source, removed: true, microDeposits: { ...deposits, status: 'failed', failure: R03_FAILURE } },
      topics: source.removed ? ['microdeposits_failed'] : ['microdeposits_failed', 'funding_source_removed'],
    }
  }
  return { source: { ...source, microDeposits: { ...deposits, status: 'processed' } }, topics: ['microdeposits_completed'] }
}
