import t from 'tap'
import { start } from '../../src/index.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
// Node's fetch opens as many connections per origin as there are requests in flight, so the
// requests below really are concurrent.
const requestToken = (url: string) =>
  fetch(`${url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=k&client_secret=s&grant_type=client_credentials',
  })
const requestClientToken = (url: string, token: string) =>
  fetch(`${url}/client-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'customer.create' }),
  })

t.test('500 concurrent token requests: 500 distinct tokens, all usable at once', async (t) => {
  const server = await start({ journalLimit: 2000 })
  t.teardown(() => server.close())
  const tokens = await Promise.all(
    Array.from({ length: 500 }, async () => ((await (await requestToken(server.url)).json()) as { access_token: string }).access_token),
  )
  t.equal(new Set(tokens).size, 500, '500 distinct tokens')
  const answers = await Promise.all(tokens.map(async (token) => (await requestClientToken(server.url, token)).status))
  t.equal(answers.filter((status) => status === 200).length, 500, 'each token creates a client token, all at once')

  const journal = server.requests()
  t.equal(journal.length, 1000, 'the journal holds exactly the 1000 requests')
  t.equal(new Set(journal.map((entry) => entry.id)).size, 1000, 'each with its own request id')
  t.equal(server.tokens().clientTokens.length, 500, '500 client tokens remembered')
})

t.test('fixture times stay exact under concurrency', async (t) => {
  const server = await start({
    defaultFixtures: false,
    fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { error: 'invalid_client' }, times: 137 }] },
  })
  t.teardown(() => server.close())
  const statuses = await Promise.all(Array.from({ length: 400 }, async () => (await requestToken(server.url)).status))
  t.equal(statuses.filter((status) => status === 401).length, 137, 'exactly 137 of 400 concurrent requests answered by the rule')
  t.equal(server.fixtures.list()[0]?.matched, 137, 'and counted 137 times')
})
