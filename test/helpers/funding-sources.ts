import type { FastifyInstance } from 'fastify'
import { apiRequest } from './mock.js'

/** A bank body as Dwolla's docs write one, with the sandbox's routing number. */
export function bankBody(accountNumber = '123456789', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { routingNumber: '222222226', accountNumber, bankAccountType: 'checking', name: 'Jane’s Checking', ...extra }
}

export const VAN_BODY = { name: 'My VAN', type: 'virtual', bankAccountType: 'checking' }

/** Two amounts as the verify body has them. */
export function amounts(first: string, second: string): Record<string, unknown> {
  return { amount1: { value: first, currency: 'USD' }, amount2: { value: second, currency: 'USD' } }
}

/** The last path segment of a Location: the new resource's id. */
export function idOf(location: unknown): string {
  if (typeof location !== 'string') throw new Error(`expected a Location, got ${String(location)}`)
  return new URL(location).pathname.split('/').pop() as string
}

/** POST /customers/{id}/funding-sources and the new funding source's id, from Location. */
export async function createFundingSourceVia(app: FastifyInstance, token: string, customerId: string, body: unknown): Promise<string> {
  const response = await apiRequest(app, 'POST', `/customers/${customerId}/funding-sources`, { token, body })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}

/** The application's account id, from the root as Dwolla's own tests find it. */
export async function accountIdVia(app: FastifyInstance, token: string): Promise<string> {
  const root = await apiRequest(app, 'GET', '/', { token })
  return idOf(root.json<{ _links: { account: { href: string } } }>()._links.account.href)
}

/** A funding source's `_links` relations, in order. */
export function relations(body: unknown): string[] {
  return Object.keys((body as { _links: Record<string, unknown> })._links)
}
