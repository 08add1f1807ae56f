import { DwollaError, NOT_FOUND_MESSAGES, validationError } from '../../errors.js'
import { formatCents, parseAmount } from '../../money.js'
import type { ApplicationWorld } from '../../world/application-world.js'
import type { MockContext } from '../../world/mock-context.js'
import { FUNDING_SOURCES, type FundingSource } from '../funding-sources/index.js'
import { balanceAccount, TEST_DOUBLE_FUNDING } from './ledger-accounts.js'
import { LEDGER } from './ledger-part.js'

/** A balance as the test double shows it: Dwolla's values, and whose it is. */
export interface BalanceView {
  fundingSource: string
  application: string
  /** Available, as Dwolla writes a value: `"5000.00"`. */
  balance: string
  /** Available and held by labels. */
  total: string
  /** ISO 8601. */
  lastUpdated: string
}

/** The test double's view of the balances: `server.balances` and /__mock/funding-sources/{id}/balance. */
export interface BalanceControls {
  /** A balance funding source's money; undefined when no application (or not the one given) has it. */
  get(fundingSourceId: string, options?: { application?: string }): BalanceView | undefined
  /**
   * Sets what a balance has available, e.g. `'100.00'`: the ledger posts the difference from (or
   * to) the test double's own account, so money is still conserved. Throws Dwolla's errors: an
   * unknown funding source (NotFound), one that is not a balance (UnsupportedOperation), a value
   * that is not an amount (ValidationError at `/value`; `0.00` is allowed).
   */
  set(fundingSourceId: string, value: unknown, options?: { application?: string }): BalanceView
}

/** The balance funding source and its world: in the application given, or the first that has it. */
function find(mock: MockContext, id: string, application: string | undefined): { world: ApplicationWorld; source: FundingSource } | undefined {
  const worlds = application === undefined ? mock.worlds.all() : [mock.worlds.open(application)]
  for (const world of worlds) {
    const source = (application === undefined ? world.peek(FUNDING_SOURCES) : world.get(FUNDING_SOURCES))?.get(id)
    if (source !== undefined) return { world, source }
  }
  return undefined
}

function view(world: ApplicationWorld, source: FundingSource): BalanceView {
  const ledger = world.get(LEDGER)
  const account = balanceAccount(source.id)
  const { available, held } = ledger.state(account)
  return {
    fundingSource: source.id,
    application: world.clientId,
    balance: formatCents(available),
    total: formatCents(available + held),
    lastUpdated: new Date(ledger.lastUpdated(account) ?? source.created).toISOString(),
  }
}

export function balanceControls(mock: MockContext): BalanceControls {
  const requireBalance = (id: string, application: string | undefined) => {
    const found = find(mock, id, application)
    if (found === undefined) throw new DwollaError('NotFound', { message: NOT_FOUND_MESSAGES.fundingSource })
    if (found.source.type !== 'balance') throw new DwollaError('UnsupportedOperation')
    return found
  }
  return {
    get(id, { application } = {}) {
      const found = find(mock, id, application)
      return found === undefined || found.source.type !== 'balance' ? undefined : view(found.world, found.source)
    },
    set(id, value, { application } = {}) {
      const parsed = parseAmount(value, { allowZero: true })
      if ('problem' in parsed) {
        throw validationError([
          parsed.problem === 'missing'
            ? { code: 'Required', message: 'Value required.', path: '/value', _links: {} }
            : { code: 'Invalid', message: 'Invalid amount.', path: '/value', _links: {} },
        ])
      }
      const { world, source } = requireBalance(id, application)
      const ledger = world.get(LEDGER)
      const account = balanceAccount(source.id)
      const difference = parsed.cents - ledger.available(account)
      const at = world.server.now()
      if (difference > 0) ledger.move(TEST_DOUBLE_FUNDING, account, difference, { at })
      else if (difference < 0) ledger.move(account, TEST_DOUBLE_FUNDING, -difference, { at })
      return view(world, source)
    },
  }
}
