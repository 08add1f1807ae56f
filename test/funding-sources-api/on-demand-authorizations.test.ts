import t from 'tap'
import { DWOLLA_MEDIA_TYPE, FUNDING_SOURCE_MESSAGES } from '../../src/index.js'
import { AUTHORIZATION_LIMIT } from '../../src/resources/on-demand-authorizations/authorization-store.js'
import { ON_DEMAND_AUTHORIZATIONS } from '../../src/resources/on-demand-authorizations/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'

t.test('POST /on-demand-authorizations: 200 (not 201) with bodyText and buttonText, for the bodiless POSTs both SDKs send', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app, 'Acme')
  for (const [name, options] of [
    ['no body, no content type (dwolla@1.1.1)', { headers: { 'content-type': undefined } }],
    ['application/json and no body (dwolla-v2)', { payload: '' }],
  ] as const) {
    const response = await apiRequest(app, 'POST', '/on-demand-authorizations', { token, ...options })
    const body = response.json()
    t.equal(response.statusCode, 200, `${name}: 200`)
    t.match(
      body._links.self,
      { href: /^http:\/\/localhost:80\/on-demand-authorizations\/[0-9a-f-]{36}$/, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'on-demand-authorization' },
      'its self',
    )
    t.match(body.bodyText, /^I agree that future payments to Acme will be processed by the Dwolla payment system/, 'the agreement names the company')
    t.equal(body.buttonText, 'Agree & Continue', 'the button')
  }
})

t.test('an authorization is used once, by one bank; unknown and used ones are refused at their href', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const authorization = (await apiRequest(app, 'POST', '/on-demand-authorizations', { token })).json()._links.self.href
  const withAuthorization = (number: string, href: string) => bankBody(number, { _links: { 'on-demand-authorization': { href } } })
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, withAuthorization('1111', authorization))
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).statusCode, 200, 'a bank with it')
  const reused = await apiRequest(app, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, { token, body: withAuthorization('2222', authorization) })
  t.same(
    [reused.statusCode, reused.json()._embedded.errors],
    [400, [{ code: 'Invalid', message: FUNDING_SOURCE_MESSAGES.authorizationUsed, path: '/_links/on-demand-authorization/href', _links: {} }]],
    'used again: Dwolla’s message',
  )
  const unknown = await apiRequest(app, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, {
    token,
    body: withAuthorization('3333', 'https://api-sandbox.dwolla.com/on-demand-authorizations/99999999-9999-4999-8999-999999999999'),
  })
  t.same(unknown.json()._embedded.errors[0].message, FUNDING_SOURCE_MESSAGES.authorizationUnknown, 'never given: not found')
  const other = await accessTokenFor(app, 'other')
  const theirs = (await apiRequest(app, 'POST', '/on-demand-authorizations', { token: other })).json()._links.self.href
  const foreign = await apiRequest(app, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, { token, body: withAuthorization('4444', theirs) })
  t.same(foreign.json()._embedded.errors[0].message, FUNDING_SOURCE_MESSAGES.authorizationUnknown, 'another application’s: as unknown')
  const fresh = (await apiRequest(app, 'POST', '/on-demand-authorizations', { token })).json()._links.self.href
  const duplicate = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, { token, body: withAuthorization('1111', fresh) })
  t.equal(duplicate.json().code, 'DuplicateResource', 'a refused bank…')
  t.equal(
    (await apiRequest(app, 'POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, { token, body: withAuthorization('5555', fresh) })).statusCode,
    201,
    '…does not use up the authorization',
  )
})

t.test('at most AUTHORIZATION_LIMIT are kept per application: the oldest is forgotten', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const first = (await apiRequest(app, 'POST', '/on-demand-authorizations', { token })).json()._links.self.href
  const store = app.mockDwolla.worlds.open('key').get(ON_DEMAND_AUTHORIZATIONS)
  for (let index = 0; index < AUTHORIZATION_LIMIT; index += 1) store.issue()
  t.equal(store.size, AUTHORIZATION_LIMIT, 'the limit held')
  const forgotten = await apiRequest(app, 'POST', `/customers/${SEEDED.unverified}/funding-sources`, {
    token,
    body: bankBody('1111', { _links: { 'on-demand-authorization': { href: first } } }),
  })
  t.equal(forgotten.json()._embedded.errors[0].message, FUNDING_SOURCE_MESSAGES.authorizationUnknown, 'the oldest answers as one never given')
})
