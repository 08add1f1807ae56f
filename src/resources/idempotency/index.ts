import type { Resource } from '../../world/resource.js'
import { PERSISTED_IDEMPOTENCY } from './persisted-idempotency.js'

// What every creating POST uses (customers, transfers, mass payments, labels, ledger entries, reallocations).
export { createOnce } from './create-once.js'
export { IDEMPOTENCY } from './idempotency-part.js'
export { IDEMPOTENCY_WINDOW_MS, type IdempotencyRecord } from './idempotency-store.js'
export { restoreIdempotencyKeys } from './persisted-idempotency.js'

/**
 * Idempotency-Keys of the creating POSTs (idempotency-key.mdx): no operations of its own, only
 * the records and their place in the state file.
 */
export const idempotency: Resource = {
  name: 'idempotency',
  persisted: PERSISTED_IDEMPOTENCY,
}
