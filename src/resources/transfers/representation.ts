import type { HalLink } from '../../errors.js'
import { HalLinks } from '../../hal/hal-links.js'
import { amountOf } from '../../money.js'
import { accountIdFor } from '../accounts/index.js'
import { isCancellable, type Party, type Transfer } from './transfer.js'

function partyLink(party: Party, clientId: string, links: HalLinks): HalLink {
  return party.kind === 'account' ? links.to('account', accountIdFor(clientId)) : links.to('customer', party.customerId)
}

const ACH_ID_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
/** Where, in a UUID's text, the last two hex digits of each of its first eight groups of four digits are. */
const ACH_ID_DIGITS = [2, 6, 11, 16, 21, 26, 30, 34]

function hexValue(code: number): number {
  return code <= 57 ? code - 48 : (code | 32) - 87
}

/**
 * An ACH leg's trace id: 8 characters, as the sandbox captures show (`IK7G585P`), read from the
 * transfer's random UUID (the low five bits of each of its first eight groups of four hex digits),
 * so it never changes. No hash, no string made: a list of 25 transfers once hashed 25 ids per
 * answer, a tenth of its CPU.
 */
export function individualAchIdOf(id: string): string {
  let value = ''
  for (const at of ACH_ID_DIGITS) value += ACH_ID_ALPHABET.charAt(((hexValue(id.charCodeAt(at)) & 1) << 4) | hexValue(id.charCodeAt(at + 1)))
  return value
}

/**
 * The clearing a bank leg shows when the request chose none: `source: standard` on a bank debit,
 * `destination: next-day` on a withdrawal leg (the sandbox captures). A main transfer that
 * credits a bank itself shows none: Dwolla's own sandbox test expects `clearing.source` whenever
 * a transfer has a clearing, and reads such a transfer (inferred).
 */
function defaultClearingOf(transfer: Transfer): Record<string, string> | undefined {
  if (transfer.bank === 'debit') return { source: 'standard' }
  if (transfer.role === 'withdrawal') return { destination: 'next-day' }
  return undefined
}

/**
 * A transfer as GET /transfers/{id} answers it (transfers/retrieve.mdx, facts §6.3): its place
 * in the payment's chain as links, `cancel` while cancellable, `fees` when it carries fees,
 * `failure` once failed. Bank legs carry the clearing and `individualAchId` of the sandbox
 * captures unless the request chose its clearing (see {@link defaultClearingOf}); the request's
 * metadata, correlationId and addenda stay on the main transfer. `processingChannel.destination`
 * is `real-time-payments`, never `instant`, which the `dwolla` SDK's closed enum refuses.
 */
export function transferRepresentation(transfer: Transfer, clientId: string, links: HalLinks): Record<string, unknown> {
  const self = links.to('transfer', transfer.id)
  const hal: Record<string, HalLink> = {
    self,
    source: partyLink(transfer.source, clientId, links),
    destination: partyLink(transfer.destination, clientId, links),
  }
  if (transfer.role === 'main' || transfer.role === 'funding' || transfer.role === 'fee')
    hal['source-funding-source'] = links.to('funding-source', transfer.sourceFundingSourceId)
  if (transfer.role === 'main' || transfer.role === 'withdrawal')
    hal['destination-funding-source'] = links.to('funding-source', transfer.destinationFundingSourceId)
  if (transfer.fundingTransferId !== undefined) hal['funding-transfer'] = links.to('transfer', transfer.fundingTransferId)
  if (transfer.fundedTransferId !== undefined) hal['funded-transfer'] = links.to('transfer', transfer.fundedTransferId)
  if (transfer.createdFromTransferId !== undefined) hal['created-from-transfer'] = links.to('transfer', transfer.createdFromTransferId)
  if (isCancellable(transfer)) hal.cancel = self
  if (transfer.feeIds !== undefined && transfer.feeIds.length > 0) hal.fees = links.link(HalLinks.pathOf('transfer', transfer.id, 'fees'), 'fee')
  if (transfer.status === 'failed') hal.failure = links.link(HalLinks.pathOf('transfer', transfer.id, 'failure'), 'failure')
  const body: Record<string, unknown> = {
    _links: hal,
    id: transfer.id,
    status: transfer.status,
    amount: amountOf(transfer.amount),
    created: new Date(transfer.created).toISOString(),
  }
  if (transfer.metadata !== undefined) body.metadata = { ...transfer.metadata }
  const clearing = transfer.clearing ?? defaultClearingOf(transfer)
  if (clearing !== undefined) body.clearing = { ...clearing }
  if (transfer.achDetails !== undefined) body.achDetails = structuredClone(transfer.achDetails)
  if (transfer.correlationId !== undefined) body.correlationId = transfer.correlationId
  if (transfer.bank !== undefined) body.individualAchId = individualAchIdOf(transfer.id)
  if (transfer.processingChannel !== undefined) body.processingChannel = { ...transfer.processingChannel }
  return body
}

/**
 * GET /transfers/{id}/failure (retrieve-a-transfer-failure-reason.mdx): the return code, its
 * description and explanation, the bank that failed (`failed-funding-source`) and its customer.
 */
export function failureRepresentation(transfer: Transfer, customerId: string | undefined, links: HalLinks): Record<string, unknown> {
  const failure = transfer.failure as NonNullable<Transfer['failure']>
  const hal: Record<string, HalLink> = {
    self: links.link(HalLinks.pathOf('transfer', transfer.id, 'failure'), 'failure'),
    'failed-funding-source': links.to('funding-source', failure.fundingSourceId),
  }
  if (customerId !== undefined) hal.customer = links.to('customer', customerId)
  return { _links: hal, code: failure.code, description: failure.description, explanation: failure.explanation }
}
