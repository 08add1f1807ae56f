import type { ApplicationWorld } from '../../world/application-world.js'
import { bankAccount } from '../balances/index.js'
import { FUNDING_SOURCES, type FundingSource } from '../funding-sources/index.js'
import { balance, booksOf, record, transit, type Books } from './books.js'
import { returnCodeOf, sentinelOf } from './return-codes.js'
import { creditBank, fail, land, payerFeesOf } from './settlement.js'
import type { Transfer, TransferFailure } from './transfer.js'
import { SIMULATION_BATCH } from './transfer-store.js'
import { applyReturnActions } from './return-actions.js'

/** The bank a bank leg touches: the one it debits or the one it credits. */
function bankOf(leg: Transfer): string {
  return leg.bank === 'debit' ? leg.sourceFundingSourceId : leg.destinationFundingSourceId
}

/** Whether a bank leg may be processed now: a main transfer waits for its funding leg to land. */
function isEligible(books: Books, leg: Transfer): boolean {
  if (leg.role !== 'main' || leg.fundingTransferId === undefined) return true
  return books.transfers.get(leg.fundingTransferId)?.status === 'processed'
}

function failureFor(code: string, bank: FundingSource): TransferFailure {
  const { description, explanation } = returnCodeOf(code)
  return { code, description, explanation, fundingSourceId: bank.id }
}

/** A bank debit reaches Dwolla: a funding leg into its payer's balance (then on to the main transfer), or a main transfer's own. */
function debitBank(books: Books, leg: Transfer): void {
  if (leg.role === 'funding') {
    const main = books.transfers.get(leg.fundedTransferId as string) as Transfer
    const taken = leg.amount + payerFeesOf(books, main)
    books.ledger.move(bankAccount(leg.sourceFundingSourceId), balance(leg.destinationFundingSourceId), taken, { at: books.now })
    record(books, { ...leg, status: 'processed' }, 'completed')
    if (main.status !== 'pending') return
    // What the leg just paid in moves straight on: the balance lends nothing of its own, and
    // a balance below zero from a debit return is not made lower by it.
    books.ledger.move(balance(leg.destinationFundingSourceId), transit(main), taken, { at: books.now, debitReturn: true })
    if (main.bank === undefined) land(books, main)
    return
  }
  books.ledger.move(bankAccount(leg.sourceFundingSourceId), transit(leg), leg.amount, { at: books.now })
  land(books, leg)
}

/**
 * A debit that processed comes back (`R01-late`): the leg and its main transfer fail, and the
 * money is pulled back from the balance it reached, which may go below zero (a debit return,
 * discuss.dwolla.com 6478); a withdrawal that already left stays processed.
 */
function returnDebit(books: Books, leg: Transfer, failure: TransferFailure): void {
  const main = leg.role === 'funding' ? books.transfers.get(leg.fundedTransferId as string) : leg
  let from = leg.role === 'funding' ? balance(leg.destinationFundingSourceId) : balance(leg.payeeBalanceId as string)
  if (main !== undefined && main !== leg && main.status === 'pending') from = transit(main)
  else if (main?.status === 'processed' && main.payeeBalanceId !== undefined && main.bank === undefined) from = balance(main.payeeBalanceId)
  const held = from.kind === 'transit' ? books.ledger.available(from) : leg.amount
  const wasNegative = books.ledger.available(from) < 0
  if (held > 0) books.ledger.move(from, bankAccount(leg.sourceFundingSourceId), Math.min(held, leg.amount), { at: books.now, debitReturn: true })
  // Only a balance can be taken below zero, and only here; its owner is told when it first is.
  const wentNegative = from.kind === 'balance' && !wasNegative && books.ledger.available(from) < 0
  if (from.kind === 'transit' && main !== undefined && main.refundTo !== undefined) {
    const rest = books.ledger.available(from)
    if (rest > 0) books.ledger.move(from, balance(main.refundTo), rest, { at: books.now })
  }
  record(books, { ...leg, status: 'failed', failure, failLater: undefined }, 'failed')
  if (main !== undefined && main !== leg && (main.status === 'pending' || main.status === 'processed'))
    record(books, { ...main, status: 'failed', failure }, 'failed')
  if (wentNegative) books.world.get(FUNDING_SOURCES).announceNegative(from.id)
}

/** A credit that reached the bank comes back (`R03-late`): the money returns to the balance that paid it. */
function returnCredit(books: Books, leg: Transfer, failure: TransferFailure): void {
  const to = leg.refundTo
  if (to !== undefined) books.ledger.move(bankAccount(leg.destinationFundingSourceId), balance(to), leg.amount, { at: books.now })
  record(books, { ...leg, status: 'failed', failure, failLater: undefined }, 'failed')
}

/**
 * What transfers do in POST /sandbox-simulations (the facts' §7 algorithm, consistent with every
 * capture of §8):
 *   1. legs that processed with a `-late` sentinel fail now;
 *   2. the pending bank legs eligible at the start (not waiting on a funding leg), the last 500,
 *      are processed in the order they were made: a bank named for a return code fails the leg
 *      (and the code's actions follow), `-late` processes it now and fails it on the next run,
 *      anything else processes it;
 *   3. what a processed leg releases moves on at once (a funding leg's main transfer lands; a
 *      landing makes its withdrawal leg), but a bank leg made eligible waits for the next run.
 * Returns how many transfers it changed (the answer's `total`).
 */
export function processPendingTransfers(world: ApplicationWorld): number {
  const books = booksOf(world)
  const banks = world.get(FUNDING_SOURCES)
  let changed = 0
  for (const id of books.transfers.failingLater()) {
    const leg = books.transfers.get(id) as Transfer
    const bank = banks.get(bankOf(leg)) as FundingSource
    const failure = failureFor(leg.failLater as string, bank)
    if (leg.bank === 'debit') returnDebit(books, leg, failure)
    else returnCredit(books, leg, failure)
    applyReturnActions(world, bank, failure.code)
    changed += 1
  }
  const eligible = books.transfers
    .pendingBankLegs()
    .map((id) => books.transfers.get(id) as Transfer)
    .filter((leg) => isEligible(books, leg))
    .slice(-SIMULATION_BATCH)
  for (const snapshot of eligible) {
    const leg = books.transfers.get(snapshot.id) as Transfer
    if (leg.status !== 'pending') continue
    const bank = banks.get(bankOf(leg)) as FundingSource
    const sentinel = sentinelOf(bank.name)
    if (sentinel !== undefined && !sentinel.late) {
      fail(books, leg, failureFor(sentinel.code, bank))
      applyReturnActions(world, bank, sentinel.code)
    } else {
      if (leg.bank === 'debit') debitBank(books, leg)
      else creditBank(books, leg)
      if (sentinel !== undefined) record(books, { ...(books.transfers.get(leg.id) as Transfer), failLater: sentinel.code })
    }
    changed += 1
  }
  return changed
}
