import t from 'tap'
import { PAGE_POLICY } from '../../src/dashboard/page-document.js'
import { openDashboard } from '../helpers/dashboard.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const ADMIN_TOKEN = 'dashboard-admin-token-0123456789'

t.test('with an admin token, a browser opening the page gets the sign-in page: no state, its own script', async (t) => {
  const app = await mockFor(t, { adminToken: ADMIN_TOKEN })
  await apiRequest(app, 'GET', '/customers', { token: await accessTokenFor(app) })
  for (const url of ['/__mock', '/__mock/', '/__mock/dashboard', '/__mock/dashboard?section=customers']) {
    const refused = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
    t.equal(refused.statusCode, 401, `${url}: still refused (401)`)
    t.equal(refused.headers['content-type'], 'text/html; charset=utf-8', `${url}: as a page`)
    t.equal(refused.headers['content-security-policy'], PAGE_POLICY, `${url}: under the page's policy`)
    t.match(refused.body, /<body data-sign-in>/, `${url}: the sign-in page`)
    t.match(refused.body, /<main id="main"><\/main>/, `${url}: with nothing in it`)
    t.notMatch(refused.body, /personal\.verified@example\.com|data-row=/, `${url}: no customer, no row`)
  }
  const wrong = await openDashboard(app, '', { authorization: 'Bearer not-the-token-at-all' })
  t.equal(wrong.statusCode, 401, 'a wrong token: 401')
  t.match(wrong.body, /<body data-sign-in>/, 'and the sign-in page again')

  const answered = await openDashboard(app, '?section=customers', { authorization: `Bearer ${ADMIN_TOKEN}` })
  t.equal(answered.statusCode, 200, 'with the token: the page')
  t.match(answered.body, /personal\.verified@example\.com/, 'with the state')
  const live = await app.inject({ method: 'GET', url: '/__mock/dashboard/live', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  t.equal(live.statusCode, 200, "the page's script, with the token: the main part")
})

t.test('with an admin token, everything else is refused as JSON, as the admin API always does', async (t) => {
  const app = await mockFor(t, { adminToken: ADMIN_TOKEN })
  const cases: Array<[string, string, Record<string, string>]> = [
    ['the live part (what the script fetches)', '/__mock/dashboard/live', { accept: 'text/html' }],
    ['the page, asked for as JSON (curl)', '/__mock/dashboard', { accept: '*/*' }],
    ['another admin route, from a browser', '/__mock/customers', { accept: 'text/html' }],
  ]
  for (const [label, url, headers] of cases) {
    const refused = await app.inject({ method: 'GET', url, headers })
    t.equal(refused.statusCode, 401, `${label}: 401`)
    t.match(refused.headers['content-type'], /^application\/json/, `${label}: JSON`)
    t.equal(refused.json().error, 'AdminTokenRequired', `${label}: AdminTokenRequired`)
  }
  const reset = await app.inject({ method: 'POST', url: '/__mock/reset', headers: { accept: 'text/html' } })
  t.equal(reset.json().error, 'AdminTokenRequired', 'an action without the token: refused as JSON')
})

t.test('another site can neither read the page nor press its buttons', async (t) => {
  const app = await mockFor(t)
  await accessTokenFor(app)
  const fromElsewhere = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
  const read = await openDashboard(app, '', fromElsewhere)
  t.same([read.statusCode, read.json().error], [403, 'CrossSiteRequest'], 'the page, fetched from another site: 403 JSON')
  const live = await app.inject({ method: 'GET', url: '/__mock/dashboard/live', headers: fromElsewhere })
  t.same([live.statusCode, live.json().error], [403, 'CrossSiteRequest'], 'its live part: 403')
  app.mockDwolla.clock.advance(5_000)
  // What a page elsewhere can send without a preflight: a text/plain POST.
  for (const path of ['/__mock/reset', '/__mock/clock', '/__mock/webhooks/settle', '/__mock/sandbox-simulations']) {
    const pressed = await app.inject({
      method: 'POST',
      url: path,
      headers: { ...fromElsewhere, 'content-type': 'text/plain' },
      payload: '{"application":"key"}',
    })
    t.same([pressed.statusCode, pressed.json().error], [403, 'CrossSiteRequest'], `${path}: refused`)
  }
  t.equal(app.mockDwolla.clock.offsetMs, 5_000, 'nothing was reset')
  const rebound = await openDashboard(app, '', { host: 'attacker.example' })
  t.same([rebound.statusCode, rebound.json().error], [403, 'HostNotAllowed'], 'a DNS-rebinding Host: refused')
  const sameSite = await app.inject({
    method: 'POST',
    url: '/__mock/clock',
    headers: { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
    payload: { advanceSeconds: 1 },
  })
  t.equal(sameSite.statusCode, 200, "the page's own POST (same origin, JSON) goes through")
})
