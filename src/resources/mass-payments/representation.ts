import { HalLinks } from '../../hal/hal-links.js'
import { amountOf } from '../../money.js'
import type { MassPayment, MassPaymentItem } from './mass-payment.js'

/**
 * A mass payment as GET /mass-payments/{id} answers it (mass-payments/retrieve-mass-payment.mdx):
 * `self`, its `source` funding source and its `items`; `total` (the items' sum) and `totalFees`
 * (always present: `dwolla@1.1.1` reads both), and what the request carried.
 */
export function massPaymentRepresentation(massPayment: MassPayment, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.to('mass-payment', massPayment.id),
      source: links.to('funding-source', massPayment.sourceId),
      items: links.link(HalLinks.pathOf('mass-payment', massPayment.id, 'items'), 'mass-payment-item'),
    },
    id: massPayment.id,
    status: massPayment.status,
    created: new Date(massPayment.created).toISOString(),
    ...(massPayment.metadata === undefined ? {} : { metadata: massPayment.metadata }),
    ...(massPayment.clearing === undefined ? {} : { clearing: massPayment.clearing }),
    total: amountOf(massPayment.total),
    totalFees: amountOf(0),
    ...(massPayment.correlationId === undefined ? {} : { correlationId: massPayment.correlationId }),
  }
}

/**
 * An item (mass-payments/retrieve-mass-payment-item.mdx): `self`, its `mass-payment`, its
 * `destination` and, once paid, its `transfer`; a failed one's errors under `_embedded.errors`.
 */
export function massPaymentItemRepresentation(item: MassPaymentItem, links: HalLinks): Record<string, unknown> {
  return {
    _links: {
      self: links.to('mass-payment-item', item.id),
      'mass-payment': links.to('mass-payment', item.massPaymentId),
      destination: links.to('funding-source', item.destinationId),
      ...(item.transferId === undefined ? {} : { transfer: links.to('transfer', item.transferId) }),
    },
    id: item.id,
    status: item.status,
    amount: amountOf(item.amount),
    ...(item.metadata === undefined ? {} : { metadata: item.metadata }),
    ...(item.correlationId === undefined ? {} : { correlationId: item.correlationId }),
    ...(item.errors === undefined ? {} : { _embedded: { errors: item.errors } }),
  }
}
