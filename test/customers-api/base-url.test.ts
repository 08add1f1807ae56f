import t from 'tap'
import { start } from '../../src/index.js'
import { UNVERIFIED } from '../customers/fields.js'
import { rawRequest, sendRaw } from '../helpers/raw-http.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'

t.test('Location and hrefs follow the Host the request came to (docker-compose, tunnels)', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const hosts: Array<[string, string]> = [
    ['mock-dwolla:8910', 'http://mock-dwolla:8910'],
    ['mock_dwolla', 'http://mock_dwolla'],
    ['127.0.0.1:3000', 'http://127.0.0.1:3000'],
    ['[::1]:8910', 'http://[::1]:8910'],
    ['API.Example.test', 'http://API.Example.test'],
  ]
  for (const [host, base] of hosts) {
    const created = await apiRequest(app, 'POST', '/customers', {
      token,
      body: { ...UNVERIFIED, email: `${host.replace(/[^a-z0-9]/gi, '')}@example.com` },
      headers: { host },
    })
    t.match(created.headers.location, new RegExp(`^${base.replace(/[.[\]]/g, '\\$&')}/customers/[0-9a-f-]{36}$`), `Host ${host}: Location on ${base}`)
    const root = (await apiRequest(app, 'GET', '/', { token, headers: { host } })).json()
    t.equal(root._links.customers.href, `${base}/customers`, `Host ${host}: _links on ${base}`)
  }
})

t.test('a Host that is not a host[:port] is never echoed: the address the request arrived on is used', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const form = 'client_id=key&client_secret=secret&grant_type=client_credentials'
  const token = JSON.parse(
    (await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': 'application/x-www-form-urlencoded' }, form))).body,
  ).access_token
  for (const host of ['evil.example/<script>', 'a b', 'x:99999', 'user@host', 'host:80:90']) {
    // Written by hand: rawRequest() sends a Host of its own.
    const request = `GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\nAuthorization: Bearer ${token}\r\nAccept: ${HAL}\r\n\r\n`
    const response = await sendRaw(server.port, request)
    const body = response.body === '' ? {} : JSON.parse(response.body)
    t.equal(body._links?.customers?.href, `${server.url}/customers`, `Host ${JSON.stringify(host)}: ${server.url}`)
  }
})

t.test('in-process, a bad Host falls back to the address inject() pretends to arrive on', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const root = (await apiRequest(app, 'GET', '/', { token, headers: { host: 'not a host' } })).json()
  t.match(root._links.customers.href, /^http:\/\/(127\.0\.0\.1:\d+|localhost)\/customers$/, 'never the Host given')
})

t.test('publicUrl overrides the base URL; a bad one stops the start', async (t) => {
  const app = await mockFor(t, { publicUrl: 'https://dwolla.test/mock/' })
  const token = await accessTokenFor(app)
  const created = await apiRequest(app, 'POST', '/customers', { token, body: UNVERIFIED, headers: { host: 'ignored:1' } })
  t.match(created.headers.location, /^https:\/\/dwolla\.test\/mock\/customers\/[0-9a-f-]{36}$/, 'Location on the public URL, trailing slash dropped')
  for (const publicUrl of ['dwolla.test', 'ftp://dwolla.test', 'https://dwolla.test/?a=1', 'https://user:pw@dwolla.test', 'https://dwolla.test/#x']) {
    await t.rejects(
      mockFor(t, { publicUrl }),
      {
        name: 'StartupError',
        message: `option publicUrl: expected an http or https URL without query, fragment or credentials, got ${JSON.stringify(publicUrl)}`,
      },
      `refused: ${publicUrl}`,
    )
  }
})
