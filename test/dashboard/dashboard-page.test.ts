import t from 'tap'
import { PAGE_POLICY } from '../../src/dashboard/page-document.js'
import { OVERVIEW_ROWS, SECTION_ROWS } from '../../src/dashboard/render-main.js'
import { SEEDED } from '../helpers/customers.js'
import { actionsOf, openDashboard, rowKeys } from '../helpers/dashboard.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const SCRIPT_NAME = '<script>alert(1)</script>'

t.test('/__mock/dashboard is one server-rendered page with a policy that runs only its own script', async (t) => {
  const app = await mockFor(t)
  await apiRequest(app, 'GET', '/customers', { token: await accessTokenFor(app) })
  for (const url of ['/__mock', '/__mock/', '/__mock/dashboard']) {
    const response = await app.inject({ method: 'GET', url })
    t.equal(response.statusCode, 200, `${url}: 200`)
    t.equal(response.headers['content-type'], 'text/html; charset=utf-8', `${url}: HTML`)
    t.equal(response.headers['content-security-policy'], PAGE_POLICY, `${url}: the policy`)
    t.equal(response.headers['cache-control'], 'no-store', `${url}: never cached`)
  }
  t.match(
    PAGE_POLICY,
    /default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]+=*'; style-src 'sha256-[A-Za-z0-9+/]+=*'; connect-src 'self'/,
    'scripts and styles by hash only',
  )
  const page = (await openDashboard(app)).body
  t.equal(page.match(/<script/g)?.length, 1, 'one script: its own, inline')
  t.notMatch(page, /\b(src|href)="(https?:)?\/\//, 'nothing loaded from anywhere else')
  t.same(rowKeys(page, 'customers').length, OVERVIEW_ROWS, 'the overview shows the first customers of the application')
})

t.test('a customer named <script> shows as text', async (t) => {
  const app = await mockFor(t)
  const customer = app.mockDwolla.customers.create(
    { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com', type: 'receive-only', businessName: SCRIPT_NAME },
    { application: 'key' },
  )
  const page = (await openDashboard(app, '?section=customers')).body
  t.ok(rowKeys(page, 'customers').includes(customer.id), 'listed')
  t.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'its name escaped')
  t.notOk(page.includes(SCRIPT_NAME), 'and never as markup')
  const live = await app.inject({ method: 'GET', url: '/__mock/dashboard/live?section=customers' })
  t.notOk(live.json<{ main: string }>().main.includes(SCRIPT_NAME), 'nor in the live updates')
})

t.test('it pages: 5,000 customers, never more than a page of them rendered', async (t) => {
  const app = await mockFor(t)
  const customers = app.mockDwolla.customers
  for (let i = customers.list({ application: 'key' }).length; i < 5_000; i++) {
    customers.create({ firstName: 'Pat', lastName: `Number${i}`, email: `pat${i}@example.com` }, { application: 'key' })
  }
  const newestFirst = customers.list({ application: 'key' }).map((customer) => customer.id)
  t.equal(newestFirst.length, 5_000, '5,000 customers stored')
  const overview = (await openDashboard(app)).body
  t.equal(rowKeys(overview, 'customers').length, OVERVIEW_ROWS, `the overview: ${OVERVIEW_ROWS}`)
  t.match(overview, /All 5,000 →/, 'and a link to all of them')
  const first = (await openDashboard(app, '?application=key&section=customers')).body
  t.equal(rowKeys(first, 'customers').length, SECTION_ROWS, `a section page: ${SECTION_ROWS}`)
  t.match(first, /1–50 of 5,000/, 'says which')
  t.match(first, /rel="next" href="\/__mock\/dashboard\?application=key&amp;section=customers&amp;page=2"/, 'links to the next page')
  const last = (await openDashboard(app, '?application=key&section=customers&page=100')).body
  t.same(rowKeys(last, 'customers'), newestFirst.slice(4_950), 'the last page: the oldest 50, newest first as GET /customers lists them')
  t.notMatch(last, /rel="next"/, 'no page after it')
  const past = (await openDashboard(app, '?application=key&section=customers&page=101')).body
  t.same(rowKeys(past, 'customers'), [], 'past the end: no rows')
  t.match(past, /No rows past 5,000/, 'and says so')
  t.equal(rowKeys(first, 'events').length, 0, 'other sections are counted, not rendered, on a section page')
})

t.test('the journal pages newest first, redacted', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (let i = 0; i < 60; i++) await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}`, { token })
  const journal = app.mockDwolla.journal.list()
  t.equal(journal.length, 61, 'the token request and 60 reads')
  const first = (await openDashboard(app, '?section=journal')).body
  t.same(
    rowKeys(first, 'journal'),
    journal
      .slice(-SECTION_ROWS)
      .reverse()
      .map((entry) => entry.id),
    'the newest 50, newest first',
  )
  const second = (await openDashboard(app, '?section=journal&page=2')).body
  t.same(
    rowKeys(second, 'journal'),
    journal
      .slice(0, 11)
      .reverse()
      .map((entry) => entry.id),
    'then the 11 oldest',
  )
  t.notOk(first.includes(token), 'no access token shown')
  t.notOk(second.includes('client_secret=secret'), 'no secret shown')
})

t.test('reading the dashboard makes nothing', async (t) => {
  const app = await mockFor(t)
  const page = await openDashboard(app, '?application=never-seen')
  t.equal(page.statusCode, 200, 'an application with no state: 200')
  t.match(page.body, /<option value="never-seen" selected>never-seen<\/option>/, 'chosen in the picker')
  t.equal(app.mockDwolla.worlds.find('never-seen'), undefined, 'no world made for it')
  const empty = (await openDashboard(app)).body
  t.match(empty, /No application yet/, 'with no application at all, says how one comes')
})

t.test('the page refuses what it does not understand, in the admin API’s own JSON', async (t) => {
  const app = await mockFor(t)
  const cases: Array<[string, number, string]> = [
    ['?colour=red', 400, 'InvalidQuery'],
    ['?section=customers&section=events', 400, 'InvalidQuery'],
    ['?section=statements', 404, 'UnknownSection'],
    ['?section=sandbox-simulations', 404, 'UnknownSection'],
    ['?section=customers&page=0', 400, 'InvalidQuery'],
    ['?section=customers&page=two', 400, 'InvalidQuery'],
    ['?section=customers&page=99999999', 400, 'InvalidQuery'],
    ['?page=2', 400, 'InvalidQuery'],
    ['?application=', 400, 'InvalidQuery'],
    [`?application=${'k'.repeat(1025)}`, 400, 'InvalidQuery'],
  ]
  for (const [query, status, error] of cases) {
    const response = await openDashboard(app, query)
    t.same([response.statusCode, response.json().error], [status, error], `${query.slice(0, 40)}: ${status} ${error}`)
  }
})

t.test('/__mock/dashboard/live: the main part and the clock, for the page’s script', async (t) => {
  const app = await mockFor(t)
  await accessTokenFor(app)
  app.mockDwolla.clock.advance(3_600_000)
  const live = await app.inject({ method: 'GET', url: '/__mock/dashboard/live?section=customers' })
  t.equal(live.statusCode, 200, '200')
  const before = app.mockDwolla.clock.now()
  const { now, main } = (await app.inject({ method: 'GET', url: '/__mock/dashboard/live?section=customers' })).json<{ now: string; main: string }>()
  t.ok(Date.parse(now) >= before && Date.parse(now) <= app.mockDwolla.clock.now(), "the mock's clock, an hour ahead")
  const page = (await openDashboard(app, '?section=customers')).body
  t.ok(page.includes(`<main id="main">${main}</main>`), 'the same main part the page holds')
})

t.test("each action names the test double's own call, and that call does it", async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await apiRequest(app, 'GET', `/customers/${SEEDED.personalRetry}`, { token })
  const page = (await openDashboard(app)).body
  const actions = actionsOf(page)
  const byLabel = (label: string) => actions.filter((action) => action.label === label)
  t.same(byLabel('Settle webhooks'), [{ label: 'Settle webhooks', path: '/__mock/webhooks/settle', method: 'POST', body: undefined }], 'settle')
  t.same(
    byLabel('Advance the clock'),
    [{ label: 'Advance the clock', path: '/__mock/clock', method: 'POST', body: undefined }],
    'the clock (seconds from its field)',
  )
  t.same(byLabel('Reset'), [{ label: 'Reset', path: '/__mock/reset', method: 'POST', body: undefined }], 'reset')
  t.same(
    byLabel('Process bank transfers'),
    [{ label: 'Process bank transfers', path: '/__mock/sandbox-simulations', method: 'POST', body: { application: 'key' } }],
    'the sandbox',
  )
  t.same(
    byLabel('Add fixture rule'),
    [{ label: 'Add fixture rule', path: '/__mock/fixtures', method: 'POST', body: undefined }],
    'a fixture rule (the body from its field)',
  )
  const setStatus = byLabel('Set status').find((action) => action.path === `/__mock/customers/${SEEDED.personalRetry}/status`)
  t.same(setStatus?.body, { application: 'key' }, "a customer's status, for the chosen application")

  // What the page's script sends for "Set status" with verified chosen:
  const moved = await app.inject({ method: 'POST', url: setStatus?.path as string, payload: { ...(setStatus?.body as object), status: 'verified' } })
  t.equal(moved.statusCode, 200, 'the call is answered')
  t.equal((await apiRequest(app, 'GET', `/customers/${SEEDED.personalRetry}`, { token })).json().status, 'verified', 'the customer moved')
  const after = (await openDashboard(app, '?section=events')).body
  t.match(after, /customer_verified/, 'and its event shows')
})
