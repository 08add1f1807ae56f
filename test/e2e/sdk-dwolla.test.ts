import t from 'tap'
import { APIError, BadRequestError } from 'dwolla/models/errors'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { CUSTOMER_HREF, TOKEN_PATTERN } from '../helpers/mock.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor } from '../helpers/sdk-clients.js'

// The SDK checks its input before sending and requires links for every action, customer.create too.
const UPDATE = { action: 'customer.update', links: { customer: { href: CUSTOMER_HREF } } }

t.test('the dwolla SDK gets a token with Basic credentials and creates a client token', async (t) => {
  const mock = await listeningMock(t)
  const result = await dwollaSdkFor(mock.url).clientTokens.create({
    action: 'customer.update',
    links: { customer: { href: CUSTOMER_HREF } },
  })
  t.match(result.token, TOKEN_PATTERN, 'a 50-character client token')
  const tokenRequest = mock.seen.find((r) => r.url === '/token')
  t.equal(tokenRequest?.headers.authorization, `Basic ${Buffer.from('key:secret').toString('base64')}`, 'Basic credentials')
})

t.test('an unknown action surfaces as BadRequestError', async (t) => {
  const mock = await listeningMock(t)
  const error = await rejectionOf(dwollaSdkFor(mock.url).clientTokens.create({ action: 'customer.explode', links: { customer: { href: CUSTOMER_HREF } } }))
  t.type(error, BadRequestError, 'typed BadRequestError (needs the Dwolla media type on the 400)')
  if (!(error instanceof BadRequestError)) return
  t.equal(error.code, 'ValidationError', 'code ValidationError')
  t.equal(error.data$.message, DWOLLA_ERRORS.ValidationError.message, 'Dwolla message')
  t.equal(error.statusCode, 400, 'status 400')
})

t.test('an expired token: 401 surfaces as APIError, and the SDK fetches a new token on the next call', async (t) => {
  let now = Date.now()
  const mock = await listeningMock(t, { now: () => now, accessTokenLifetimeSeconds: 3600 })
  const sdk = dwollaSdkFor(mock.url)
  await sdk.clientTokens.create(UPDATE)
  // The SDK caches the token for expires_in − 60 s by its own clock; the mock's clock runs ahead.
  now += 3600 * 1000
  const error = await rejectionOf(sdk.clientTokens.create(UPDATE))
  t.type(error, APIError, 'an APIError (401 is not a typed error for this operation)')
  if (error instanceof APIError) {
    t.equal(error.statusCode, 401, 'status 401')
    t.equal(JSON.parse(error.body).code, 'ExpiredAccessToken', 'ExpiredAccessToken')
  }
  const again = await sdk.clientTokens.create(UPDATE)
  t.match(again.token, TOKEN_PATTERN, 'the next call succeeds')
  t.equal(mock.seen.filter((r) => r.url === '/token').length, 2, 'because the SDK dropped its token on the 401 and fetched another')
})

t.test('wrong credentials: the SDK fails to get a token', async (t) => {
  const mock = await listeningMock(t, { applications: [{ key: 'key', secret: 'secret' }] })
  await t.rejects(
    dwollaSdkFor(mock.url, 'key', 'wrong').clientTokens.create(UPDATE),
    { message: /unexpected status code 401 while fetching token.*invalid_client/ },
    'fails fetching the token, quoting the OAuth error',
  )
  t.equal(mock.seen.filter((r) => r.url === '/client-tokens').length, 0, 'never calls the API')
})
