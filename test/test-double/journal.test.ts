import t from 'tap'
import { CONTROLLER, createCustomerVia } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, basic, CUSTOMER_ID, FORM, mockFor, requestAccessToken, requestClientToken, UUID_V4 } from '../helpers/mock.js'

t.test('every API request is recorded with what a test needs to assert on', async (t) => {
  const now = Date.parse('2026-01-02T03:04:05.000Z')
  const app = await mockFor(t, { now: () => now })
  const token = await accessTokenFor(app, 'my-app', 'my-secret')
  await requestClientToken(app, { token })
  await app.inject({ method: 'GET', url: '/nowhere?x=1' })
  const [tokenEntry, apiEntry, notFound] = app.mockDwolla.journal.list()
  t.match(
    tokenEntry,
    {
      method: 'POST',
      path: '/token',
      operation: 'createApplicationAccessToken',
      clientId: 'my-app',
      status: 200,
      time: '2026-01-02T03:04:05.000Z',
      body: { client_id: 'my-app', client_secret: '[redacted]', grant_type: 'client_credentials' },
    },
    '/token: method, path, operation, client, status, time, body',
  )
  t.match(tokenEntry?.id, UUID_V4, 'the request id')
  t.match(
    apiEntry,
    {
      path: '/client-tokens',
      operation: 'createClientToken',
      clientId: 'my-app',
      status: 200,
      body: { action: 'customer.update', _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${CUSTOMER_ID}` } } },
      headers: { accept: 'application/vnd.dwolla.v1.hal+json' },
    },
    '/client-tokens: the body as sent, the client behind the token',
  )
  t.match(notFound, { path: '/nowhere', query: 'x=1', status: 404, operation: undefined }, 'unknown paths too, with their query')
  t.type(apiEntry?.durationMs, 'number', 'a duration')
})

t.test('secrets never appear in full', async (t) => {
  const app = await mockFor(t)
  const accessToken = await accessTokenFor(app, 'key', 'super-secret-value')
  await requestAccessToken(app, { form: 'grant_type=client_credentials', headers: { authorization: basic('key', 'super-secret-value') } })
  await requestAccessToken(app, { form: 'client_id=key&client_secret=super-secret-value&grant_type=client_credentials&client_secret=super-secret-value' })
  await app.inject({ method: 'POST', url: '/token?client_secret=super-secret-value', headers: { cookie: 'session=super-secret-value' } })
  const { token: clientToken } = (await requestClientToken(app, { token: accessToken })).json()
  const journal = JSON.stringify(app.mockDwolla.journal.list())
  t.notMatch(journal, 'super-secret-value', 'no client secret, from the form, Basic, the query or a cookie')
  t.notMatch(journal, Buffer.from('key:super-secret-value').toString('base64'), 'no Basic credential')
  t.notMatch(journal, accessToken, 'no access token in full')
  t.notMatch(journal, clientToken, 'no client token in full')
  t.match(journal, `Bearer ${accessToken.slice(0, 6)}…`, 'the Bearer token shortened, to tell tokens apart')
  t.match(journal, '"authorization":"Basic [redacted]"', 'Basic credentials redacted whole')
})

t.test('what Dwolla never shows again is never journaled: ssn, dateOfBirth, ein, at any depth', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const personal = {
    firstName: 'Jane',
    lastName: 'Doe',
    email: 'jane.pii@example.com',
    type: 'personal',
    address1: '99-99 33rd St',
    city: 'Some City',
    state: 'NY',
    postalCode: '11101',
    dateOfBirth: '1974-03-19',
    ssn: '8765',
  }
  await createCustomerVia(app, token, personal)
  const business = {
    firstName: 'Acme',
    lastName: 'Owner',
    email: 'acme.pii@example.com',
    type: 'business',
    address1: '1 Main St',
    city: 'Des Moines',
    state: 'IA',
    postalCode: '50309',
    businessName: 'Acme Widgets',
    businessType: 'llc',
    businessClassification: '9ed3f670-7d6f-11e3-b1ce-5404a6144203',
    ein: '98-7654321',
    controller: { ...CONTROLLER, dateOfBirth: '1961-07-04', ssn: '6543' },
  }
  await apiRequest(app, 'POST', '/customers', { token, body: business })
  // A form body and a query string carry them too, whatever a client sends.
  await app.inject({ method: 'POST', url: '/customers?SSN=112233445', headers: { 'content-type': FORM }, payload: 'DateOfBirth=1955-05-05&ein=55-4443332' })
  // A bracketed form key, a percent-encoded one in the query, and a number in a body kept only as
  // text (over 16 KiB): each is still the secret key it names.
  await app.inject({
    method: 'POST',
    url: '/customers?controller%5BdateOfBirth%5D=1944-04-04',
    headers: { 'content-type': FORM },
    payload: 'controller[ssn]=998877665',
  })
  const padding = 'x'.repeat(17 * 1024)
  await apiRequest(app, 'POST', '/customers', { token, body: { ssn: 334455667, ein: 223344556, pad: padding } })
  const journal = JSON.stringify(app.mockDwolla.journal.list())
  t.ok(app.mockDwolla.journal.list().at(-1)?.bodyTruncated, 'the last body is kept only as its text')
  for (const value of [
    '1974-03-19',
    '8765',
    '98-7654321',
    '1961-07-04',
    '6543',
    '112233445',
    '1955-05-05',
    '55-4443332',
    '1944-04-04',
    '998877665',
    '334455667',
    '223344556',
  ]) {
    t.notMatch(journal, value, `${value} is not in the journal`)
  }
  const [first] = app.mockDwolla.journal.list({ path: '/customers' })
  t.match(first?.body, { firstName: 'Jane', dateOfBirth: '[redacted]', ssn: '[redacted]' }, 'the rest of the body stays, to assert on')
})

t.test('bounded: the newest journalLimit requests', async (t) => {
  const app = await mockFor(t, { journalLimit: 5 })
  for (let i = 0; i < 12; i++) await app.inject({ method: 'GET', url: `/n${i}` })
  const paths = app.mockDwolla.journal.list().map((e) => e.path)
  t.same(paths, ['/n7', '/n8', '/n9', '/n10', '/n11'], 'the last five, oldest first')
})

t.test('large bodies are kept as their first 16 KiB of text, flagged', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const body = JSON.stringify({ action: 'customer.create', pad: 'x'.repeat(20_000) })
  await requestClientToken(app, { token, body: JSON.parse(body) })
  const entry = app.mockDwolla.journal.list().at(-1)
  t.same(
    [entry?.body, entry?.bodyTruncated, entry?.bodyBytes],
    [body.slice(0, 16 * 1024), true, body.length],
    'the start of the text, flagged, with the full size',
  )
})

t.test('the fixture rule that answered, and dropped connections', async (t) => {
  const app = await mockFor(t, {
    defaultFixtures: false,
    fixtures: { rules: [{ name: 'nope', when: { operation: 'createClientToken' }, respond: { error: 'Forbidden' } }] },
  })
  await requestClientToken(app, { token: await accessTokenFor(app) })
  t.match(app.mockDwolla.journal.list().at(-1), { status: 403, fixtureRule: 'fixtures[0]#/rules/0' }, 'names the rule')
})

t.test('read and clear over HTTP, filtered; admin calls are not recorded', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await requestClientToken(app, { token })
  await requestClientToken(app, { token })
  await app.inject({ method: 'GET', url: '/__mock/health' })
  const all = (await app.inject({ method: 'GET', url: '/__mock/requests' })).json().requests
  t.equal(all.length, 3, 'three API requests; admin calls left out')
  const byOperation = (await app.inject({ method: 'GET', url: '/__mock/requests?operation=createClientToken' })).json().requests
  t.equal(byOperation.length, 2, 'filter by operation')
  const byPath = (await app.inject({ method: 'GET', url: '/__mock/requests?path=/token&method=post' })).json().requests
  t.equal(byPath.length, 1, 'filter by path and method')
  t.same((await app.inject({ method: 'DELETE', url: '/__mock/requests' })).json(), { cleared: true }, 'DELETE clears')
  t.same((await app.inject({ method: 'GET', url: '/__mock/requests' })).json(), { requests: [] }, 'empty')
})
