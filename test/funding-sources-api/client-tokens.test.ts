import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { DWOLLA_ERRORS } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor, requestClientToken } from '../helpers/mock.js'
import { amounts, bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'

const forbidden = { code: 'Forbidden', message: DWOLLA_ERRORS.Forbidden.message }

async function clientToken(app: FastifyInstance, token: string, action: string, customer: string): Promise<string> {
  const response = await requestClientToken(app, {
    token,
    body: { action, _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${customer}` } } },
  })
  return response.json().token as string
}

t.test('client tokens work as Bearer tokens for their action’s funding-source calls, on their own customer only', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const own = SEEDED.unverified
  const other = SEEDED.receiveOnly
  const create = await clientToken(app, token, 'customer.fundingsources.create', own)
  const created = await apiRequest(app, 'POST', `/customers/${own}/funding-sources`, { token: create, body: bankBody('1111') })
  t.equal(created.statusCode, 201, 'customer.fundingsources.create: POST /customers/{own}/funding-sources')
  const id = new URL(created.headers.location as string).pathname.split('/').pop() as string
  const otherBank = await createFundingSourceVia(app, token, other, bankBody('2222'))
  const refused = await apiRequest(app, 'POST', `/customers/${other}/funding-sources`, { token: create, body: bankBody('3333') })
  t.same([refused.statusCode, refused.json()], [403, forbidden], 'not for another customer')
  t.equal((await apiRequest(app, 'GET', `/customers/${own}/funding-sources`, { token: create })).statusCode, 403, 'nor to read')

  const read = await clientToken(app, token, 'customer.fundingsources.read', own)
  t.equal((await apiRequest(app, 'GET', `/customers/${own}/funding-sources`, { token: read })).statusCode, 200, 'customer.fundingsources.read: the list')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token: read })).statusCode, 200, 'and its own funding source')
  t.same((await apiRequest(app, 'GET', `/funding-sources/${otherBank}`, { token: read })).json(), forbidden, 'not another customer’s')
  t.same((await apiRequest(app, 'GET', `/customers/${other}/funding-sources`, { token: read })).json(), forbidden, 'nor another customer’s list')
  t.equal((await apiRequest(app, 'POST', `/customers/${own}/funding-sources`, { token: read, body: bankBody('4444') })).statusCode, 403, 'nor to create')
  t.equal((await apiRequest(app, 'POST', `/funding-sources/${id}`, { token: read, body: { removed: true } })).statusCode, 403, 'nor to remove')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${id}/micro-deposits`, { token: read })).statusCode, 403, 'nor micro-deposits')

  const initiate = await clientToken(app, token, 'customer.microdeposits.create', own)
  const verify = await clientToken(app, token, 'customer.microdeposits.verify', own)
  t.same((await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token: verify })).json(), forbidden, 'verify cannot initiate')
  t.equal(
    (await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token: initiate })).statusCode,
    201,
    'customer.microdeposits.create initiates',
  )
  t.same(
    (await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token: initiate, body: amounts('0.02', '0.03') })).json(),
    forbidden,
    'but cannot verify',
  )
  t.same(
    (await apiRequest(app, 'POST', `/funding-sources/${otherBank}/micro-deposits`, { token: initiate })).json(),
    forbidden,
    'nor initiate another customer’s',
  )
  t.equal(
    (await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token: verify, body: amounts('0.02', '0.03') })).statusCode,
    200,
    'customer.microdeposits.verify verifies',
  )
  const account = (await apiRequest(app, 'GET', '/', { token })).json()._links.account.href.split('/').pop()
  t.same((await apiRequest(app, 'GET', `/accounts/${account}/funding-sources`, { token: read })).json(), forbidden, 'no client token reads the Account’s')
  const unknown = await apiRequest(app, 'GET', '/funding-sources/99999999-9999-4999-8999-999999999999', { token: read })
  t.same(unknown.json(), forbidden, 'an unknown funding source: Forbidden, telling nothing')
})
