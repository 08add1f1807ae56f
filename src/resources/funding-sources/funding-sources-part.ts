import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import { ownersTopic } from './funding-source-events.js'
import { FundingSourceStore } from './funding-source-store.js'
import { accountSeeds } from './sandbox-world.js'

/**
 * The worst a funding source costs in memory: every field at its longest (a 50-character name,
 * micro-deposits with a failure, an on-demand authorization), with its place in the indexes and
 * an owner index of its own (one bank per customer): about 3 KiB (test/funding-sources/memory.test.ts).
 */
export const FUNDING_SOURCE_BYTES = 4096

/**
 * An application's funding sources, made with the Account's: its verified "Superhero Savings
 * Bank" and its balance (dev-portal testing/index.mdx). Every transition is raised as the world's
 * event, `customer_`-prefixed for a customer's (`_links.resource` the funding source, and
 * `_links.customer` its customer).
 */
export const FUNDING_SOURCES: WorldPart<FundingSourceStore> = {
  name: 'funding sources',
  create(world) {
    const store = emptyFundingSourceStore(world)
    for (const source of accountSeeds(world.clientId, world.server.now())) store.insert(source)
    return store
  },
  weigh: (store) => store.size * FUNDING_SOURCE_BYTES,
}

/** An application's funding-source store with nothing in it (a state file's go in as they are). */
export function emptyFundingSourceStore(world: ApplicationWorld): FundingSourceStore {
  const { server } = world
  return new FundingSourceStore({
    clientId: world.clientId,
    limit: server.options.fundingSourceLimit,
    bankLimit: server.options.customerBankLimit,
    autoVerifyBanks: server.options.autoVerifyBanks,
    now: () => server.now(),
    raise: (topic, source) =>
      world.raise({
        topic: ownersTopic(topic, source),
        resourceType: 'funding-source',
        resourceId: source.id,
        ...(source.customerId === undefined ? {} : { customerId: source.customerId }),
        at: server.now(),
      }),
    onChange: () => world.changed(),
  })
}
