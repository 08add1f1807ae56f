import type { ApplicationWorld, WorldPart } from '../../world/application-world.js'
import { LEDGER } from '../balances/index.js'
import { LabelStore } from './label-store.js'

/**
 * The worst each record costs in memory, its indexes included (test/labels/memory.test.ts
 * measures them): a label (three UUIDs, two numbers, its place in its customer's set), a ledger
 * entry (two or three UUIDs, two numbers, its place in its label's list), a reallocation (four
 * UUIDs, a number). Measured on Node 20: a label with its first entry about 2.2 KiB, another
 * entry about 230 bytes, a reallocation with its two entries about 1.8 KiB.
 */
export const LABEL_BYTES = 2048
export const LABEL_LEDGER_ENTRY_BYTES = 512
export const LABEL_REALLOCATION_BYTES = 1024

/**
 * An application's labels. Their events are the customer's (`_links.customer`), about the label
 * or the ledger entry (`_links.resource`).
 */
export const LABELS: WorldPart<LabelStore> = {
  name: 'labels',
  create: (world) => emptyLabelStore(world),
  weigh: (store) => {
    const { labels, entries, reallocations } = store.counts
    return labels * LABEL_BYTES + entries * LABEL_LEDGER_ENTRY_BYTES + reallocations * LABEL_REALLOCATION_BYTES
  },
}

export function emptyLabelStore(world: ApplicationWorld): LabelStore {
  const { server } = world
  return new LabelStore({
    clientId: world.clientId,
    now: () => server.now(),
    ledger: () => world.get(LEDGER),
    limits: () => ({ labels: server.options.labelLimit, entries: server.options.labelLedgerEntryLimit }),
    raise: (topic, { resourceType, id, customerId }) => world.raise({ topic, resourceType, resourceId: id, customerId, at: server.now() }),
    onChange: () => world.changed(),
  })
}
