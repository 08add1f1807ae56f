import type { Cell, DashboardSection, Tone } from '../../dashboard/dashboard-section.js'
import { formatCents } from '../../money.js'
import { transferRepresentation } from './representation.js'
import type { Party, Transfer, TransferStatus } from './transfer.js'
import { TRANSFERS } from './transfers-part.js'

const TONES: Readonly<Record<TransferStatus, Tone>> = { pending: 'waiting', processed: 'good', failed: 'bad', cancelled: 'bad' }

/**
 * The application's transfers on the dashboard, newest first, each leg of a payment its own row
 * as Dwolla lists them: its place in the chain (funding, main, withdrawal, fee), its status (and
 * return code once failed), the amount, who pays whom, and the JSON GET /transfers/{id} answers,
 * links to the other legs included. Pending bank legs move with the actions bar's Process bank
 * transfers; a bank renamed R01 or R03 (its row under Funding sources) fails them.
 */
export const TRANSFERS_SECTION: DashboardSection = {
  id: 'transfers',
  title: 'Transfers',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(TRANSFERS)
    if (store === undefined || world === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No transfers yet: make one with POST /transfers.' }
    }
    // The store keeps them oldest first: the page is cut from the end, and only its rows are rendered.
    const all = [...store.all()]
    const end = all.length - offset
    const page = end <= 0 ? [] : all.slice(Math.max(0, end - limit), end).reverse()
    return {
      columns: ['Leg', 'Status', 'Amount', 'From', 'To', 'Created', 'Id'],
      rows: page.map((transfer) => ({
        key: transfer.id,
        cells: [
          transfer.role,
          statusCell(transfer),
          `$${formatCents(transfer.amount)}`,
          partyCell(transfer.source),
          partyCell(transfer.destination),
          { text: new Date(transfer.created).toISOString(), time: true },
          { text: transfer.id, code: true },
        ],
        details: detailsOf(transfer, JSON.stringify(transferRepresentation(transfer, world.clientId, links), null, 2)),
      })),
      total: store.size,
    }
  },
}

function statusCell(transfer: Transfer): Cell {
  const text = transfer.failure === undefined ? transfer.status : `${transfer.status}: ${transfer.failure.code}`
  return { text, tone: TONES[transfer.status] }
}

function partyCell(party: Party): Cell {
  return party.kind === 'account' ? 'Account' : { text: party.customerId, code: true }
}

/** Its JSON, and for a failed leg the return as GET /transfers/{id}/failure explains it. */
function detailsOf(transfer: Transfer, json: string): Array<{ label: string; text: string }> {
  const details = [{ label: 'GET /transfers/{id}', text: json }]
  const failure = transfer.failure
  if (failure !== undefined) {
    details.push({ label: 'Failure', text: `${failure.code}: ${failure.description}\n${failure.explanation}\nfunding source ${failure.fundingSourceId}` })
  }
  return details
}
