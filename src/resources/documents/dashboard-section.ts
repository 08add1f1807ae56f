import type { DashboardSection, Tone } from '../../dashboard/dashboard-section.js'
import { FAILURE_REASONS, type DocumentVerificationStatus, type VerificationDocument } from './document.js'
import { DOCUMENTS } from './documents-part.js'
import { documentRepresentation } from './representation.js'

const TONES: Readonly<Record<DocumentVerificationStatus, Tone>> = { pending: 'waiting', accepted: 'good', rejected: 'bad' }

/**
 * The application's verification documents on the dashboard, newest first: whose, what, how it
 * was reviewed, the JSON GET /documents/{id} answers, and for one awaiting review the reviewer's
 * two answers through the test double's own call (POST /__mock/documents/{id}/review).
 */
export const DOCUMENTS_SECTION: DashboardSection = {
  id: 'documents',
  title: 'Documents',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(DOCUMENTS)
    if (store === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No documents yet: upload one with POST /customers/{id}/documents.' }
    }
    return {
      columns: ['Type', 'Review', 'Holder', 'Customer', 'Uploaded', 'Id'],
      rows: store.newest(offset, limit).map((document) => ({
        key: document.id,
        cells: [
          document.type,
          { text: reviewOf(document), tone: TONES[document.verification] },
          `${document.holder} ${document.holderId}`,
          { text: document.customerId, code: true },
          { text: new Date(document.created).toISOString(), time: true },
          { text: document.id, code: true },
        ],
        details: [{ label: 'GET /documents/{id}', text: JSON.stringify(documentRepresentation(document, links), null, 2) }],
        actions:
          document.verification !== 'pending'
            ? []
            : [
                { label: 'Approve', path: `/documents/${document.id}/review`, body: { application, outcome: 'approve' } },
                {
                  label: 'Reject',
                  path: `/documents/${document.id}/review`,
                  body: { application, outcome: 'reject' },
                  fields: [{ name: 'failureReason', label: 'because', kind: 'choice', choices: Object.keys(FAILURE_REASONS), value: 'ScanNotReadable' }],
                },
              ],
      })),
      total: store.size,
    }
  },
}

function reviewOf(document: VerificationDocument): string {
  return document.failureReason === undefined ? document.verification : `${document.verification}: ${document.failureReason}`
}
