import type { FundingSourceTopic } from '../../src/resources/funding-sources/funding-source-events.js'
import type { FundingSource } from '../../src/resources/funding-sources/funding-source.js'
import { FundingSourceStore, type FundingSourceStoreOptions } from '../../src/resources/funding-sources/funding-source-store.js'

/** A store for one test, on a clock the test moves, noting every topic it raises and every change. */
export function storeFor(options: Partial<FundingSourceStoreOptions> = {}) {
  const clock = { now: Date.parse('2024-01-01T00:00:00.000Z') }
  const raised: Array<[FundingSourceTopic, string]> = []
  let changes = 0
  const store = new FundingSourceStore({
    clientId: 'app',
    limit: 100,
    bankLimit: 2,
    autoVerifyBanks: false,
    now: () => clock.now,
    raise: (topic: FundingSourceTopic, source: FundingSource) => raised.push([topic, source.id]),
    onChange: () => (changes += 1),
    ...options,
  })
  return { store, clock, raised, changes: () => changes }
}

export const CUSTOMER = '6fd4a2f9-0b5e-4c1c-9e34-4d3c6a5b7f01'
export const OTHER_CUSTOMER = '7ae5b3a0-1c6f-4d2d-8f45-5e4d7b6c8a02'
