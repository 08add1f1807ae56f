// The baseline for the mass-payment endpoints: what a bare Fastify app would do for the same
// calls, and nothing else. POST /mass-payments keeps the mass payment in a Map by id and in a list
// per payer, each item in a Map by id, and pays each item at once, as the mock's processing does
// for a balance-to-balance item: a transfer in a Map by id, the amount taken from the source and
// given to the destination in a Map of cents; the mass payment is then complete, its total summed
// in whole cents. GET looks it up and answers the links the mock sends for a complete mass payment
// (the same bytes to write). No auth, no validation, no events, no bound: the cost of the work
// itself, for mock-dwolla's ratio against it.
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
  const byPayer = new Map()
  const items = new Map()
  const transfers = new Map()
  const balances = new Map()
  const base = (request) => `${request.protocol}://${request.headers.host}`
  const move = (id, amount) => balances.set(id, (balances.get(id) ?? 0) + amount)
  app.post('/mass-payments', async (request, reply) => {
    const { _links } = request.body
    const payment = { id: randomUUID(), source: idOf(_links.source.href), status: 'pending', created: new Date().toISOString(), itemIds: [], total: '' }
    let cents = 0
    for (const given of request.body.items) {
      const amount = Math.round(Number(given.amount.value) * 100)
      const item = { id: randomUUID(), payment: payment.id, destination: idOf(given._links.destination.href), amount, status: 'pending' }
      const transfer = { id: randomUUID(), source: payment.source, destination: item.destination, amount, status: 'processed', created: payment.created }
      transfers.set(transfer.id, transfer)
      move(payment.source, -amount)
      move(item.destination, amount)
      item.status = 'success'
      item.transfer = transfer.id
      items.set(item.id, item)
      payment.itemIds.push(item.id)
      cents += amount
    }
    payment.status = 'complete'
    payment.total = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
    payments.set(payment.id, payment)
    const listed = byPayer.get(payment.source) ?? []
    listed.push(payment.id)
    byPayer.set(payment.source, listed)
    reply.code(201).header('location', `${base(request)}/mass-payments/${payment.id}`)
    return reply.send()
  })
  app.get('/mass-payments/:id', async (request, reply) => {
    const payment = payments.get(request.params.id)
    if (payment === undefined) return reply.code(404).send()
    return reply.type(HAL).send(JSON.stringify(represent(base(request), payment)))
  })
}
