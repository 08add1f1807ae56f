import type { ApplicationWorld } from '../../world/application-world.js'
import { balanceAccount, LEDGER, transitAccount, type Ledger, type LedgerAccount } from '../balances/index.js'
import type { Transfer } from './transfer.js'
import { transferEvents, type TransferPhase } from './transfer-events.js'
import type { TransferStore } from './transfer-store.js'
import { TRANSFERS } from './transfers-part.js'

/**
 * What the payment code works on, for one application at one moment: its transfers, its ledger
 * (the only place money moves) and the time. Everything done through it is synchronous: no
 * await between a check and a posting, so concurrent requests cannot overdraw a balance.
 */
export interface Books {
  world: ApplicationWorld
  transfers: TransferStore
  ledger: Ledger
  now: number
}

export function booksOf(world: ApplicationWorld): Books {
  return { world, transfers: world.get(TRANSFERS), ledger: world.get(LEDGER), now: world.server.now() }
}

/** A balance funding source's ledger account. */
export const balance = (fundingSourceId: string): LedgerAccount => balanceAccount(fundingSourceId)

/** A transfer's money in flight. */
export const transit = (transfer: Transfer): LedgerAccount => transitAccount(transfer.id)

/** Stores a transfer's change and raises the phase's events (§8's topic rule). */
export function record(books: Books, transfer: Transfer, phase?: TransferPhase): Transfer {
  const stored = books.transfers.put(transfer)
  if (phase !== undefined) announce(books, stored, phase)
  return stored
}

export function announce(books: Books, transfer: Transfer, phase: TransferPhase): void {
  for (const event of transferEvents(transfer, phase)) {
    books.world.raise({
      topic: event.topic,
      resourceType: 'transfer',
      resourceId: transfer.id,
      ...(event.customerId === undefined ? {} : { customerId: event.customerId }),
      // Carried by the events of the transfer that has one (webhook-events.mdx): the main transfer.
      ...(transfer.correlationId === undefined ? {} : { correlationId: transfer.correlationId }),
      at: books.now,
    })
  }
}

/** Moves what a transfer holds in flight back to a balance (a refund): all of it. */
export function refundTransit(books: Books, transfer: Transfer, to: string): void {
  const held = books.ledger.available(transit(transfer))
  if (held > 0) books.ledger.move(transit(transfer), balance(to), held, { at: books.now })
}
