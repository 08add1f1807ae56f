import t from 'tap'
import { BUSINESS_CLASSIFICATIONS, DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const link = (path: string, resourceType: string) => ({ href: `http://localhost:80${path}`, type: HAL, 'resource-type': resourceType })

t.test('GET /: the account, customers, events and webhook-subscriptions links of the calling application', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const response = await apiRequest(app, 'GET', '/', { token })
  t.equal(response.headers['content-type'], DWOLLA_CONTENT_TYPE, 'the Dwolla media type')
  t.same(
    response.json(),
    {
      _links: {
        account: link('/accounts/8f22fb7f-d09a-51b0-8291-477a09c1224d', 'account'),
        customers: link('/customers', 'customer'),
        events: link('/events', 'event'),
        'webhook-subscriptions': link('/webhook-subscriptions', 'webhook-subscription'),
      },
    },
    'account, customers, events and webhook subscriptions',
  )
  const other = (await apiRequest(app, 'GET', '/', { token: await accessTokenFor(app, 'other-app') })).json()
  t.not(other._links.account.href, response.json()._links.account.href, 'another application, another account')
  const unauthenticated = await apiRequest(app, 'GET', '/', { token, headers: { authorization: undefined } })
  t.same(
    [unauthenticated.statusCode, unauthenticated.json()],
    [401, { code: 'InvalidCredentials', message: DWOLLA_ERRORS.InvalidCredentials.message }],
    'needs a token',
  )
  const noAccept = await apiRequest(app, 'GET', '/', { token, headers: { accept: 'application/json' } })
  t.same([noAccept.statusCode, noAccept.json().code], [406, 'InvalidVersion'], 'needs the Dwolla Accept')
})

t.test('GET /accounts/{id}: its own account; any other id is 404', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const href = (await apiRequest(app, 'GET', '/', { token })).json()._links.account.href as string
  const id = href.split('/').pop() as string
  const response = await apiRequest(app, 'GET', `/accounts/${id}`, { token })
  t.same(
    response.json(),
    {
      _links: {
        self: link(`/accounts/${id}`, 'account'),
        receive: link('/transfers', 'transfer'),
        'funding-sources': link(`/accounts/${id}/funding-sources`, 'funding-source'),
        transfers: link(`/accounts/${id}/transfers`, 'transfer'),
        customers: link('/customers', 'customer'),
        send: link('/transfers', 'transfer'),
      },
      id,
      name: 'key',
      timezoneOffset: 0,
      type: 'Commercial',
    },
    'named after the application key',
  )
  t.equal((await apiRequest(app, 'GET', `/accounts/${id.toUpperCase()}`, { token })).statusCode, 200, 'an id in upper case')
  const notFound = { code: 'NotFound', message: NOT_FOUND_MESSAGES.account }
  const other = await apiRequest(app, 'GET', `/accounts/${id}`, { token: await accessTokenFor(app, 'other-app') })
  t.same([other.statusCode, other.json()], [404, notFound], "another application's account: 404 Account not found.")
  const unknown = await apiRequest(app, 'GET', '/accounts/nope', { token })
  t.same([unknown.statusCode, unknown.json()], [404, notFound], 'an unknown id: 404')
})

t.test('business classifications: the catalogue and one by id', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const list = (await apiRequest(app, 'GET', '/business-classifications', { token })).json()
  t.same(list._links, { self: link('/business-classifications', 'business-classification') }, 'self')
  t.equal(list.total, BUSINESS_CLASSIFICATIONS.length, 'total')
  t.same(
    list._embedded['business-classifications'].map((c: { name: string }) => c.name),
    BUSINESS_CLASSIFICATIONS.map((c) => c.name),
    'every classification, in order',
  )
  const industries = list._embedded['business-classifications'].flatMap((c: { _embedded: { 'industry-classifications': Array<{ id: string }> } }) =>
    c._embedded['industry-classifications'].map((i) => i.id),
  )
  t.ok(
    industries.includes('9ed3f670-7d6f-11e3-b1ce-5404a6144203') && industries.includes('9ed38155-7d6f-11e3-83c3-5404a6144203'),
    'including the two ids official code uses',
  )
  const one = await apiRequest(app, 'GET', '/business-classifications/9ed3f669-7d6f-11e3-b545-5404a6144203', { token })
  t.same(
    one.json(),
    {
      _links: { self: link('/business-classifications/9ed3f669-7d6f-11e3-b545-5404a6144203', 'business-classification') },
      _embedded: {
        'industry-classifications': [
          { id: '9ed3f670-7d6f-11e3-b1ce-5404a6144203', name: 'Coffee and tea' },
          { id: '9ed3f673-7d6f-11e3-adb1-5404a6144203', name: 'Restaurant' },
          { id: '9ed3f66f-7d6f-11e3-b1df-5404a6144203', name: 'Catering services' },
          { id: '9ed3f66b-7d6f-11e3-95ac-5404a6144203', name: 'Wineries' },
        ],
      },
      id: '9ed3f669-7d6f-11e3-b545-5404a6144203',
      name: 'Food retail and service',
    },
    'one, with its industry classifications',
  )
  const industry = await apiRequest(app, 'GET', '/business-classifications/9ed3f670-7d6f-11e3-b1ce-5404a6144203', { token })
  t.same(
    [industry.statusCode, industry.json()],
    [404, { code: 'NotFound', message: NOT_FOUND_MESSAGES.businessClassification }],
    'an industry classification id is not a business classification: 404',
  )
})
