import { createHash } from 'node:crypto'

/** mock-dwolla's own UUID namespace for account ids (a random UUID, fixed once). */
const ACCOUNT_NAMESPACE = Buffer.from('5f0b1f53c1e24d0e9a4c8e1f7b2d6a90', 'hex')

/**
 * The account id of an application: a name-based UUID (RFC 9562 version 5) of its key, so the
 * same key has the same account on every start and in every state file, and two keys never
 * share one. Dwolla's own account ids are opaque UUIDs; nothing reads meaning into them.
 */
export function accountIdFor(clientId: string): string {
  const bytes = createHash('sha1').update(ACCOUNT_NAMESPACE).update(clientId, 'utf8').digest().subarray(0, 16)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
