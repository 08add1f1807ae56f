import t from 'tap'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { CUSTOMER_HREF, TOKEN_PATTERN } from '../helpers/mock.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

t.test('dwolla-v2 gets a token with form credentials and creates a client token', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const response = await client.post('client-tokens', { action: 'customer.update', _links: { customer: { href: CUSTOMER_HREF } } })
  t.equal(response.status, 200, 'status 200')
  t.match(response.body.token, TOKEN_PATTERN, 'a 50-character client token')
  t.match(response.headers.get('content-type'), /^application\/vnd\.dwolla\.v1\.hal\+json/, 'Dwolla media type')

  const tokenRequest = mock.seen.find((r) => r.url === '/token')
  t.ok(tokenRequest, 'dwolla-v2 called /token')
  t.equal(tokenRequest?.headers.authorization, undefined, 'without an Authorization header: credentials were in the form')
  const apiRequest = mock.seen.find((r) => r.url === '/client-tokens')
  t.match(apiRequest?.headers.authorization, /^Bearer [0-9A-Za-z]{50}$/, 'then the API call with the Bearer token')
})

t.test('dwolla-v2 reuses its token across calls (expires_in is honoured)', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  // customer.create needs no _links: Dwolla's drop-in examples request it this way.
  for (let i = 0; i < 3; i++) await client.post('client-tokens', { action: 'customer.create' })
  t.equal(mock.seen.filter((r) => r.url === '/token').length, 1, 'one token for three calls')
})

t.test('an unknown action rejects with status 400 and the Dwolla body', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  type SdkError = Error & { status: number; body: { code: string; message: string; _embedded: { errors: unknown[] } } }
  const error = await rejectionOf<SdkError>(client.post('client-tokens', { action: 'customer.explode', _links: { customer: { href: CUSTOMER_HREF } } }))
  t.equal(error.status, 400, 'status 400')
  t.equal(error.body.code, 'ValidationError', 'ValidationError')
  t.equal(error.body.message, DWOLLA_ERRORS.ValidationError.message, 'Dwolla message')
  t.same(error.body._embedded.errors, [{ code: 'Invalid', message: 'Action invalid.', path: '/action', _links: {} }], 'embedded error at /action')
})

t.test('wrong credentials: dwolla-v2 fails to get a token, with the OAuth error', async (t) => {
  const mock = await listeningMock(t, { applications: [{ key: 'key', secret: 'secret' }] })
  const client = dwollaV2For(mock.url, 'key', 'wrong')
  const error = await rejectionOf<Error & { error: string }>(client.post('client-tokens', { action: 'customer.create' }))
  t.equal(error.error, 'invalid_client', 'error invalid_client, which dwolla-v2 reads from the body')
  t.equal(mock.seen.filter((r) => r.url === '/client-tokens').length, 0, 'it never calls the API with an empty token')
})
