import t from 'tap'
import { BadRequestError, ForbiddenError } from 'dwolla/models/errors'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'

const FORBIDDEN_CUSTOMER = 'https://api-sandbox.dwolla.com/customers/00000000-0000-4000-8000-000000000403'
const BAD_REQUEST_CUSTOMER = 'https://api-sandbox.dwolla.com/customers/00000000-0000-4000-8000-000000000400'

t.test('dwolla SDK: a fixture 403 is a ForbiddenError, a fixture 400 a BadRequestError', async (t) => {
  const mock = await listeningMock(t)
  const sdk = dwollaSdkFor(mock.url)
  const forbidden = await rejectionOf(sdk.clientTokens.create({ action: 'customer.update', links: { customer: { href: FORBIDDEN_CUSTOMER } } }))
  t.type(forbidden, ForbiddenError, 'ForbiddenError')
  t.equal((forbidden as ForbiddenError).data$.message, DWOLLA_ERRORS.Forbidden.message, 'with the Dwolla message')
  const badRequest = await rejectionOf(sdk.clientTokens.create({ action: 'customer.update', links: { customer: { href: BAD_REQUEST_CUSTOMER } } }))
  t.type(badRequest, BadRequestError, 'BadRequestError')
  t.equal((badRequest as BadRequestError).data$.code, 'BadRequest', 'code BadRequest')
})

t.test('dwolla-v2: fixture errors reject with their status and Dwolla body', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const forbidden = await rejectionOf<Error & { status: number; body: unknown }>(
    client.post('client-tokens', { action: 'customer.update', _links: { customer: { href: FORBIDDEN_CUSTOMER } } }),
  )
  t.equal(forbidden.status, 403, '403')
  t.same(forbidden.body, { code: 'Forbidden', message: DWOLLA_ERRORS.Forbidden.message }, 'the Dwolla body')
})

t.test('a fixture invalid_client: both SDKs fail to get a token, as against Dwolla', async (t) => {
  const mock = await listeningMock(t)
  const v2Error = await rejectionOf<Error & { error: string }>(dwollaV2For(mock.url, 'invalid-client').post('client-tokens', { action: 'customer.create' }))
  t.equal(v2Error.error, 'invalid_client', 'dwolla-v2: invalid_client')
  await t.rejects(
    dwollaSdkFor(mock.url, 'invalid-client').clientTokens.create({ action: 'customer.update', links: { customer: { href: FORBIDDEN_CUSTOMER } } }),
    { message: /unexpected status code 401 while fetching token.*invalid_client/ },
    'dwolla: fails fetching the token',
  )
  t.equal(mock.seen.filter((r) => r.url === '/client-tokens').length, 0, 'neither called the API')
})

t.test('a fixture html500 on /token: dwolla-v2 fails on the HTML, as it did in the Cloudflare outage', async (t) => {
  const mock = await listeningMock(t, {
    fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { fault: 'html500' } }] },
  })
  const error = await rejectionOf<Error>(dwollaV2For(mock.url).post('client-tokens', { action: 'customer.create' }))
  t.match(error.message, /json|Unexpected token/i, 'a JSON parse failure')
})
