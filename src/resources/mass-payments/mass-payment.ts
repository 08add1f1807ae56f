import type { EmbeddedError } from '../../errors.js'

/**
 * A mass payment (dev-portal api-reference/mass-payments/*.mdx): up to 5,000 payments from one
 * funding source of the Account or a Verified Customer, each an item. `deferred` waits for an
 * update to `pending` (or `cancelled`); `pending` is processed item by item (`processing`), each
 * item becoming a transfer under the same rules as POST /transfers (`success`) or failing with
 * its errors (`failed`), and the mass payment is `complete` once every item is handled.
 */

export const MASS_PAYMENT_STATUSES = ['deferred', 'pending', 'processing', 'complete', 'cancelled'] as const
export type MassPaymentStatus = (typeof MASS_PAYMENT_STATUSES)[number]

export const ITEM_STATUSES = ['pending', 'success', 'failed'] as const
export type MassPaymentItemStatus = (typeof ITEM_STATUSES)[number]

/** What a request may say besides the money, kept as given. */
export interface MassPaymentExtras {
  metadata?: Record<string, string>
  correlationId?: string
  clearing?: { source?: string; destination?: string }
}

export interface MassPayment extends MassPaymentExtras {
  /** A lowercase UUID. */
  id: string
  status: MassPaymentStatus
  /** In milliseconds by the mock's clock. */
  created: number
  /** The funding source paying every item (a bank or a balance). */
  sourceId: string
  /** The source's customer; undefined for the Account's. */
  customerId?: string
  /** Its items' ids, in the order given. */
  itemIds: string[]
  /** The sum of its items, in cents. */
  total: number
}

export interface MassPaymentItem {
  id: string
  massPaymentId: string
  status: MassPaymentItemStatus
  destinationId: string
  /** Cents. */
  amount: number
  metadata?: Record<string, string>
  correlationId?: string
  /** Its payment's main transfer, once made. */
  transferId?: string
  /** Why it failed, in Dwolla's embedded form. */
  errors?: EmbeddedError[]
}

/** Most items one mass payment has (create-mass-payment.mdx: "up to 5,000"). */
export const MAX_ITEMS = 5_000

/**
 * The largest POST /mass-payments body, in bytes (or `bodyLimit` when larger): 5,000 items with
 * hrefs, amounts, metadata and correlationIds are about 1 MB; past it, 413.
 */
export const MASS_PAYMENT_BODY_LIMIT = 4 * 1024 * 1024

/** Dwolla's words, and mock-dwolla's where Dwolla documents none (marked). */
export const MASS_PAYMENT_MESSAGES = {
  /** updateMassPayment, any status but these two (Dwolla's spec). */
  invalidStatus: 'Invalid status. Allowed types are pending, cancelled.',
  /** updateMassPayment of a mass payment that is not deferred (inferred, the transfers' cancel words). */
  statusNotAllowed: 'Status not allowed.',
  /** Past MAX_ITEMS (inferred wording). */
  tooManyItems: 'Items exceeded the maximum of 5000.',
  /** No items (inferred wording). */
  itemsRequired: 'Items required.',
  /** A source that is not a bank or balance of the Account or a Verified Customer (Dwolla's spec: "invalid funding source"). */
  invalidSource: 'Invalid funding source.',
  sourceRequired: 'Source required.',
  destinationRequired: 'Destination required.',
  notFound: 'Mass payment not found.',
  itemNotFound: 'Mass payment item not found.',
  /** Past `massPaymentLimit` or `massPaymentItemLimit` (inferred: mock-dwolla's own bounds; Dwolla documents none). */
  tooMany: 'The maximum number of mass payments has been reached.',
} as const
