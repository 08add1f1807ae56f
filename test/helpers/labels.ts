import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { DWOLLA_MEDIA_TYPE } from '../../src/index.js'
import { idOf } from './funding-sources.js'
import { apiRequest } from './mock.js'

/** `{amount: {value, currency: 'USD'}}`, as labels and ledger entries take an amount. */
export function amountBody(value: string): { amount: { value: string; currency: string } } {
  return { amount: { value, currency: 'USD' } }
}

/** A customer's balance funding source, found as Dwolla's own tests find it: first in its funding-source list. */
export async function balanceIdVia(app: FastifyInstance, token: string, customerId: string): Promise<string> {
  const list = await apiRequest(app, 'GET', `/customers/${customerId}/funding-sources`, { token })
  const balance = list.json<{ _embedded: { 'funding-sources': Array<{ id: string; type: string }> } }>()._embedded['funding-sources'][0]
  if (balance?.type !== 'balance') throw new Error(`customer ${customerId} has no balance`)
  return balance.id
}

/** POST /customers/{id}/labels and the new label's id, from Location. */
export async function createLabelVia(app: FastifyInstance, token: string, customerId: string, value: string): Promise<string> {
  const response = await apiRequest(app, 'POST', `/customers/${customerId}/labels`, { token, body: amountBody(value) })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}

/** POST /labels/{id}/ledger-entries and the new entry's id, from Location. */
export async function addLedgerEntryVia(app: FastifyInstance, token: string, labelId: string, value: string): Promise<string> {
  const response = await apiRequest(app, 'POST', `/labels/${labelId}/ledger-entries`, { token, body: amountBody(value) })
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode} ${response.body}`)
  return idOf(response.headers.location)
}

/** The body of POST /label-reallocations. */
export function reallocationBody(from: string, to: string, value: string): Record<string, unknown> {
  return {
    _links: { from: { href: `https://api-sandbox.dwolla.com/labels/${from}` }, to: { href: `https://api-sandbox.dwolla.com/labels/${to}` } },
    ...amountBody(value),
  }
}

/** DELETE with the headers the SDKs send. */
export function deleteRequest(app: FastifyInstance, url: string, token: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE } })
}

/** A balance's `balance` and `total` values, as GET /funding-sources/{id}/balance answers them. */
export async function balanceVia(app: FastifyInstance, token: string, balanceId: string): Promise<[string, string]> {
  const body = (await apiRequest(app, 'GET', `/funding-sources/${balanceId}/balance`, { token })).json<{
    balance: { value: string }
    total: { value: string }
  }>()
  return [body.balance.value, body.total.value]
}
