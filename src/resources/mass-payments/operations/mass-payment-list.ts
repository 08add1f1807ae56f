import type { HalLinks } from '../../../hal/hal-links.js'
import { pageWindowOf, type PageQuery } from '../../../hal/page-window.js'
import { pagedList } from '../../../hal/paged-list.js'
import type { MassPayment } from '../mass-payment.js'
import { massPaymentRepresentation } from '../representation.js'

/**
 * A payer's mass payments as Dwolla lists them (list-mass-payments-for-a-customer.mdx): newest
 * first, paged by `limit` and `offset`, filtered by `correlationId`, under
 * `_embedded["mass-payments"]`, with `total`.
 */
export function massPaymentList(links: HalLinks, path: string, massPayments: readonly MassPayment[], query: unknown): Record<string, unknown> {
  const { correlationId } = query as { correlationId?: string }
  return pagedList(
    links,
    { path, resourceType: 'mass-payment', embedded: 'mass-payments' },
    massPayments,
    pageWindowOf(query as PageQuery),
    (massPayment) => massPaymentRepresentation(massPayment, links),
    correlationId === undefined ? [] : [['correlationId', correlationId]],
  )
}
