import type { Resource } from '../../world/resource.js'
import { createCustomerLabel } from './operations/createCustomerLabel.js'
import { createLabelLedgerEntry } from './operations/createLabelLedgerEntry.js'
import { createLabelReallocation } from './operations/createLabelReallocation.js'
import { getLabel } from './operations/getLabel.js'
import { getLabelLedgerEntry } from './operations/getLabelLedgerEntry.js'
import { listCustomerLabels } from './operations/listCustomerLabels.js'
import { listLabelLedgerEntries } from './operations/listLabelLedgerEntries.js'
import { removeLabel } from './operations/removeLabel.js'
import { retrieveLabelReallocation } from './operations/retrieveLabelReallocation.js'
import { PERSISTED_LABELS } from './persisted-labels.js'
import { LABELS_SECTION } from './dashboard-section.js'

export { LABELS } from './labels-part.js'
export { LABEL_TOPICS } from './label-events.js'
export { LABEL_MESSAGES } from './label-messages.js'

/**
 * Labels: a Verified Customer's balance set aside under labels, with their ledger entries and
 * reallocations. What labels hold is held in the ledger: it leaves the balance's `total` as it
 * was and lowers what is `available`.
 */
export const labels: Resource = {
  name: 'labels',
  operations: {
    createCustomerLabel,
    listCustomerLabels,
    getLabel,
    removeLabel,
    createLabelLedgerEntry,
    listLabelLedgerEntries,
    getLabelLedgerEntry,
    createLabelReallocation,
    retrieveLabelReallocation,
  },
  persisted: PERSISTED_LABELS,
  dashboard: LABELS_SECTION,
}
