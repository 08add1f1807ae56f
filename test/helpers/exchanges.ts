import type { FastifyInstance } from 'fastify'
import { idOf } from './funding-sources.js'
import { apiRequest } from './mock.js'

/** The catalogue's partner ids, as Dwolla's docs list them. */
export const PARTNERS = {
  Finicity: 'a12a48fe-65b6-4b09-9419-715ce39ca40c',
  MX: '2164407f-33c3-4555-a6a1-40d5e9e58744',
  Flinks: 'a0b22a57-68df-4450-b507-47c937e64e89',
  Plaid: 'f53ffb32-c84f-496a-9d9d-acd100d396ef',
  CheckoutCom: 'd652517d-9c02-4ea4-87af-2977e6cf3850',
} as const

/** A partner link as Dwolla's examples write one (Dwolla's own host: only the path is read). */
export function partnerLinks(partnerId: string): { 'exchange-partner': { href: string } } {
  return { 'exchange-partner': { href: `https://api-sandbox.dwolla.com/exchange-partners/${partnerId}` } }
}

/** A Plaid secure-exchange body, with a processor token. */
export function tokenExchangeBody(
  token = 'processor-sandbox-0b4a35a7-2ac3-4b1c-9fbb-5a6a2a4f6b7c',
  partnerId: string = PARTNERS.Plaid,
): Record<string, unknown> {
  return { _links: partnerLinks(partnerId), token }
}

/** POST /customers/{id}/exchanges and the new exchange's id, from Location. */
export async function createExchangeVia(app: FastifyInstance, token: string, customerId: string, body: unknown = tokenExchangeBody()): Promise<string> {
  const response = await apiRequest(app, 'POST', `/customers/${customerId}/exchanges`, { token, body })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}

/** POST /customers/{id}/exchange-sessions and the new session's id, from Location. */
export async function createSessionVia(app: FastifyInstance, token: string, customerId: string, partnerId: string): Promise<string> {
  const response = await apiRequest(app, 'POST', `/customers/${customerId}/exchange-sessions`, { token, body: { _links: partnerLinks(partnerId) } })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}
