import { HalLinks } from '../../hal/hal-links.js'
import { amountOf } from '../../money.js'
import type { Label, LabelLedgerEntry, LabelReallocation } from './label.js'

/**
 * A label as GET /labels/{id} answers it (labels/retrieve-a-label.mdx): `self`, its
 * `ledger-entries` and `update` (both the ledger-entries collection, where an amount is added or
 * taken), its `customer`, and `remove` only when it holds nothing.
 */
export function labelRepresentation(label: Label, links: HalLinks): Record<string, unknown> {
  const entries = links.link(HalLinks.pathOf('label', label.id, 'ledger-entries'), 'ledger-entry')
  return {
    _links: {
      self: links.to('label', label.id),
      'ledger-entries': entries,
      update: entries,
      customer: links.to('customer', label.customerId),
      ...(label.cents === 0 ? { remove: links.to('label', label.id) } : {}),
    },
    id: label.id,
    created: new Date(label.created).toISOString(),
    amount: amountOf(label.cents),
  }
}

/** A ledger entry (labels/retrieve-a-label-ledger-entry.mdx): `self` and its `label`; a negative amount keeps its sign. */
export function ledgerEntryRepresentation(entry: LabelLedgerEntry, links: HalLinks): Record<string, unknown> {
  return {
    _links: { self: links.to('ledger-entry', entry.id), label: links.to('label', entry.labelId) },
    id: entry.id,
    amount: amountOf(entry.cents),
    created: new Date(entry.created).toISOString(),
  }
}

/** A reallocation (labels/retrieve-a-label-reallocation.mdx): `self` and its two ledger entries, and when it was made. */
export function reallocationRepresentation(reallocation: LabelReallocation, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.to('label-reallocation', reallocation.id),
      'to-ledger-entry': links.to('ledger-entry', reallocation.toEntryId),
      'from-ledger-entry': links.to('ledger-entry', reallocation.fromEntryId),
    },
    created: new Date(reallocation.created).toISOString(),
  }
}
