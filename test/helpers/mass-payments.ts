import { setImmediate as nextTurn } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { apiRequest } from './mock.js'

const href = (id: string) => `https://api-sandbox.dwolla.com/funding-sources/${id}`

/** A mass payment's body: the source, and an item per `[destination, value]`. */
export function massPaymentBody(sourceId: string, items: Array<[string, string]>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _links: { source: { href: href(sourceId) } },
    items: items.map(([destination, value]) => ({ _links: { destination: { href: href(destination) } }, amount: { value, currency: 'USD' } })),
    ...extra,
  }
}

/** GET /mass-payments/{id} until it is `complete` (processing runs in the background, a slice a turn). */
export async function completedMassPayment(app: FastifyInstance, token: string, id: string, turns = 10_000): Promise<Record<string, unknown>> {
  for (let turn = 0; turn < turns; turn++) {
    const body = (await apiRequest(app, 'GET', `/mass-payments/${id}`, { token })).json<Record<string, unknown>>()
    if (body.status === 'complete') return body
    await nextTurn()
  }
  throw new Error(`mass payment ${id} did not complete`)
}
