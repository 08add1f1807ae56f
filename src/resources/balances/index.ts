import type { Resource } from '../../world/resource.js'
import { balancesRoutes } from './admin-routes.js'
import { BALANCES_SECTION } from './dashboard-section.js'
import { getFundingSourceBalance } from './operations/getFundingSourceBalance.js'
import { PERSISTED_LEDGER } from './persisted-ledger.js'

// What transfers, mass payments and labels use to move money: the ledger is the only code that changes a balance.
export { LEDGER } from './ledger-part.js'
export { Ledger, LedgerRefusal, LEDGER_LIMIT_CENTS, type LedgerAccount, type LedgerAccountKind, type AccountState, type MoveOptions } from './ledger.js'
export { balanceAccount, bankAccount, transitAccount, SANDBOX_FUNDING, TEST_DOUBLE_FUNDING } from './ledger-accounts.js'
export { balanceControls, type BalanceControls, type BalanceView } from './balance-controls.js'

/** Balances: GET /funding-sources/{id}/balance, and the ledger behind every balance. */
export const balances: Resource = {
  name: 'balances',
  operations: { getFundingSourceBalance },
  adminRoutes: balancesRoutes,
  dashboard: BALANCES_SECTION,
  persisted: PERSISTED_LEDGER,
}
