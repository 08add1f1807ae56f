import type { DashboardSection } from '../../dashboard/dashboard-section.js'
import { formatCents } from '../../money.js'
import { LABELS } from './labels-part.js'
import { labelRepresentation } from './representation.js'

/**
 * The application's labels on the dashboard, newest first: what each holds of its customer's
 * balance, its ledger entries, and the JSON GET /labels/{id} answers. What labels hold shows as
 * the difference between a balance's available money and its total, under Balances.
 */
export const LABELS_SECTION: DashboardSection = {
  id: 'labels',
  title: 'Labels',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(LABELS)
    if (store === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No labels yet: make one with POST /customers/{id}/labels.' }
    }
    return {
      columns: ['Amount', 'Ledger entries', 'Customer', 'Created', 'Id'],
      rows: store.newest(offset, limit).map((label) => ({
        key: label.id,
        cells: [
          `$${formatCents(label.cents)}`,
          String(store.entriesOf(label.id).length),
          { text: label.customerId, code: true },
          { text: new Date(label.created).toISOString(), time: true },
          { text: label.id, code: true },
        ],
        details: [{ label: 'GET /labels/{id}', text: JSON.stringify(labelRepresentation(label, links), null, 2) }],
      })),
      total: store.counts.labels,
    }
  },
}
