import { validationError } from '../../errors.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { announce, booksOf, record, refundTransit, type Books } from './books.js'
import { cancelFees } from './settlement.js'
import { isCancellable, type Transfer } from './transfer.js'
import { TRANSFER_MESSAGES as M } from './transfer-messages.js'

function cancelOne(books: Books, transfer: Transfer): Transfer {
  if (transfer.refundTo !== undefined) refundTransit(books, transfer, transfer.refundTo)
  const cancelled = record(books, { ...transfer, status: 'cancelled' })
  announce(books, cancelled, 'cancelled')
  return cancelled
}

/**
 * POST /transfers/{id} `{"status": "cancelled"}` (cancel.mdx): only while the `cancel` link is
 * there (a pending transfer), else 400 `NotAllowed` "Status not allowed." at `/status`. A main
 * transfer and its pending funding leg go together, whichever is asked (inferred); its money in
 * flight returns to the balance that paid it; its fees are never charged. Returns the transfer
 * asked for.
 */
export function cancelTransfer(world: ApplicationWorld, id: string): Transfer {
  const books = booksOf(world)
  const transfer = books.transfers.get(id)
  if (transfer === undefined) throw new RangeError(`no transfer ${id} for application ${world.clientId}`)
  if (!isCancellable(transfer)) throw validationError([{ code: 'NotAllowed', message: M.statusNotAllowed, path: '/status', _links: {} }])
  const main = transfer.role === 'funding' ? books.transfers.get(transfer.fundedTransferId as string) : transfer
  const funding = main?.role === 'main' && main.fundingTransferId !== undefined ? books.transfers.get(main.fundingTransferId) : undefined
  if (transfer.role === 'withdrawal') return cancelOne(books, transfer)
  if (funding !== undefined && funding.status === 'pending') cancelOne(books, funding)
  if (main !== undefined && main.status === 'pending') {
    cancelOne(books, main)
    cancelFees(books, main)
  }
  return books.transfers.get(transfer.id) as Transfer
}
