import t from 'tap'
import { DWOLLA_ERRORS, DWOLLA_MEDIA_TYPE } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { listeningMock } from '../helpers/listening.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { dwollaSdkFor, dwollaV2For } from '../helpers/sdk-clients.js'

const directive = (customer: string, errorCode: string) => ({
  type: 'customer-verification',
  _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${customer}` } },
  errorCode,
})

t.test('customer-verification: the directive in the business customer’s _embedded.errors, until verified', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const simulated = await apiRequest(app, 'POST', '/sandbox-simulations', { token, body: directive(SEEDED.businessRetry, 'POBoxNotAllowed') })
  t.same(
    [simulated.statusCode, simulated.json()],
    [
      200,
      {
        _links: { self: { href: 'http://localhost:80/sandbox-simulations', type: DWOLLA_MEDIA_TYPE, 'resource-type': 'sandbox-simulation' } },
        errorCode: 'POBoxNotAllowed',
      },
    ],
    '200 {_links.self, errorCode}',
  )
  await apiRequest(app, 'POST', '/sandbox-simulations', { token, body: directive(SEEDED.businessRetry, 'EINDocumentRequired') })
  const customer = (await apiRequest(app, 'GET', `/customers/${SEEDED.businessRetry}`, { token })).json()
  t.same(
    customer._embedded.errors.map((error: { code: string; _links: Record<string, { href: string }> }) => [
      error.code,
      Object.keys(error._links)[0],
      Object.values(error._links)[0]?.href,
    ]),
    [
      ['POBoxNotAllowed', 'retry-verification', `http://localhost:80/customers/${SEEDED.businessRetry}`],
      ['EINDocumentRequired', 'verify-business-with-document', `http://localhost:80/customers/${SEEDED.businessRetry}/documents`],
    ],
    'each directive with the link to act on',
  )
  t.notOk((await apiRequest(app, 'GET', `/customers/${SEEDED.businessVerified}`, { token })).json()._embedded, 'other customers have none')
  await app.inject({ method: 'POST', url: `/__mock/customers/${SEEDED.businessRetry}/status`, payload: { status: 'verified', application: 'key' } })
  t.notOk((await apiRequest(app, 'GET', `/customers/${SEEDED.businessRetry}`, { token })).json()._embedded, 'verified: the directives are gone')
  const badRequest = { code: 'BadRequest', message: DWOLLA_ERRORS.BadRequest.message }
  for (const [label, body] of [
    ['a personal customer', directive(SEEDED.personalRetry, 'POBoxNotAllowed')],
    ['an unknown code', directive(SEEDED.businessRetry, 'Whatever')],
    ['an unknown customer', directive('99999999-9999-4999-8999-999999999999', 'POBoxNotAllowed')],
    ['no customer', { type: 'customer-verification', errorCode: 'POBoxNotAllowed' }],
  ] as const) {
    const refused = await apiRequest(app, 'POST', '/sandbox-simulations', { token, body })
    t.same([refused.statusCode, refused.json()], [400, badRequest], label)
  }
})

t.test('customer-verification through dwolla-v2, and the customer through dwolla@1.1.1', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const response = await client.post('sandbox-simulations', directive(SEEDED.businessDocument, 'PersonalIDRequired'))
  t.same([response.status, response.body.errorCode], [200, 'PersonalIDRequired'], 'dwolla-v2 sends the typed body')
  const customer = await dwollaSdkFor(mock.url).customers.get({ id: SEEDED.businessDocument })
  t.equal(customer.id, SEEDED.businessDocument, "dwolla@1.1.1 accepts a customer with directives (it drops what its schema doesn't name)")
  const raw = await client.get(`customers/${SEEDED.businessDocument}`)
  t.equal(raw.body._embedded.errors[0].code, 'PersonalIDRequired', 'the directive is there')
})
