// The baseline for the label endpoints: what a bare Fastify app would do for the same calls, and
// nothing else. Labels and their ledger entries are kept in Maps by id, a label's entries in a list
// by label, a label's amount in whole cents (an entry adds its cents to its label's), and what a
// customer's labels hold in a Map of cents by customer (the mock's ledger hold: one account
// updated per label or entry). A new label makes its first ledger entry, as the mock's does. Each
// label is answered with the links the mock sends (the same bytes to write). It also takes the
// test double's balance setting (POST /__mock/funding-sources/{id}/balance), which the label
// endpoints make first, as a Map of cents. No auth, no validation, no check against the balance,
// no events, no bound: the cost of the work itself, for mock-dwolla's ratio against it.
//
//   import { registerBaselineLabels } from './baseline-labels.js'
//   registerBaselineLabels(app)   // app: a Fastify instance, before listen()
import { randomUUID } from 'node:crypto'

const HAL = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'
const TYPE = 'application/vnd.dwolla.v1.hal+json'

const cents = (value) => Math.round(Number(value) * 100)
const dollars = (amount) => `${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}`

function represent(base, label) {
  const link = (path, resourceType) => ({ href: `${base}${path}`, type: TYPE, 'resource-type': resourceType })
  return {
    _links: {
      self: link(`/labels/${label.id}`, 'label'),
      'ledger-entries': link(`/labels/${label.id}/ledger-entries`, 'ledger-entry'),
      update: link(`/labels/${label.id}/ledger-entries`, 'ledger-entry'),
      customer: link(`/customers/${label.customer}`, 'customer'),
    },
    id: label.id,
    created: label.created,
    amount: { value: dollars(label.cents), currency: 'USD' },
  }
}

/** Registers the label routes the bench measures (and the balance setting they make first) on a Fastify instance. */
export function registerBaselineLabels(app) {
  const labels = new Map()
  const entries = new Map()
  const entriesByLabel = new Map()
  const held = new Map()
  const balances = new Map()
  const base = (request) => `${request.protocol}://${request.headers.host}`
  /** A ledger entry of `amount` cents on `label`: stored, indexed by label, and held for its customer. */
  const addEntry = (label, amount) => {
    const entry = { id: randomUUID(), label: label.id, cents: amount, created: new Date().toISOString() }
    label.cents += amount
    entries.set(entry.id, entry)
    const listed = entriesByLabel.get(label.id) ?? []
    listed.push(entry.id)
    entriesByLabel.set(label.id, listed)
    held.set(label.customer, (held.get(label.customer) ?? 0) + amount)
    return entry
  }
  app.post('/__mock/funding-sources/:id/balance', async (request) => {
    balances.set(request.params.id, cents(request.body.value))
    return { balance: { fundingSource: request.params.id, balance: request.body.value, total: request.body.value } }
  })
  app.post('/customers/:id/labels', async (request, reply) => {
    const label = { id: randomUUID(), customer: request.params.id, cents: 0, created: new Date().toISOString() }
    labels.set(label.id, label)
    addEntry(label, cents(request.body.amount.value))
    reply.code(201).header('location', `${base(request)}/labels/${label.id}`)
    return reply.send()
  })
  app.get('/labels/:id', async (request, reply) => {
    const label = labels.get(request.params.id)
    if (label === undefined) return reply.code(404).send()
    return reply.type(HAL).send(JSON.stringify(represent(base(request), label)))
  })
  app.post('/labels/:id/ledger-entries', async (request, reply) => {
    const label = labels.get(request.params.id)
    if (label === undefined) return reply.code(404).send()
    const entry = addEntry(label, cents(request.body.amount.value))
    reply.code(201).header('location', `${base(request)}/ledger-entries/${entry.id}`)
    return reply.send()
  })
}
