import { randomUUID } from 'node:crypto'
import { LedgerRefusal } from '../balances/index.js'
import { announce, balance, record, refundTransit, transit, type Books } from './books.js'
import { sameParty } from './payment-parties.js'
import type { Transfer, TransferFailure } from './transfer.js'

/** A main transfer's fee transfers. */
export function feesOf(books: Books, main: Transfer): Transfer[] {
  return (main.feeIds ?? []).flatMap((id) => {
    const fee = books.transfers.get(id)
    return fee === undefined ? [] : [fee]
  })
}

/** What the payer's fees add to the money a payment takes from it. */
export function payerFeesOf(books: Books, main: Transfer): number {
  return feesOf(books, main)
    .filter((fee) => sameParty(fee.source, main.source))
    .reduce((sum, fee) => sum + fee.amount, 0)
}

/**
 * The fees are charged when the payment processes (facilitator-fee.mdx), each its own transfer
 * to the Account: the payer's out of the money in flight (taken with the payment), the payee's
 * out of its balance once paid. A fee its party cannot pay is `cancelled` (inferred). Each raises
 * its `created` events then (the facts' Mock line).
 */
function chargeFees(books: Books, main: Transfer): void {
  for (const fee of feesOf(books, main)) {
    if (fee.status !== 'pending') continue
    const from = sameParty(fee.source, main.source) ? transit(main) : balance(fee.sourceFundingSourceId)
    try {
      books.ledger.move(from, balance(fee.destinationFundingSourceId), fee.amount, { at: books.now })
      record(books, { ...fee, status: 'processed' }, 'created')
    } catch (error) {
      if (!(error instanceof LedgerRefusal)) throw error
      record(books, { ...fee, status: 'cancelled' })
    }
  }
}

/** Fees not charged yet are never charged: the payment failed or was cancelled. */
export function cancelFees(books: Books, main: Transfer): void {
  for (const fee of feesOf(books, main)) if (fee.status === 'pending') record(books, { ...fee, status: 'cancelled' })
}

/**
 * A main transfer's money reaches the payee's balance (it is in flight, in the transfer's transit
 * account): `processed`, its events, its fees; then, for a payee's bank, the withdrawal leg
 * (transfer-lifecycle.mdx). Balance-to-balance transfers land at creation; bank-funded ones when
 * their funding leg processes.
 */
export function land(books: Books, main: Transfer): Transfer {
  const payeeBalance = main.payeeBalanceId as string
  books.ledger.move(transit(main), balance(payeeBalance), main.amount, { at: books.now })
  const landed = record(books, { ...main, status: 'processed' }, 'completed')
  chargeFees(books, landed)
  refundTransit(books, landed, landed.refundTo ?? payeeBalance)
  if (landed.withdrawsToBank === true) withdraw(books, landed, payeeBalance)
  return landed
}

/**
 * The withdrawal leg: the payee's balance out to its bank, pending until simulated. Dwolla
 * cannot create it when the balance does not hold the amount (a negative balance, or fees taken
 * from it): `*_bank_transfer_creation_failed`, and the money stays in the balance.
 */
function withdraw(books: Books, main: Transfer, payeeBalance: string): void {
  const payeeFees = feesOf(books, main)
    .filter((fee) => fee.status === 'processed' && sameParty(fee.source, main.destination))
    .reduce((sum, fee) => sum + fee.amount, 0)
  const amount = main.amount - payeeFees
  const leg: Transfer = {
    id: randomUUID(),
    role: 'withdrawal',
    status: 'pending',
    amount,
    created: books.now,
    source: main.destination,
    destination: main.destination,
    sourceFundingSourceId: payeeBalance,
    destinationFundingSourceId: main.destinationFundingSourceId,
    bank: 'credit',
    fundingTransferId: main.id,
    paymentId: main.id,
    refundTo: payeeBalance,
  }
  try {
    if (amount <= 0) throw new LedgerRefusal('insufficient-funds', 'nothing left to withdraw')
    books.ledger.move(balance(payeeBalance), transit(leg), amount, { at: books.now })
  } catch (error) {
    if (!(error instanceof LedgerRefusal)) throw error
    announce(books, leg, 'creation_failed')
    return
  }
  record(books, { ...main, fundedTransferId: leg.id })
  record(books, leg, 'created')
}

/** A bank credit leg (a withdrawal, or a main transfer to a bank with no balance) reaches its bank. */
export function creditBank(books: Books, leg: Transfer): Transfer {
  books.ledger.move(transit(leg), { kind: 'bank', id: leg.destinationFundingSourceId }, leg.amount, { at: books.now })
  const processed = record(books, { ...leg, status: 'processed' }, 'completed')
  if (processed.role === 'main') {
    chargeFees(books, processed)
    if (processed.refundTo !== undefined) refundTransit(books, processed, processed.refundTo)
  }
  return processed
}

/**
 * A leg fails: `failed` with the failure, its money in flight back to the balance that paid it
 * ("money that fails to reach a bank returns to a Dwolla balance", balance-funding-source.mdx),
 * its events. A failed funding leg fails its main transfer too, with the same failure
 * (inferred: facts §6.4).
 */
export function fail(books: Books, leg: Transfer, failure: TransferFailure): void {
  if (leg.refundTo !== undefined) refundTransit(books, leg, leg.refundTo)
  record(books, { ...leg, status: 'failed', failure }, 'failed')
  const main = leg.role === 'funding' && leg.fundedTransferId !== undefined ? books.transfers.get(leg.fundedTransferId) : leg.role === 'main' ? leg : undefined
  if (main === undefined) return
  if (main !== leg && main.status === 'pending') {
    if (main.refundTo !== undefined) refundTransit(books, main, main.refundTo)
    record(books, { ...main, status: 'failed', failure }, 'failed')
  }
  cancelFees(books, main)
}
