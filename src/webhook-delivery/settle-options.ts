import { closestName } from '../closest-name.js'
import { readFilter } from '../test-double-filters.js'
import type { SettleOptions } from './delivery-engine.js'

const SETTLE_KEYS = ['timeoutMs', 'application']

/** The most settle() waits for, in milliseconds: past a test runner's longest default, short of a timer's overflow. */
export const SETTLE_TIMEOUT_LIMIT_MS = 24 * 60 * 60 * 1000

/** settle()'s options, checked as `POST /__mock/webhooks/settle` checks its body: unknown keys and bad values throw a TypeError. */
export function readSettleOptions(given: unknown): SettleOptions {
  if (given === undefined || given === null) return {}
  if (typeof given !== 'object' || Array.isArray(given)) throw new TypeError('settle options: expected an object such as { timeoutMs, application }')
  for (const key of Object.keys(given)) {
    if (SETTLE_KEYS.includes(key)) continue
    const closest = closestName(key, SETTLE_KEYS)
    throw new TypeError(
      `settle options: unknown key ${JSON.stringify(key)}${closest === undefined ? '' : ` (did you mean ${closest}?)`}: give timeoutMs, application`,
    )
  }
  const { timeoutMs, application } = given as Record<string, unknown>
  if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 0 || timeoutMs > SETTLE_TIMEOUT_LIMIT_MS)) {
    throw new TypeError(
      `settle options: timeoutMs: expected a whole number of milliseconds from 0 to ${SETTLE_TIMEOUT_LIMIT_MS}, got ${JSON.stringify(timeoutMs)}`,
    )
  }
  return { timeoutMs, application: readFilter('application', { application }).application }
}
