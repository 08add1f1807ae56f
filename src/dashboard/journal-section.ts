import type { JournalEntry } from '../journal/request-journal.js'
import type { Cell, DashboardSection } from './dashboard-section.js'

/**
 * The request journal, newest first, redacted as /__mock/requests shows it. Every application's
 * requests (those refused before any application was known too): the journal is the server's.
 */
export const JOURNAL_SECTION: DashboardSection = {
  id: 'journal',
  title: 'Request journal',
  list({ mock }, { offset, limit }) {
    return {
      columns: ['Time', 'Request', 'Operation', 'Application', 'Status', 'ms'],
      rows: mock.journal.newestFirst(offset, limit).map((entry) => ({
        key: entry.id,
        cells: [
          { text: entry.time, time: true },
          { text: `${entry.method} ${entry.path}${entry.query === undefined ? '' : `?${entry.query}`}`, code: true },
          entry.operation ?? '—',
          entry.clientId ?? '—',
          statusCell(entry),
          String(entry.durationMs),
        ],
        json: `/requests?path=${encodeURIComponent(entry.path)}&method=${encodeURIComponent(entry.method)}`,
        details: [{ label: 'As /__mock/requests shows it (secrets redacted)', text: JSON.stringify(entry, null, 2) }],
      })),
      total: mock.journal.size,
      empty: 'No request yet: API calls are journaled as they end (admin calls are not).',
    }
  },
}

function statusCell({ status, fixtureRule }: JournalEntry): Cell {
  if (status === null) return { text: 'no answer', tone: 'bad' }
  const text = fixtureRule === undefined ? String(status) : `${status} (rule ${fixtureRule})`
  return { text, tone: status < 400 ? 'good' : 'bad' }
}
