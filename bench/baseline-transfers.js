// The baseline for the transfer endpoints: what a bare Fastify app would do for the same calls,
// and nothing else. Transfers are kept in a Map by id and in a list per party (newest last, as
// the mock indexes them); a page of a party's list is sliced from its end. Each transfer is
// answered with the links the mock sends for a pending bank transfer between a customer's own
// bank and balance (the same bytes to write). No auth, no validation, no ledger, no events, no
// bound: the cost of the work itself, for mock-dwolla's ratio against it.
//
//   import { registerBaselineTransfers } from './baseline-transfers.js'
//   registerBaselineTransfers(app)   // app: a Fastify instance with the funding-source routes, before listen()
import { randomUUID } from 'node:crypto'

const HAL = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'
const TYPE = 'application/vnd.dwolla.v1.hal+json'

const idOf = (href) => href.split('/').pop()

function represent(base, transfer) {
  const link = (path, resourceType) => ({ href: `${base}${path}`, type: TYPE, 'resource-type': resourceType })
  return {
    _links: {
      self: link(`/transfers/${transfer.id}`, 'transfer'),
      source: link(`/customers/${transfer.party}`, 'customer'),
      destination: link(`/customers/${transfer.party}`, 'customer'),
      'source-funding-source': link(`/funding-sources/${transfer.source}`, 'funding-source'),
      'destination-funding-source': link(`/funding-sources/${transfer.destination}`, 'funding-source'),
      cancel: link(`/transfers/${transfer.id}`, 'transfer'),
    },
    id: transfer.id,
    status: transfer.status,
    amount: { value: transfer.value, currency: 'USD' },
    created: transfer.created,
    clearing: { source: 'standard' },
    individualAchId: 'ABCDEFGH',
  }
}

/** Registers the transfer routes the bench measures on a Fastify instance. */
export function registerBaselineTransfers(app) {
  const transfers = new Map()
  const byParty = new Map()
  const base = (request) => `${request.protocol}://${request.headers.host}`
  app.post('/transfers', async (request, reply) => {
    const { _links, amount } = request.body
    const transfer = {
      id: randomUUID(),
      party: request.headers['x-bench-party'] ?? 'customer',
      source: idOf(_links.source.href),
      destination: idOf(_links.destination.href),
      value: amount.value,
      status: 'pending',
      created: new Date().toISOString(),
    }
    transfers.set(transfer.id, transfer)
    const list = byParty.get(transfer.party) ?? []
    list.push(transfer)
    byParty.set(transfer.party, list)
    reply.code(201).header('location', `${base(request)}/transfers/${transfer.id}`)
    return reply.send()
  })
  app.get('/transfers/:id', async (request, reply) => {
    const transfer = transfers.get(request.params.id)
    if (transfer === undefined) return reply.code(404).send()
    return reply.type(HAL).send(JSON.stringify(represent(base(request), transfer)))
  })
  app.get('/customers/:id/transfers', async (request, reply) => {
    const list = byParty.get('customer') ?? []
    const page = list.slice(-25).reverse()
    const path = `${base(request)}/customers/${request.params.id}/transfers`
    const body = {
      _links: {
        self: { href: `${path}?limit=25&offset=0`, type: TYPE, 'resource-type': 'transfer' },
        first: { href: `${path}?limit=25&offset=0`, type: TYPE, 'resource-type': 'transfer' },
      },
      _embedded: { transfers: page.map((transfer) => represent(base(request), transfer)) },
      total: list.length,
    }
    return reply.type(HAL).send(JSON.stringify(body))
  })
}
