// The baseline for the funding-source endpoints: what a bare Fastify app would do for the same
// calls, and nothing else. Funding sources are kept in a Map by id and listed from a Map by
// owner (the same indexing the mock's store has); a customer's balance is made the first time
// its list is asked for; balances are a Map of cents, answered with two decimals. Each funding
// source is answered with the same HAL links the mock sends (the same bytes to write). No auth,
// no validation, no bound: the cost of the work itself, for mock-dwolla's ratio against it.
//
//   import { registerBaselineFundingSources } from './baseline-funding-sources.js'
//   registerBaselineFundingSources(app)   // app: a Fastify instance, before listen()
import { randomUUID } from 'node:crypto'

const HAL = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'
const TYPE = 'application/vnd.dwolla.v1.hal+json'
const BANK_LINKS = ['self', 'customer', 'remove', 'initiate-micro-deposits', 'transfer-receive']
const BALANCE_LINKS = ['self', 'customer', 'balance', 'with-available-balance', 'transfer-send', 'transfer-receive']

/** A funding source with its links, as the mock answers an unverified bank or a balance. */
function represent(base, owner, source) {
  const _links = {}
  for (const relation of source.type === 'balance' ? BALANCE_LINKS : BANK_LINKS) {
    const href =
      relation === 'customer' ? `${base}/customers/${owner}` : relation.startsWith('transfer') ? `${base}/transfers` : `${base}/funding-sources/${source.id}`
    _links[relation] = { href, type: TYPE, 'resource-type': relation === 'customer' ? 'customer' : 'funding-source' }
  }
  return { _links, ...source }
}

/** Registers the funding-source routes the bench measures on a Fastify instance. */
export function registerBaselineFundingSources(app) {
  const sources = new Map()
  const byOwner = new Map()
  const balances = new Map()
  const base = (request) => `${request.protocol}://${request.headers.host}`
  const add = (owner, source) => {
    Object.defineProperty(source, 'owner', { value: owner, enumerable: false })
    sources.set(source.id, source)
    const owned = byOwner.get(owner) ?? []
    owned.push(source)
    byOwner.set(owner, owned)
    return source
  }
  const create = (owner) => async (request, reply) => {
    const source = add(owner(request), {
      id: randomUUID(),
      ...request.body,
      type: 'bank',
      status: 'unverified',
      created: new Date().toISOString(),
      removed: false,
    })
    reply.code(201).header('location', `${base(request)}/funding-sources/${source.id}`)
    return reply.send()
  }
  app.post(
    '/customers/:id/funding-sources',
    create((request) => request.params.id),
  )
  app.post(
    '/funding-sources',
    create(() => 'account'),
  )
  app.get('/customers/:id/funding-sources', async (request, reply) => {
    const owner = request.params.id
    if (!byOwner.has(owner)) add(owner, { id: randomUUID(), type: 'balance', name: 'Balance', status: 'verified', created: new Date().toISOString() })
    const owned = byOwner.get(owner)
    const at = base(request)
    reply.type(HAL)
    return JSON.stringify({
      _links: { self: { href: `${at}${request.url}` } },
      _embedded: { 'funding-sources': owned.map((source) => represent(at, owner, source)) },
      total: owned.length,
    })
  })
  app.get('/funding-sources/:id', async (request, reply) => {
    const source = sources.get(request.params.id)
    if (source === undefined) return reply.code(404).send({ code: 'NotFound', message: 'Funding source not found.' })
    reply.type(HAL)
    return JSON.stringify(represent(base(request), source.owner, source))
  })
  app.get('/funding-sources/:id/balance', async (request, reply) => {
    const source = sources.get(request.params.id)
    if (source === undefined) return reply.code(404).send({ code: 'NotFound', message: 'Funding source not found.' })
    const cents = balances.get(source.id) ?? 0
    const value = { value: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, currency: 'USD' }
    reply.type(HAL)
    return JSON.stringify({ _links: { self: { href: `${base(request)}${request.url}` } }, balance: value, total: value, lastUpdated: source.created })
  })
  app.post('/on-demand-authorizations', async (request, reply) => {
    const id = randomUUID()
    sources.set(id, { id })
    reply.type(HAL)
    return JSON.stringify({
      _links: { self: { href: `${base(request)}/on-demand-authorizations/${id}` } },
      bodyText: 'I agree…',
      buttonText: 'Agree & Continue',
    })
  })
  return sources
}
