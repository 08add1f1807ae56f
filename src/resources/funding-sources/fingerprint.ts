import { createHash } from 'node:crypto'

/**
 * A bank's `fingerprint`: "identical for the same routing and account numbers across customers,
 * kept after removal", 64 hex characters (dev-portal funding-sources/index.mdx). mock-dwolla
 * makes it the SHA-256 of the two numbers (a routing number is always nine digits, so the pair
 * reads back one way only), and keeps the fingerprint instead of the numbers.
 */
export function fingerprintOf(routingNumber: string, accountNumber: string): string {
  return createHash('sha256').update(`${routingNumber}${accountNumber}`).digest('hex')
}

/** A bank from an exchange: the exchange stands for the numbers its partner vouched for (inferred; one bank per exchange). */
export function exchangeFingerprintOf(exchangeId: string): string {
  return createHash('sha256').update(`exchange:${exchangeId}`).digest('hex')
}

/** A Plaid bank's fingerprint: its token stands for the numbers mock-dwolla never sees (inferred). */
export function plaidFingerprintOf(plaidToken: string): string {
  return createHash('sha256').update(`plaid:${plaidToken}`).digest('hex')
}
