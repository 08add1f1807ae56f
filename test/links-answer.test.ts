import t from 'tap'
import { DWOLLA_MEDIA_TYPE } from '../src/index.js'
import { SEEDED } from './helpers/customers.js'
import { docPage } from './helpers/docs.js'
import { DWOLLA_OPERATIONS } from './helpers/dwolla-operations.js'
import { createExchangeVia, createSessionVia, PARTNERS } from './helpers/exchanges.js'
import { bankBody, createFundingSourceVia, VAN_BODY } from './helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from './helpers/mock.js'
import { OWNER, pngOf } from './helpers/verification.js'

const ORIGIN = 'http://localhost:80'
/** Enough to reach every kind of resource from the root and the seeds, and to stop. */
const MOST_VISITS = 3000

/**
 * The paths of Dwolla's operations that docs/openapi.md lists as not served: a link there answers
 * Dwolla's 404 until they are (README, "Limitations first"); every other link must reach a route.
 */
function notServedPaths(): RegExp[] {
  const page = docPage('openapi')
  const listed = new Set([...page.slice(page.indexOf('## Operations not served')).matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1]))
  return DWOLLA_OPERATIONS.filter(([operationId]) => listed.has(operationId)).map(([, , path]) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`))
}

/** Every `_links` href in a body, at any depth (embedded resources too). */
function hrefsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) hrefsIn(item, found)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '_links' && typeof inner === 'object' && inner !== null) {
        for (const link of Object.values(inner)) {
          const href = (link as { href?: unknown }).href
          if (typeof href === 'string') found.push(href)
        }
      } else hrefsIn(inner, found)
    }
  }
  return found
}

t.test('every link, from the root and from a resource of every kind, reaches a route: none answers a routing 404', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  // A resource of every kind the mock serves, beside the seeded customers and the Account's funding sources.
  const bank = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('55555555', { verified: false }))
  await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token })
  await createFundingSourceVia(app, token, SEEDED.personalVerified, VAN_BODY)
  await apiRequest(app, 'POST', '/on-demand-authorizations', { token })
  await apiRequest(app, 'POST', '/webhook-subscriptions', { token, body: { url: 'http://127.0.0.1:9/hook', secret: 'a secret' } })
  await apiRequest(app, 'POST', `/customers/${SEEDED.businessVerified}/beneficial-owners`, { token, body: OWNER })
  await apiRequest(app, 'POST', `/customers/${SEEDED.personalKba}/kba`, { token })
  await app.inject({
    method: 'POST',
    url: `/customers/${SEEDED.personalDocument}/documents`,
    headers: { authorization: `Bearer ${token}`, accept: DWOLLA_MEDIA_TYPE, 'content-type': 'multipart/form-data; boundary=x' },
    payload: Buffer.concat([
      Buffer.from(
        '--x\r\nContent-Disposition: form-data; name="documentType"\r\n\r\nlicense\r\n--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n',
      ),
      pngOf(),
      Buffer.from('\r\n--x--\r\n'),
    ]),
  })
  const exchange = await createExchangeVia(app, token, SEEDED.personalVerified)
  const session = await createSessionVia(app, token, SEEDED.personalVerified, PARTNERS.MX)
  await apiRequest(app, 'POST', '/exchanges', { token, body: { _links: { 'exchange-partner': { href: `/exchange-partners/${PARTNERS.MX}` } }, token: 'x' } })

  const starts = [
    '/',
    '/customers?limit=200',
    '/events?limit=200',
    '/webhook-subscriptions',
    '/exchange-partners',
    '/exchanges',
    `/exchanges/${exchange}`,
    `/exchange-sessions/${session}`,
    `/customers/${SEEDED.personalVerified}/exchanges`,
    `/customers/${SEEDED.personalVerified}/available-exchange-connections`,
    `/customers/${SEEDED.businessVerified}/beneficial-owners`,
    `/customers/${SEEDED.personalDocument}/documents`,
  ]
  for (const customer of Object.values(SEEDED)) starts.push(`/customers/${customer}`, `/customers/${customer}/funding-sources`)
  const pending = starts.map((path) => `${ORIGIN}${path}`)
  const visited = new Set<string>()
  const notServed = notServedPaths()
  const problems: string[] = []
  let toNotServed = 0
  while (pending.length > 0 && visited.size < MOST_VISITS) {
    const href = pending.shift() as string
    if (visited.has(href) || !href.startsWith(ORIGIN)) continue
    visited.add(href)
    const url = href.slice(ORIGIN.length)
    const path = url.split('?')[0] as string
    const admin = path.startsWith('/__mock/')
    const response = admin ? await app.inject({ method: 'GET', url }) : await apiRequest(app, 'GET', url, { token })
    // A routing 404 is one no operation answered: the journal names none (a resource's own 404,
    // "Funding source not found." for a removed one, names its operation). 405 is a route too.
    const entry = app.mockDwolla.journal.list().at(-1)
    const routed = admin ? response.statusCode !== 404 : entry?.path === path && (entry.operation !== undefined || response.statusCode === 405)
    if (!routed) {
      if (notServed.some((pattern) => pattern.test(path))) toNotServed += 1
      else problems.push(`${url}: ${response.statusCode}`)
      continue
    }
    if (String(response.headers['content-type'] ?? '').includes('json')) for (const next of hrefsIn(response.json())) if (!visited.has(next)) pending.push(next)
  }
  t.same(problems, [], 'no link answers a routing 404')
  t.ok(visited.size > 80, `${visited.size} links followed`)
  t.ok(pending.length === 0 || visited.size >= MOST_VISITS, 'the walk ran to its end')
  t.comment(`${toNotServed} links point at operations listed as not served (docs/openapi.md#operations-not-served)`)
  for (const path of [
    '/exchange-partners',
    `/exchange-sessions/${session}`,
    `/__mock/exchange-sessions/${session}/connect`,
    `/customers/${SEEDED.personalVerified}/funding-sources`,
  ]) {
    t.ok(visited.has(`${ORIGIN}${path}`), `reached ${path}`)
  }
})

t.test('the link check tells a routing 404 from a resource’s own', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await apiRequest(app, 'GET', '/no-such-route', { token })
  t.equal(app.mockDwolla.journal.list().at(-1)?.operation, undefined, 'a path no route has: no operation in the journal')
  await apiRequest(app, 'GET', '/funding-sources/99999999-9999-4999-8999-999999999999', { token })
  t.equal(app.mockDwolla.journal.list().at(-1)?.operation, 'getFundingSource', 'an unknown funding source: its operation answered the 404')
})
