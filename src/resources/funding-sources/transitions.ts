import { DwollaError, validationError, type EmbeddedError } from '../../errors.js'
import { exchangeFingerprintOf, fingerprintOf, plaidFingerprintOf } from './fingerprint.js'
import type { FundingSource, Owner } from './funding-source.js'
import type { FundingSourceTopic } from './funding-source-events.js'
import { FUNDING_SOURCE_MESSAGES } from './funding-source-messages.js'
import { readAccountNumber, readBankAccountType, readBankName, readRoutingNumber, type Adder, type FundingSourceDraft } from './read-create-request.js'
import { SANDBOX_BANK_NAME } from './sandbox-world.js'
import { VAN_ROUTING_NUMBER, vanAccountNumber } from './virtual-account-number.js'

/**
 * A funding source's life as plain functions: each takes a funding source (and a request body)
 * and returns what it becomes with the webhook topics that raises, or throws in Dwolla's shape.
 * Nothing here stores anything; the store applies the result.
 */
export interface Transition {
  source: FundingSource
  /** Topics without their `customer_` prefix (funding-source-events.ts adds it for a customer's). */
  topics: FundingSourceTopic[]
}

/** "Re-adding a removed unverified bank within 48 hours of its creation re-activates it" (dev-portal funding-sources/remove.mdx). */
export const READD_WINDOW_MS = 48 * 60 * 60 * 1000

export interface CreateContext {
  now: number
  /** `autoVerifyBanks`: banks by their numbers are verified at once unless the body says `verified: false`. */
  autoVerifyBanks: boolean
}

/** The fingerprint a draft's bank will have; undefined for a VAN (its numbers are its own, made from its id). */
export function draftFingerprint(draft: FundingSourceDraft): string | undefined {
  if (draft.kind === 'numbers') return fingerprintOf(draft.routingNumber, draft.accountNumber)
  if (draft.kind === 'plaid') return plaidFingerprintOf(draft.plaidToken)
  if (draft.kind === 'exchange') return exchangeFingerprintOf(draft.exchangeId)
  return undefined
}

/**
 * A new funding source from a checked draft. A bank by its numbers is `unverified` until its
 * micro-deposits are verified (bank-funding-source.mdx), or at once with `autoVerifyBanks` (what
 * Dwolla's own test application gets for 222222226); Plaid banks and VANs are `verified` at
 * creation (virtual-account-numbers.mdx; inferred for Plaid). Raises `funding_source_added`.
 */
export function createFundingSource(id: string, owner: Owner, draft: FundingSourceDraft, context: CreateContext): Transition {
  const base = {
    id,
    ...(owner.kind === 'customer' ? { customerId: owner.customerId } : {}),
    name: draft.name,
    created: context.now,
    removed: false,
  }
  let source: FundingSource
  switch (draft.kind) {
    case 'numbers':
      source = {
        ...base,
        type: 'bank',
        status: context.autoVerifyBanks && draft.verified !== false ? 'verified' : 'unverified',
        channels: draft.channels,
        bankAccountType: draft.bankAccountType,
        bankName: SANDBOX_BANK_NAME,
        fingerprint: draftFingerprint(draft),
        origin: 'numbers',
        ...(draft.onDemandAuthorizationId === undefined ? {} : { onDemandAuthorizationId: draft.onDemandAuthorizationId }),
      }
      break
    case 'plaid':
      source = {
        ...base,
        type: 'bank',
        status: 'verified',
        channels: ['ach'],
        bankAccountType: draft.bankAccountType,
        bankName: SANDBOX_BANK_NAME,
        fingerprint: draftFingerprint(draft),
        origin: 'plaid',
      }
      break
    case 'exchange':
      // Verified at once, announced as added then verified (create-funding-source-for-customer.mdx).
      source = {
        ...base,
        type: 'bank',
        status: 'verified',
        channels: ['ach'],
        bankAccountType: draft.bankAccountType,
        bankName: SANDBOX_BANK_NAME,
        fingerprint: draftFingerprint(draft),
        origin: 'exchange',
        ...(draft.onDemandAuthorizationId === undefined ? {} : { onDemandAuthorizationId: draft.onDemandAuthorizationId }),
      }
      return { source, topics: ['funding_source_added', 'funding_source_verified'] }
    case 'virtual':
      source = {
        ...base,
        type: 'virtual',
        status: 'verified',
        channels: ['external'],
        bankAccountType: 'checking',
        bankName: SANDBOX_BANK_NAME,
        fingerprint: fingerprintOf(VAN_ROUTING_NUMBER, vanAccountNumber(id)),
      }
      break
  }
  return { source, topics: ['funding_source_added'] }
}

/** A Verified Customer's balance: created when the customer is verified, with no event of its own (help.dwolla.com 2444678). */
export function createBalance(id: string, customerId: string, now: number): FundingSource {
  return { id, customerId, type: 'balance', status: 'verified', name: 'Balance', created: now, removed: false, channels: [] }
}

/** Whether adding this bank again brings the removed one back instead of making a new one. */
export function isReaddable(removed: FundingSource, now: number): boolean {
  return removed.removed && removed.type === 'bank' && removed.status === 'unverified' && now - removed.created <= READD_WINDOW_MS
}

/**
 * The removed bank back, with the same id (remove.mdx): not removed, named and typed as the new
 * request asks, its micro-deposits as they were (so a bank that used up its attempts stays so
 * until the 48 hours pass). Raises `funding_source_added`, as a new bank would.
 */
export function readd(removed: FundingSource, draft: FundingSourceDraft): Transition {
  const source: FundingSource = { ...removed, removed: false, name: draft.name }
  if (draft.kind !== 'virtual') source.bankAccountType = draft.bankAccountType
  if ((draft.kind === 'numbers' || draft.kind === 'exchange') && draft.onDemandAuthorizationId !== undefined)
    source.onDemandAuthorizationId = draft.onDemandAuthorizationId
  return { source, topics: ['funding_source_added'] }
}

function requireNotRemoved(source: FundingSource): void {
  if (source.removed) throw new DwollaError('InvalidResourceState', { message: FUNDING_SOURCE_MESSAGES.removedCannotBeUpdated })
}

/**
 * `{"removed": true}`: a soft remove; the funding source stays readable, `removed: true`, with
 * only its `self` link. Banks and VANs can be removed (Dwolla's own test removes a VAN); a
 * balance cannot (inferred: answered as Dwolla answers changes to one).
 */
export function remove(source: FundingSource): Transition {
  requireNotRemoved(source)
  if (source.type === 'balance') throw new DwollaError('ValidationError', { message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated })
  return { source: { ...source, removed: true }, topics: ['funding_source_removed'] }
}

/**
 * A return's systematic action (transfer-failures.mdx: R22 unverifies the bank without removing
 * it): the bank is `unverified` again, and its micro-deposits start over, so it can be verified
 * afresh (inferred). Raises `funding_source_unverified`; a bank already unverified or removed
 * changes nothing.
 */
export function unverify(source: FundingSource): Transition {
  if (source.type !== 'bank' || source.removed || source.status === 'unverified') return { source, topics: [] }
  const unverified: FundingSource = { ...source, status: 'unverified' }
  delete unverified.microDeposits
  return { source: unverified, topics: ['funding_source_unverified'] }
}

/**
 * An update (update.mdx): `name` always (required, as in Dwolla's schemas); `routingNumber` with
 * `accountNumber` (both, since mock-dwolla keeps only their fingerprint: inferred) and
 * `bankAccountType` only while the bank is unverified; on a verified bank they are
 * `403 InvalidResourceState` (inferred). New numbers are a new account: its micro-deposits start
 * over (inferred). Raises `funding_source_updated`.
 */
export function update(source: FundingSource, body: Record<string, unknown>, adder: Adder): Transition {
  requireNotRemoved(source)
  if (source.type !== 'bank') throw new DwollaError('ValidationError', { message: FUNDING_SOURCE_MESSAGES.onlyBanksUpdated })
  const given = (name: string) => Object.hasOwn(body, name) && body[name] !== undefined
  const changesNumbers = given('routingNumber') || given('accountNumber')
  if ((changesNumbers || given('bankAccountType')) && source.status === 'verified') throw new DwollaError('InvalidResourceState')
  const problems: EmbeddedError[] = []
  const name = readBankName(body.name, problems)
  let fingerprint = source.fingerprint
  if (changesNumbers) {
    const routingNumber = readRoutingNumber(body.routingNumber, problems)
    const accountNumber = readAccountNumber(body.accountNumber, problems)
    if (routingNumber !== undefined && accountNumber !== undefined) fingerprint = fingerprintOf(routingNumber, accountNumber)
  }
  const bankAccountType = given('bankAccountType') ? readBankAccountType(body.bankAccountType, adder, problems) : source.bankAccountType
  if (problems.length > 0) throw validationError(problems)
  const updated: FundingSource = { ...source, name: name as string }
  if (bankAccountType !== undefined) updated.bankAccountType = bankAccountType
  if (fingerprint !== source.fingerprint && fingerprint !== undefined) {
    updated.fingerprint = fingerprint
    delete updated.microDeposits
  }
  return { source: updated, topics: ['funding_source_updated'] }
}
