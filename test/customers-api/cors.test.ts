import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const ORIGIN = 'http://localhost:5173'

t.test('preflight on the API: the Origin echoed, credentials, the headers dwolla-web.js sends', async (t) => {
  const app = await mockFor(t)
  for (const url of ['/customers', `/customers/${SEEDED.personalVerified}`, '/client-tokens', '/', '/funding-sources/not-mocked']) {
    const response = await app.inject({
      method: 'OPTIONS',
      url,
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    })
    t.equal(response.statusCode, 204, `${url}: 204`)
    t.match(
      response.headers,
      {
        'access-control-allow-origin': ORIGIN,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, HEAD, POST',
        'access-control-allow-headers': 'Authorization, Accept, Content-Type, Idempotency-Key, X-Requested-With',
        'access-control-max-age': '600',
        vary: 'Origin',
      },
      `${url}: the CORS answer`,
    )
  }
  const journaled = app.mockDwolla.journal.list({ method: 'OPTIONS' })
  t.same(
    journaled.map(({ status, operation }) => [status, operation]),
    Array(5).fill([204, undefined]),
    'each preflight is in the journal, as an OPTIONS with no operation',
  )
})

t.test('an API answer carries the CORS headers, errors included, and exposes Location and X-Request-Id', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const ok = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token, headers: { origin: ORIGIN } })
  t.match(
    ok.headers,
    { 'access-control-allow-origin': ORIGIN, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'Location, X-Request-Id' },
    '200 with CORS',
  )
  const error = await apiRequest(app, 'GET', '/customers', { token: 'x'.repeat(50), headers: { origin: ORIGIN } })
  t.same([error.statusCode, error.headers['access-control-allow-origin']], [401, ORIGIN], 'a 401 the page can read')
  const created = await apiRequest(app, 'POST', '/customers', {
    token,
    headers: { origin: ORIGIN },
    body: { firstName: 'A', lastName: 'B', email: 'cors@example.com' },
  })
  t.same([created.statusCode, created.headers['access-control-allow-origin']], [201, ORIGIN], 'the 201 too, whose Location the page reads')
})

t.test('no CORS without an Origin, on the admin API, or for an OPTIONS that is not a preflight', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const server = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })
  t.same([server.headers['access-control-allow-origin'], server.headers.vary], [undefined, undefined], 'no Origin (a server, an SDK): no CORS headers, no Vary')
  const admin = await app.inject({ method: 'GET', url: '/__mock/health', headers: { origin: ORIGIN } })
  t.same(
    [admin.statusCode, admin.headers['access-control-allow-origin'], admin.headers['access-control-allow-credentials']],
    [403, undefined, undefined],
    'the admin API: no CORS headers, and the admin guard refuses the foreign Origin',
  )
  const adminPreflight = await app.inject({ method: 'OPTIONS', url: '/__mock/reset', headers: { origin: ORIGIN, 'access-control-request-method': 'POST' } })
  t.same(
    [adminPreflight.statusCode, adminPreflight.json().error, adminPreflight.headers['access-control-allow-origin']],
    [403, 'CrossSiteRequest', undefined],
    'an admin preflight is refused by the guard, without CORS: a page elsewhere cannot script /__mock',
  )
  const plainOptions = await app.inject({ method: 'OPTIONS', url: '/customers', headers: { origin: ORIGIN } })
  t.same(
    [plainOptions.statusCode, plainOptions.headers.allow, plainOptions.json().code],
    [405, 'GET, POST', 'MethodNotAllowed'],
    'OPTIONS without Access-Control-Request-Method: 405 as before',
  )
})
