// The baseline for GET /mass-payments/{id}: what a bare Fastify app would do for the same call,
// and nothing else. POST /mass-payments (which the endpoint makes first) keeps the mass payment
// in a Map by id, already complete, with its total summed in whole cents; GET looks it up and
// answers the links the mock sends for a complete mass payment (the same bytes to write). No
// auth, no validation, no items, no transfers, no events, no bound: the cost of the work itself,
// for mock-dwolla's ratio against it.
//
//   import { registerBaselineMassPayments } from './baseline-mass-payments.js'
//   registerBaselineMassPayments(app)   // app: a Fastify instance, before listen()
import { randomUUID } from 'node:crypto'

const HAL = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'
const TYPE = 'application/vnd.dwolla.v1.hal+json'

const idOf = (href) => href.split('/').pop()

function represent(base, payment) {
  const link = (path, resourceType) => ({ href: `${base}${path}`, type: TYPE, 'resource-type': resourceType })
  return {
    _links: {
      self: link(`/mass-payments/${payment.id}`, 'mass-payment'),
      source: link(`/funding-sources/${payment.source}`, 'funding-source'),
      items: link(`/mass-payments/${payment.id}/items`, 'mass-payment-item'),
    },
    id: payment.id,
    status: payment.status,
    created: payment.created,
    total: { value: payment.total, currency: 'USD' },
    totalFees: { value: '0.00', currency: 'USD' },
  }
}

/** Registers the mass-payment routes the bench measures on a Fastify instance. */
export function registerBaselineMassPayments(app) {
  const payments = new Map()
  const base = (request) => `${request.protocol}://${request.headers.host}`
  app.post('/mass-payments', async (request, reply) => {
    const { _links, items } = request.body
    const cents = items.reduce((sum, item) => sum + Math.round(Number(item.amount.value) * 100), 0)
    const payment = {
      id: randomUUID(),
      source: idOf(_links.source.href),
      status: 'complete',
      created: new Date().toISOString(),
      total: `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`,
    }
    payments.set(payment.id, payment)
    reply.code(201).header('location', `${base(request)}/mass-payments/${payment.id}`)
    return reply.send()
  })
  app.get('/mass-payments/:id', async (request, reply) => {
    const payment = payments.get(request.params.id)
    if (payment === undefined) return reply.code(404).send()
    return reply.type(HAL).send(JSON.stringify(represent(base(request), payment)))
  })
}
