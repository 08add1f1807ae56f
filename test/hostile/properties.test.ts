import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { basic, mockFor, accessTokenFor } from '../helpers/mock.js'
import { dwollaShapeProblem, oauthShapeProblem } from '../helpers/shapes.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const HREF = 'https://api-sandbox.dwolla.com/customers/707177c3-bf15-4e7e-b37c-55c3898d9bf4'

/** The statuses each endpoint documents (docs/); anything else is a bug. */
const TOKEN_STATUSES = new Set([200, 400, 401, 413])
const CLIENT_TOKEN_STATUSES = new Set([200, 400, 401, 403, 406, 413, 415, 429, 500])

/** Some values are near-valid on purpose, so generated requests reach every check, not just the first. */
const jsonValue = fc.jsonValue({ maxDepth: 4 })
const contentTypes = fc.oneof(
  fc.constantFrom('application/json', HAL, `${HAL}; charset=UTF-8`, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', ''),
  fc.string({ maxLength: 40 }),
)

/**
 * POSTs with the headers that have a value. Undefined when the HTTP layer itself refuses a header
 * value (control characters): such a request never reaches the server.
 */
async function post(app: FastifyInstance, url: string, given: Record<string, string | undefined>, payload: string) {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(given)) if (value !== undefined && value !== '') headers[name] = value
  try {
    return await app.inject({ method: 'POST', url, headers, payload })
  } catch {
    return undefined
  }
}

t.test('any request to /client-tokens: a documented status, in Dwolla shape or the documented success', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const body = fc.oneof(
    jsonValue.map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          action: fc.oneof(fc.constantFrom('customer.create', 'customer.update', 'customer.read', 'customer.transfers.send'), jsonValue),
          _links: fc.oneof(
            fc.constant({ customer: { href: HREF } }),
            fc.record({ customer: fc.record({ href: fc.oneof(fc.webUrl(), fc.constant(HREF), jsonValue) }) }),
            jsonValue,
          ),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
  )
  const authorization = fc.oneof(
    fc.constant(`Bearer ${token}`),
    fc.constant(undefined),
    fc.string({ maxLength: 60 }),
    fc.string().map((s) => `Bearer ${s}`),
  )
  const accept = fc.oneof(
    fc.constant(HAL),
    fc.constant(undefined),
    fc.constantFrom('application/json', '*/*', `text/html, ${HAL}`),
    fc.string({ maxLength: 40 }),
  )

  await fc.assert(
    fc.asyncProperty(body, contentTypes, authorization, accept, async (payload, contentType, auth, acceptHeader) => {
      const response = await post(app, '/client-tokens', { 'content-type': contentType, authorization: auth, accept: acceptHeader }, payload)
      if (response === undefined) return true
      if (!CLIENT_TOKEN_STATUSES.has(response.statusCode)) return false
      if (response.statusCode === 200) return /^\{"token":"[0-9A-Za-z]{50}"\}$/.test(response.body)
      if (response.statusCode >= 500) return false
      return dwollaShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 400 },
  )
  t.pass('400 generated requests, every answer documented')
  t.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/client-tokens',
        headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
        payload: { action: 'customer.create' },
      })
    ).statusCode,
    200,
    'still serving',
  )
})

t.test('any request to /token: a documented status, OAuth-shaped, never without an error key', async (t) => {
  const app = await mockFor(t)
  const field = fc.oneof(fc.constantFrom('client_credentials', 'password', 'refresh_token', ''), fc.string({ maxLength: 30 }))
  const form = fc
    .array(fc.tuple(fc.constantFrom('grant_type', 'client_id', 'client_secret', 'scope', '__proto__', 'constructor'), field), { maxLength: 6 })
    .map((pairs) => new URLSearchParams(pairs).toString())
  const body = fc.oneof(
    form,
    fc.string({ maxLength: 120 }),
    jsonValue.map((value) => JSON.stringify(value)),
  )
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([k, s]) => basic(k, s)),
    fc.string({ maxLength: 40 }),
  )

  await fc.assert(
    fc.asyncProperty(body, contentTypes, authorization, async (payload, contentType, auth) => {
      const response = await post(app, '/token', { 'content-type': contentType, authorization: auth }, payload)
      if (response === undefined) return true
      if (!TOKEN_STATUSES.has(response.statusCode)) return false
      if (response.statusCode === 200) {
        const parsed = response.json<Record<string, unknown>>()
        return /^[0-9A-Za-z]{50}$/.test(String(parsed.access_token)) && parsed.token_type === 'Bearer' && Number.isInteger(parsed.expires_in)
      }
      return oauthShapeProblem(response.statusCode, response.headers['content-type'] as string, response.body) === undefined
    }),
    { numRuns: 400 },
  )
  t.pass('400 generated requests, every answer documented')
  t.equal(({} as Record<string, unknown>).client_id, undefined, 'no prototype was polluted')
})
