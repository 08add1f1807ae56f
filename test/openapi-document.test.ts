import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import t from 'tap'
import { OpenAPIBackend } from 'openapi-backend'
import { parse } from 'yaml'
import { OPENAPI_DOCUMENT_PATH } from '../src/index.js'
import { DWOLLA_OPERATIONS } from './helpers/dwolla-operations.js'
import { mockFor } from './helpers/mock.js'
import { responseProblem } from './helpers/openapi-conformance.js'

const document = parse(readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'))

t.test('the document loads in openapi-backend strict mode (validated against the OpenAPI 3.0 schema)', async (t) => {
  const api = new OpenAPIBackend({ definition: OPENAPI_DOCUMENT_PATH, strict: true })
  await api.init()
  t.ok(api.initialized, 'initialised without a validation error')
  const dwolla = new Map(DWOLLA_OPERATIONS.map(([operationId, method, path]) => [operationId, `${method} ${path}`]))
  for (const operation of api.getOperations()) {
    const { operationId, method, path } = operation
    t.equal(`${method.toUpperCase()} ${path}`, dwolla.get(operationId ?? ''), `${operationId}: Dwolla's operationId, method and path`)
  }
})

t.test('every operation in the document is routed', async (t) => {
  const app = await mockFor(t)
  const api = new OpenAPIBackend({ definition: document, quick: true })
  await api.init()
  for (const operation of api.getOperations()) {
    const method = operation.method.toUpperCase()
    const route = operation.path.replace(/\{([^}]+)\}/g, ':$1')
    t.ok(app.hasRoute({ method: method, url: route }), `${method} ${operation.path} is a route`)
    const response = await app.inject({ method: method as 'POST', url: operation.path })
    t.not(response.statusCode, 404, `${method} ${operation.path} is not a 404`)
    t.not(response.statusCode, 405, `${method} ${operation.path} is not a 405`)
  }
})

t.test('the documented actions match the facts list', async (t) => {
  const actions = document.components.schemas.ClientTokenRequest.properties.action.enum
  t.equal(actions.length, 18, '18 actions')
  t.notOk(actions.includes('beneficialowner.delete'), 'the older misspelling is not accepted')
})

t.test('the response check every test runs is not vacuous: it finds what does not conform', async (t) => {
  const customer = {
    _links: { self: { href: 'http://x/customers/1' } },
    id: '1',
    firstName: 'A',
    lastName: 'B',
    email: 'a@example.com',
    type: 'personal',
    status: 'verified',
    created: '2024-01-01T00:00:00.000Z',
    address1: 'a',
    city: 'b',
    state: 'IA',
    postalCode: '50309',
  }
  const hal = 'application/vnd.dwolla.v1.hal+json; charset=UTF-8'
  t.equal(responseProblem('getCustomer', 200, hal, JSON.stringify(customer)), undefined, 'a personal customer conforms')
  t.match(
    responseProblem('getCustomer', 200, hal, JSON.stringify({ ...customer, ssn: '1234' })),
    /must match exactly one schema in oneOf/,
    'an ssn in a customer does not',
  )
  t.match(
    responseProblem('getCustomer', 200, hal, JSON.stringify({ ...customer, created: '2024-01-01T00:00:00' })),
    /getCustomer 200/,
    'nor a created without a zone',
  )
  t.match(
    responseProblem('getCustomer', 200, hal, JSON.stringify({ ...customer, type: 'unverified' })),
    /getCustomer 200/,
    'nor an unverified customer in status verified',
  )
  t.match(
    responseProblem('getCustomer', 200, 'application/json', JSON.stringify(customer)),
    /media type application\/json is not documented/,
    'nor the wrong media type',
  )
  t.equal(responseProblem('createCustomer', 201, undefined, ''), undefined, 'a 201 without a body conforms')
  t.match(responseProblem('createCustomer', 201, 'application/json', '{}'), /documented without a body/, 'a 201 with one does not')
  t.match(
    responseProblem('createApplicationAccessToken', 200, 'application/json', JSON.stringify({ access_token: 'short', token_type: 'Bearer', expires_in: 1 })),
    /fewer than 50 characters/,
    '/token: a short token does not',
  )
  t.equal(
    responseProblem('createClientToken', 404, hal, JSON.stringify({ code: 'NotFound', message: 'x' })),
    undefined,
    'an error status falls to default: a Dwolla error conforms',
  )
  t.match(
    responseProblem(
      'listAndSearchCustomers',
      200,
      hal,
      JSON.stringify({ _links: {}, _embedded: { customers: [{ ...customer, status: 'unknown' }] }, total: 1 }),
    ),
    /listAndSearchCustomers 200/,
    'one bad customer in a list does not',
  )

  const subscription = {
    _links: { self: { href: 'http://x/webhook-subscriptions/1' } },
    id: '1',
    url: 'http://localhost/',
    paused: false,
    created: '2024-01-01T00:00:00.000Z',
  }
  t.equal(responseProblem('getWebhookSubscription', 200, hal, JSON.stringify(subscription)), undefined, 'a webhook subscription conforms')
  t.match(
    responseProblem('getWebhookSubscription', 200, hal, JSON.stringify({ ...subscription, secret: 's' })),
    /must NOT have additional properties/,
    'one showing its secret does not',
  )
  t.match(
    responseProblem(
      'listWebhookSubscriptions',
      200,
      hal,
      JSON.stringify({ _links: {}, _embedded: { 'webhook-subscriptions': [{ ...subscription, secret: 's' }] }, total: 1 }),
    ),
    /listWebhookSubscriptions 200/,
    'nor a list with a secret in it',
  )
  const link = { href: 'http://x/' }
  const event = {
    _links: { account: link, customer: link, resource: link, self: link },
    created: '2024-01-01T00:00:00.000Z',
    id: '1',
    resourceId: '2',
    topic: 'customer_created',
  }
  t.equal(responseProblem('getEvent', 200, hal, JSON.stringify(event)), undefined, 'an event conforms')
  t.match(
    responseProblem('getEvent', 200, hal, JSON.stringify({ ...event, topic: 'statement_created' })),
    /getEvent 200/,
    'not with a topic the mock never raises',
  )
  t.match(
    responseProblem('getEvent', 200, hal, JSON.stringify({ ...event, _links: { self: link } })),
    /getEvent 200/,
    'nor without its account, customer and resource links',
  )
  const attempt = {
    id: '1',
    request: { timestamp: event.created, url: 'http://localhost/', headers: [{ name: 'a', value: 'b' }], body: '{}' },
    response: { timestamp: event.created, headers: [], body: '' },
  }
  const webhook = { _links: {}, id: '1', topic: 'customer_created', accountId: '2', eventId: '3', subscriptionId: '4', attempts: [attempt] }
  t.equal(responseProblem('getWebhook', 200, hal, JSON.stringify(webhook)), undefined, 'a webhook whose attempt got no answer (no statusCode) conforms')
  t.match(
    responseProblem('getWebhook', 200, hal, JSON.stringify({ ...webhook, attempts: [{ ...attempt, response: { ...attempt.response, statusCode: '200' } }] })),
    /getWebhook 200/,
    'not with a statusCode that is no integer',
  )
  t.equal(responseProblem('retryWebhook', 201, undefined, ''), undefined, 'a retry: 201 without a body')
})

t.test("the customer href pattern accepts exactly what 'any path, then /customers/{uuid}' does", async (t) => {
  const href = document.components.schemas.ClientTokenRequest.properties._links.properties.customer.properties.href
  const pattern = new RegExp(href.pattern, 'u')
  const uuid = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}'
  const straightforward = new RegExp(`^https?://[^/?#\\s]+(/[^?#\\s]*)?/customers/${uuid}/?$`, 'u')
  const pieces = fc.constantFrom(
    'https://',
    'http://',
    'api.dwolla.com',
    '/',
    '//',
    'customers',
    '/customers/',
    '707177c3-bf15-4e7e-b37c-55c3898d9bf4',
    'A',
    '-',
    '?',
    '#',
    ' ',
    'é',
  )
  const differences: string[] = []
  fc.assert(
    fc.property(
      fc.array(pieces, { maxLength: 10 }).map((parts) => parts.join('')),
      (candidate) => {
        if (pattern.test(candidate) !== straightforward.test(candidate)) differences.push(candidate)
      },
    ),
    { numRuns: 5000 },
  )
  t.same(differences, [], 'no href of 5,000 is judged differently')
  t.ok(pattern.test('https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'), "Dwolla's own href")
  t.ok(pattern.test('http://localhost:8080/a//b/customers/707177C3-BF15-4E7E-B37C-55C3898D9BF4/'), 'a longer path, an empty segment, a trailing slash')
  t.notOk(pattern.test(`https://h${'/a'.repeat(20_000)}/x`), 'a long path that is no customer href, refused')
})
