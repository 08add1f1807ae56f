// The baseline for POST /customers and GET /customers/{id}: what a bare Fastify app would do for
// the same two calls, and nothing else. POST parses the JSON body, gives it a random UUID, keeps
// it in a Map and answers 201 with an absolute Location and no body; GET looks the id up and
// serialises what was kept (404 when it is not there). No auth, no validation, no bound: the
// cost of the work itself, for mock-dwolla's ratio against it.
//
//   import { registerBaselineCustomers } from './baseline-customers.js'
//   registerBaselineCustomers(app)   // app: a Fastify instance, before listen()
import { randomUUID } from 'node:crypto'

/** Registers POST /customers and GET /customers/:id on a Fastify instance. */
export function registerBaselineCustomers(app) {
  const customers = new Map()
  app.post('/customers', async (request, reply) => {
    const id = randomUUID()
    customers.set(id, { id, ...request.body, created: new Date().toISOString() })
    reply.code(201).header('location', `${request.protocol}://${request.headers.host}/customers/${id}`)
    return reply.send()
  })
  app.get('/customers/:id', async (request, reply) => {
    const customer = customers.get(request.params.id)
    if (customer === undefined) return reply.code(404).send({ code: 'NotFound', message: 'Customer not found.' })
    reply.type('application/vnd.dwolla.v1.hal+json; charset=UTF-8')
    return JSON.stringify(customer)
  })
  // Dwolla's media type on POST bodies, as the `dwolla` SDK sends it.
  app.addContentTypeParser('application/vnd.dwolla.v1.hal+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'))
  return customers
}
