import type { Test } from 'tap'
import { LEDGER } from '../../src/resources/balances/index.js'
import { EVENTS } from '../../src/resources/events/index.js'
import { accountBalanceIdFor, accountBankIdFor, FUNDING_SOURCES } from '../../src/resources/funding-sources/index.js'
import type { MockState } from '../../src/mock-state.js'
import type { ApplicationWorld } from '../../src/world/application-world.js'
import { SEEDED } from './customers.js'
import { stateFor } from './state.js'

/** One party of §8's flows: its bank (verified) and its balance (Account and Verified Customers). */
export interface PartyFunds {
  customerId?: string
  bank: string
  balance?: string
}

/**
 * An application world with a party of each kind the facts' §8 names: A (the Account), V1 and V2
 * (Verified Customers, personal and business), U (Unverified) and R (Receive-only), each with a
 * verified bank (`bankNames` names them, for the failure sentinels).
 */
export async function paymentWorld(
  t: Test,
  bankNames: Partial<Record<'V1' | 'V2' | 'U' | 'R', string>> = {},
): Promise<{
  state: MockState
  world: ApplicationWorld
  parties: Record<'A' | 'V1' | 'V2' | 'U' | 'R', PartyFunds>
  topics: () => string[]
  sum: () => number
}> {
  let now = Date.parse('2026-01-05T12:00:00.000Z')
  const state = await stateFor(t, { defaultFixtures: true, autoVerifyBanks: true, now: () => now++ })
  const world = state.worlds.open('key')
  const banks = world.get(FUNDING_SOURCES)
  const bank = (customerId: string, name: string, accountNumber: string) =>
    banks.create(
      { kind: 'customer', customerId },
      { kind: 'numbers', routingNumber: '222222226', accountNumber, bankAccountType: 'checking', name, channels: ['ach'] },
    ).id
  const parties = {
    A: { bank: accountBankIdFor('key'), balance: accountBalanceIdFor('key') },
    V1: {
      customerId: SEEDED.personalVerified,
      bank: bank(SEEDED.personalVerified, bankNames.V1 ?? 'V1 Checking', '1000001'),
      balance: banks.ensureBalance(SEEDED.personalVerified).id,
    },
    V2: {
      customerId: SEEDED.businessVerified,
      bank: bank(SEEDED.businessVerified, bankNames.V2 ?? 'V2 Checking', '1000002'),
      balance: banks.ensureBalance(SEEDED.businessVerified).id,
    },
    U: { customerId: SEEDED.unverified, bank: bank(SEEDED.unverified, bankNames.U ?? 'U Checking', '1000003') },
    R: { customerId: SEEDED.receiveOnly, bank: bank(SEEDED.receiveOnly, bankNames.R ?? 'R Checking', '1000004') },
  }
  const events = world.get(EVENTS)
  let seen = events.list().length
  return {
    state,
    world,
    parties,
    /** The topics raised since the last call, oldest first. */
    topics() {
      const all = [...events.oldestFirst()].map((event) => event.topic)
      const fresh = all.slice(seen)
      seen = all.length
      return fresh.filter((topic) => topic.includes('transfer'))
    },
    sum: () => world.get(LEDGER).sum(),
  }
}
