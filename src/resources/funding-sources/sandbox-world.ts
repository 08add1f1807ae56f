import { createHash } from 'node:crypto'
import { fingerprintOf } from './fingerprint.js'
import type { FundingSource } from './funding-source.js'

/** mock-dwolla's own UUID namespace for the Account's seeded funding sources (a random UUID, fixed once). */
const SANDBOX_NAMESPACE = Buffer.from('c2a7e0f4913b4d5e8b6a0d3f1e7c9b24', 'hex')

/** A name-based UUID (RFC 9562 version 5) of the application key and what it names. */
function derivedId(clientId: string, what: string): string {
  const bytes = createHash('sha1').update(SANDBOX_NAMESPACE).update(`${what}\n${clientId}`, 'utf8').digest().subarray(0, 16)
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * The id of an application's Account balance: derived from its key, so it is the same on every
 * start and in every state file, and the ledger can give it its opening balance without asking
 * the funding sources.
 */
export function accountBalanceIdFor(clientId: string): string {
  return derivedId(clientId, 'balance')
}

/** The id of an application's "Superhero Savings Bank", derived like the balance's. */
export function accountBankIdFor(clientId: string): string {
  return derivedId(clientId, 'bank')
}

/** The Account's balance starts with "$5000" (dev-portal testing/index.mdx). */
export const OPENING_BALANCE_CENTS = 500_000

/** The sandbox's test routing number, and the bank name its banks show (dev-portal testing/funding-sources.mdx). */
export const SANDBOX_ROUTING_NUMBER = '222222226'
export const SANDBOX_BANK_NAME = 'SANDBOX TEST BANK'

/**
 * What every sandbox Account starts with: "a funding source named 'Superhero Savings Bank'",
 * verified (public apps send from it at once), and its balance (dev-portal testing/index.mdx).
 * The bank's account number is mock-dwolla's own, derived like its id, for its fingerprint.
 */
export function accountSeeds(clientId: string, created: number): FundingSource[] {
  const bankId = accountBankIdFor(clientId)
  const accountNumber = bankId.replace(/\D/g, '').slice(0, 12).padEnd(4, '0')
  return [
    {
      id: accountBalanceIdFor(clientId),
      type: 'balance',
      status: 'verified',
      name: 'Balance',
      created,
      removed: false,
      channels: [],
    },
    {
      id: bankId,
      type: 'bank',
      status: 'verified',
      name: 'Superhero Savings Bank',
      created,
      removed: false,
      channels: ['ach'],
      bankAccountType: 'checking',
      bankName: SANDBOX_BANK_NAME,
      fingerprint: fingerprintOf(SANDBOX_ROUTING_NUMBER, accountNumber),
      origin: 'numbers',
    },
  ]
}
