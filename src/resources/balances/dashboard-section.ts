import type { DashboardSection } from '../../dashboard/dashboard-section.js'
import { formatCents } from '../../money.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import { accountBalanceIdFor, FUNDING_SOURCES, OPENING_BALANCE_CENTS, type FundingSource } from '../funding-sources/index.js'
import { balanceAccount } from './ledger-accounts.js'
import { LEDGER } from './ledger-part.js'

/**
 * The application's balances on the dashboard, newest first: what each has available and in all
 * (labels hold the difference), as GET /funding-sources/{id}/balance answers, and the test double's
 * own call to set one through the ledger (POST /__mock/funding-sources/{id}/balance).
 */
export const BALANCES_SECTION: DashboardSection = {
  id: 'balances',
  title: 'Balances',
  list({ world, application }, { offset, limit }) {
    const store = world?.peek(FUNDING_SOURCES)
    if (store === undefined || world === undefined || application === undefined) {
      return { columns: [], rows: [], total: 0, empty: 'No balances yet: the Account has one once funding sources are used, and each Verified Customer one.' }
    }
    // Balances are one kind among the funding sources: only the page's become rows.
    const balances = store.newest(0, store.size).filter((source) => source.type === 'balance')
    return {
      columns: ['Owner', 'Available', 'Total', 'Last updated', 'Funding source'],
      rows: balances.slice(offset, offset + limit).map((source) => {
        const { available, held, lastUpdated } = stateOf(world, source)
        return {
          key: source.id,
          cells: [
            source.customerId === undefined ? 'Account' : { text: source.customerId, code: true },
            `$${formatCents(available)}`,
            `$${formatCents(available + held)}`,
            { text: new Date(lastUpdated ?? source.created).toISOString(), time: true },
            { text: source.id, code: true },
          ],
          json: `/funding-sources/${source.id}/balance?application=${encodeURIComponent(application)}`,
          actions: [
            {
              label: 'Set balance',
              path: `/funding-sources/${source.id}/balance`,
              body: { application },
              fields: [{ name: 'value', label: 'to $', kind: 'text', value: formatCents(available) }],
            },
          ],
        }
      }),
      total: balances.length,
    }
  },
}

/**
 * A balance's money, read without opening the ledger: before it is opened, the Account's balance
 * holds the sandbox's opening amount (what opening it posts) and any other nothing.
 */
function stateOf(world: ApplicationWorld, source: FundingSource): { available: number; held: number; lastUpdated: number | undefined } {
  const ledger = world.peek(LEDGER)
  const account = balanceAccount(source.id)
  if (ledger !== undefined) return { ...ledger.state(account), lastUpdated: ledger.lastUpdated(account) }
  return { available: source.id === accountBalanceIdFor(world.clientId) ? OPENING_BALANCE_CENTS : 0, held: 0, lastUpdated: undefined }
}
