import t from 'tap'
import { accessTokenFor, apiRequest, mockFor, requestClientToken } from '../helpers/mock.js'
import { partiesVia, transferBody } from '../helpers/transfers.js'

t.test('a client token for customer.transfers.send initiates a transfer from its own customer’s funding source, and nothing else', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token)
  const issued = await requestClientToken(app, {
    token,
    body: { action: 'customer.transfers.send', _links: { customer: { href: `https://api-sandbox.dwolla.com/customers/${parties.verified.customer}` } } },
  })
  t.equal(issued.statusCode, 200, 'the client token is issued')
  const clientToken = issued.json<{ token: string }>().token
  const own = await apiRequest(app, 'POST', '/transfers', { token: clientToken, body: transferBody(parties.verified.bank, parties.account.balance, '5.00') })
  t.equal(own.statusCode, 201, 'from its own customer’s bank: 201')
  const others = await apiRequest(app, 'POST', '/transfers', { token: clientToken, body: transferBody(parties.business.bank, parties.account.balance, '5.00') })
  t.equal(others.statusCode, 403, 'from another customer’s bank: 403')
  const account = await apiRequest(app, 'POST', '/transfers', {
    token: clientToken,
    body: transferBody(parties.account.balance, parties.verified.balance, '5.00'),
  })
  t.equal(account.statusCode, 403, 'from the Account’s balance: 403')
  const read = await apiRequest(app, 'GET', (own.headers.location as string).replace(/^https?:\/\/[^/]+/, ''), { token: clientToken })
  t.equal(read.statusCode, 403, 'reading a transfer is not its action: 403')
})
