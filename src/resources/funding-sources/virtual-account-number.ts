import { createHash } from 'node:crypto'

/**
 * A VAN's numbers for `GET /funding-sources/{id}/ach-routing`: Dwolla's example answers routing
 * `084106768` and a 16-digit account number (dev-portal virtual-account-numbers.mdx). The account
 * number is derived from the VAN's id, so it needs no storing and is the same on every start.
 */
export const VAN_ROUTING_NUMBER = '084106768'

export function vanAccountNumber(fundingSourceId: string): string {
  const digest = createHash('sha256').update(`van:${fundingSourceId}`).digest()
  // 14 digits from the first 8 bytes (as a BigInt: exact), after the "96" of Dwolla's example.
  const digits = (digest.readBigUInt64BE(0) % 10n ** 14n).toString().padStart(14, '0')
  return `96${digits}`
}
