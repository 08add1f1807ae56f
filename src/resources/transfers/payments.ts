import { randomUUID } from 'node:crypto'
import { DwollaError } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { LedgerRefusal } from '../balances/index.js'
import { accountBalanceIdFor, FUNDING_SOURCES } from '../funding-sources/index.js'
import { balance, booksOf, record, transit, type Books } from './books.js'
import { checkPairing, refusal, sameParty, sideOf, type PaymentSide } from './payment-parties.js'
import type { FeeRequest } from './read-transfer-request.js'
import { land } from './settlement.js'
import type { Party, Transfer, TransferExtras } from './transfer.js'
import { TRANSFER_MESSAGES as M } from './transfer-messages.js'

/** A payment as asked for: funding-source ids, whole cents, and what the request carried besides. */
export interface PaymentRequest extends TransferExtras {
  /** The funding source paying (a bank or a balance), by id; undefined reads as not found. */
  sourceId: string | undefined
  /** The funding source paid, by id. */
  destinationId: string | undefined
  /** The destination was given as a customer's href (the legacy form): "Invalid destination." */
  destinationIsCustomer?: boolean
  /** Whole cents, at least 1. */
  amount: number
  fees?: readonly FeeRequest[]
}

/** A Verified Customer sends at most $10,000 a transfer; an Unverified Customer $5,000 a week (customer-types.mdx). */
export const VERIFIED_SEND_LIMIT_CENTS = 1_000_000
export const UNVERIFIED_WEEKLY_LIMIT_CENTS = 500_000

/** Monday 00:00 UTC of the week a moment falls in: the Unverified Customer's limit counts Monday to Sunday. */
function weekStart(at: number): number {
  const day = new Date(at)
  const sinceMonday = (day.getUTCDay() + 6) % 7
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - sinceMonday)
}

function checkLimits(books: Books, source: PaymentSide, amount: number): void {
  const sender = source.customer
  if (sender === undefined) return
  if (sender.type === 'personal' || sender.type === 'business') {
    if (amount > VERIFIED_SEND_LIMIT_CENTS) refusal('Invalid', M.overLimit, '/amount/value')
    return
  }
  const since = weekStart(books.now)
  let sent = 0
  for (const transfer of books.transfers.ofParty(source.party)) {
    if (
      transfer.role === 'main' &&
      transfer.created >= since &&
      sameParty(transfer.source, source.party) &&
      transfer.status !== 'failed' &&
      transfer.status !== 'cancelled'
    )
      sent += transfer.amount
  }
  if (sent + amount > UNVERIFIED_WEEKLY_LIMIT_CENTS) refusal('Invalid', M.overLimit, '/amount/value')
}

interface PlannedFee {
  party: Party
  balanceId: string
  amount: number
}

/**
 * Facilitator fees (facilitator-fee.mdx): each at least $0.01, together at most half the amount,
 * charged to a party of the transfer that has a balance, and none on a customer's me-to-me
 * transfer.
 */
function planFees(fees: readonly FeeRequest[], source: PaymentSide, destination: PaymentSide, amount: number): PlannedFee[] {
  const planned: PlannedFee[] = []
  let sum = 0
  const meToMe = sameParty(source.party, destination.party)
  for (const fee of fees) {
    const side = [source, destination].find((candidate) => candidate.customer !== undefined && candidate.customer.id === fee.chargeToCustomerId)
    if (side === undefined || side.balanceId === undefined || meToMe) refusal('Invalid', M.feeNotOnParty, '/fees/_links/charge-to/href')
    sum += fee.amount
    planned.push({ party: side.party, balanceId: side.balanceId, amount: fee.amount })
  }
  if (sum * 2 > amount) refusal('Invalid', M.feeSumTooLarge, '')
  return planned
}

function findFundingSource(world: ApplicationWorld, id: string | undefined) {
  return id === undefined ? undefined : world.get(FUNDING_SOURCES).get(id)
}

/**
 * POST /transfers as a model: checks the request against who may pay whom, the limits and the
 * funds, then makes the payment's chain (transfer-lifecycle.mdx) and raises its creation events
 * in the order of the sandbox captures (facts §8):
 *   - a bank source of a party with a balance (the Account, a Verified Customer) adds a funding
 *     leg, pending until simulated; the main transfer waits for it;
 *   - an Unverified Customer's bank is debited by the main transfer itself;
 *   - a balance source is debited now; balance to balance is `processed` at once;
 *   - the payee's bank, when the payee has a balance, is paid by a withdrawal leg made once the
 *     money lands; else the main transfer itself credits it, pending until simulated.
 * Returns the main transfer (the `Location` of POST /transfers); throws DwollaError.
 */
export function initiatePayment(world: ApplicationWorld, request: PaymentRequest): Transfer {
  const books = booksOf(world)
  const from = findFundingSource(world, request.sourceId)
  if (from === undefined) refusal('Invalid', M.sourceNotFound, '/_links/source/href')
  if (request.destinationIsCustomer === true) refusal('Invalid', M.invalidDestination, '/_links/destination/href')
  const to = findFundingSource(world, request.destinationId)
  if (to === undefined) refusal('Invalid', M.receiverNotFound, '/_links/destination/href')
  const source = sideOf(world, from)
  const destination = sideOf(world, to)
  checkPairing(source, destination)
  if (request.processingChannel !== undefined) {
    if (!to.channels.includes('real-time-payments')) refusal('NotAllowed', M.channelNotSupported, '/processingChannel/destination')
    if (from.type !== 'balance') refusal('NotAllowed', M.channelNeedsBalance, '/_links/destination/href')
  }
  const fees = planFees(request.fees ?? [], source, destination, request.amount)
  checkLimits(books, source, request.amount)
  const payerFees = fees.filter((fee) => sameParty(fee.party, source.party)).reduce((sum, fee) => sum + fee.amount, 0)
  if (from.type === 'balance' && books.ledger.available(balance(from.id)) < request.amount + payerFees)
    refusal('InsufficientFunds', M.insufficientFunds, '/_links/source/href')
  const meToMe = sameParty(source.party, destination.party)
  const needsFunding = !meToMe && from.type === 'bank' && source.balanceId !== undefined
  const legs = 1 + (needsFunding ? 1 : 0) + fees.length + (to.type === 'bank' ? 1 : 0)
  if (books.transfers.size + legs > books.transfers.limit()) throw new DwollaError('MaxNumberOfResources', { message: M.tooManyTransfers })

  const mainId = randomUUID()
  const extras: TransferExtras = {}
  for (const key of ['metadata', 'correlationId', 'clearing', 'achDetails', 'processingChannel'] as const) {
    if (request[key] !== undefined) Object.assign(extras, { [key]: structuredClone(request[key]) })
  }
  const main: Transfer = {
    ...extras,
    id: mainId,
    role: 'main',
    status: 'pending',
    amount: request.amount,
    created: books.now,
    source: source.party,
    destination: destination.party,
    sourceFundingSourceId: from.id,
    destinationFundingSourceId: to.id,
    paymentId: mainId,
  }
  if (meToMe) {
    // One bank transfer between a party's own bank and its own balance.
    main.bank = from.type === 'bank' ? 'debit' : 'credit'
    if (from.type === 'balance') main.refundTo = from.id
    else main.payeeBalanceId = to.id
  } else {
    if (from.type === 'bank' && source.balanceId === undefined) main.bank = 'debit'
    else if (to.type === 'bank' && destination.balanceId === undefined) main.bank = 'credit'
    if (destination.balanceId !== undefined) main.payeeBalanceId = destination.balanceId
    if (to.type === 'bank' && destination.balanceId !== undefined) main.withdrawsToBank = true
    if (from.type === 'balance') main.refundTo = from.id
    else if (source.balanceId !== undefined) main.refundTo = source.balanceId
  }
  let funding: Transfer | undefined
  if (needsFunding) {
    funding = {
      id: randomUUID(),
      role: 'funding',
      status: 'pending',
      amount: request.amount,
      created: books.now,
      source: source.party,
      destination: source.party,
      sourceFundingSourceId: from.id,
      destinationFundingSourceId: source.balanceId as string,
      bank: 'debit',
      fundedTransferId: mainId,
      paymentId: mainId,
    }
    main.fundingTransferId = funding.id
  }
  const feeTransfers: Transfer[] = fees.map((fee) => ({
    id: randomUUID(),
    role: 'fee',
    status: 'pending',
    amount: fee.amount,
    created: books.now,
    source: fee.party,
    destination: { kind: 'account' },
    sourceFundingSourceId: fee.balanceId,
    destinationFundingSourceId: accountBalanceIdFor(world.clientId),
    createdFromTransferId: mainId,
    paymentId: mainId,
  }))
  if (feeTransfers.length > 0) main.feeIds = feeTransfers.map((fee) => fee.id)

  if (from.type === 'balance') {
    try {
      books.ledger.move(balance(from.id), transit(main), request.amount + payerFees, { at: books.now })
    } catch (error) {
      if (error instanceof LedgerRefusal) refusal('InsufficientFunds', M.insufficientFunds, '/_links/source/href')
      throw error
    }
  }
  if (funding !== undefined) record(books, funding, 'created')
  const stored = record(books, main, 'created')
  for (const fee of feeTransfers) record(books, fee)
  if (!meToMe && from.type === 'balance' && main.bank === undefined) return land(books, stored)
  return stored
}
