import type { DashboardSection, Tone } from '../../dashboard/dashboard-section.js'
import { formatCents } from '../../money.js'
import type { MassPayment, MassPaymentStatus } from './mass-payment.js'
import type { MassPaymentStore } from './mass-payment-store.js'
import { MASS_PAYMENTS } from './mass-payments-part.js'
import { massPaymentRepresentation } from './representation.js'

const TONES: Readonly<Record<MassPaymentStatus, Tone>> = { deferred: 'waiting', pending: 'waiting', processing: 'waiting', complete: 'good', cancelled: 'bad' }

/**
 * The application's mass payments on the dashboard, newest first: status, how its items fared
 * (each a payment of its own, listed under Transfers once made), the total, the payer, and the
 * JSON GET /mass-payments/{id} answers.
 */
export const MASS_PAYMENTS_SECTION: DashboardSection = {
  id: 'mass-payments',
  title: 'Mass payments',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(MASS_PAYMENTS)
    if (store === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No mass payments yet: make one with POST /mass-payments.' }
    }
    return {
      columns: ['Status', 'Items', 'Total', 'Payer', 'Created', 'Id'],
      rows: store.newest(offset, limit).map((massPayment) => ({
        key: massPayment.id,
        cells: [
          { text: massPayment.status, tone: TONES[massPayment.status] },
          itemsSummary(store, massPayment),
          `$${formatCents(massPayment.total)}`,
          massPayment.customerId === undefined ? 'Account' : { text: massPayment.customerId, code: true },
          { text: new Date(massPayment.created).toISOString(), time: true },
          { text: massPayment.id, code: true },
        ],
        details: [{ label: 'GET /mass-payments/{id}', text: JSON.stringify(massPaymentRepresentation(massPayment, links), null, 2) }],
      })),
      total: store.counts.massPayments,
    }
  },
}

/** "3 items: 2 success, 1 failed", counted for the page's rows only. */
function itemsSummary(store: MassPaymentStore, massPayment: MassPayment): string {
  const counts = new Map<string, number>()
  for (const item of store.itemsOf(massPayment)) counts.set(item.status, (counts.get(item.status) ?? 0) + 1)
  const parts = [...counts].map(([status, count]) => `${count} ${status}`)
  return `${massPayment.itemIds.length} items: ${parts.join(', ')}`
}
