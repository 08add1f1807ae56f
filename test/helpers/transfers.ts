import type { FastifyInstance } from 'fastify'
import { accountBalanceIdFor, accountBankIdFor } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from './customers.js'
import { bankBody, createFundingSourceVia, idOf } from './funding-sources.js'
import { apiRequest } from './mock.js'

export const API = 'https://api-sandbox.dwolla.com'

/** A transfer body as Dwolla's docs write one, between two funding sources, the amount in dollars. */
export function transferBody(sourceId: string, destinationId: string, value = '25.00', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _links: { source: { href: `${API}/funding-sources/${sourceId}` }, destination: { href: `${API}/funding-sources/${destinationId}` } },
    amount: { currency: 'USD', value },
    ...extra,
  }
}

/** POST /transfers and the main transfer's id, from Location. */
export async function createTransferVia(app: FastifyInstance, token: string, body: unknown, headers: Record<string, string> = {}): Promise<string> {
  const response = await apiRequest(app, 'POST', '/transfers', { token, body, headers })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}

/** POST /sandbox-simulations with no body, as both SDKs send it; the answer's `total`. */
export async function simulateVia(app: FastifyInstance, token: string): Promise<number> {
  const response = await apiRequest(app, 'POST', '/sandbox-simulations', { token })
  if (response.statusCode !== 200) throw new Error(`expected 200, got ${response.statusCode} ${response.body}`)
  return response.json<{ total: number }>().total
}

/** The parties every transfers test uses: the Account's seeds, and a bank for each seeded customer kind (verified at once: autoVerifyBanks). */
export async function partiesVia(
  app: FastifyInstance,
  token: string,
  names: Partial<Record<'verified' | 'business' | 'unverified' | 'receiveOnly', string>> = {},
) {
  const bank = (customer: string, name: string, accountNumber: string) => createFundingSourceVia(app, token, customer, bankBody(accountNumber, { name }))
  const balanceOf = async (customer: string) => {
    const list = await apiRequest(app, 'GET', `/customers/${customer}/funding-sources`, { token })
    const sources = list.json<{ _embedded: { 'funding-sources': Array<{ id: string; type: string }> } }>()._embedded['funding-sources']
    return (sources.find((source) => source.type === 'balance') as { id: string }).id
  }
  return {
    account: { bank: accountBankIdFor('key'), balance: accountBalanceIdFor('key') },
    verified: {
      customer: SEEDED.personalVerified,
      bank: await bank(SEEDED.personalVerified, names.verified ?? 'Verified Checking', '2000001'),
      balance: await balanceOf(SEEDED.personalVerified),
    },
    business: {
      customer: SEEDED.businessVerified,
      bank: await bank(SEEDED.businessVerified, names.business ?? 'Business Checking', '2000002'),
      balance: await balanceOf(SEEDED.businessVerified),
    },
    unverified: { customer: SEEDED.unverified, bank: await bank(SEEDED.unverified, names.unverified ?? 'Unverified Checking', '2000003') },
    receiveOnly: { customer: SEEDED.receiveOnly, bank: await bank(SEEDED.receiveOnly, names.receiveOnly ?? 'Receive-only Checking', '2000004') },
  }
}
