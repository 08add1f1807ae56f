import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import { accountBalanceIdFor, OPENING_BALANCE_CENTS } from '../funding-sources/index.js'
import { Ledger } from './ledger.js'
import { balanceAccount, SANDBOX_FUNDING } from './ledger-accounts.js'

/** The worst an account costs in memory: its key and its entry (a UUID each), three numbers, a kind: about 700 bytes (measured). */
export const LEDGER_ACCOUNT_BYTES = 1024

/**
 * An application's ledger: one per application, the only place its money changes. It opens with
 * the sandbox's $5,000 posted to the Account's balance (dev-portal testing/index.mdx), whose id is
 * derived from the application key, so the ledger needs no funding source to do it.
 */
export const LEDGER: WorldPart<Ledger> = {
  name: 'ledger',
  create(world) {
    const ledger = emptyLedger(world)
    ledger.move(SANDBOX_FUNDING, balanceAccount(accountBalanceIdFor(world.clientId)), OPENING_BALANCE_CENTS, { at: world.server.now() })
    return ledger
  },
  weigh: (ledger) => ledger.size * LEDGER_ACCOUNT_BYTES,
}

/** An application's ledger with no accounts (a state file's go in as they are). */
export function emptyLedger(world: ApplicationWorld): Ledger {
  return new Ledger(() => world.changed())
}
