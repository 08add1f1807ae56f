import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { MASS_PAYMENT_MESSAGES } from '../../src/resources/mass-payments/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accountIdVia } from '../helpers/funding-sources.js'
import { balanceIdVia } from '../helpers/labels.js'
import { massPaymentBody } from '../helpers/mass-payments.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'

const refusal = { code: 'MaxNumberOfResources', message: MASS_PAYMENT_MESSAGES.tooMany }

/** A deferred mass payment (never processed, so no money is needed) of an item per value. */
async function createDeferred(app: Awaited<ReturnType<typeof mockFor>>, token: string, values: string[]) {
  const payee = await balanceIdVia(app, token, SEEDED.personalVerified)
  const items = values.map((value): [string, string] => [payee, value])
  return apiRequest(app, 'POST', '/mass-payments', { token, body: massPaymentBody(accountBalanceIdFor('key'), items, { status: 'deferred' }) })
}

t.test('massPaymentLimit bounds the mass payments an application keeps; past it MaxNumberOfResources', async (t) => {
  const app = await mockFor(t, { massPaymentLimit: 2 })
  const token = await accessTokenFor(app)
  for (const count of [1, 2]) t.equal((await createDeferred(app, token, ['1.00'])).statusCode, 201, `mass payment ${count} is made`)
  const refused = await createDeferred(app, token, ['1.00'])
  t.same([refused.statusCode, refused.json()], [400, refusal], 'the third is refused: 400 MaxNumberOfResources')
  const listed = await apiRequest(app, 'GET', `/accounts/${await accountIdVia(app, token)}/mass-payments`, { token })
  t.equal(listed.json().total, 2, 'and nothing of it is kept')
})

t.test('massPaymentItemLimit bounds the items of all an application’s mass payments together', async (t) => {
  const app = await mockFor(t, { massPaymentItemLimit: 2 })
  const token = await accessTokenFor(app)
  const tooLarge = await createDeferred(app, token, ['1.00', '2.00', '3.00'])
  t.same([tooLarge.statusCode, tooLarge.json()], [400, refusal], 'one mass payment of three items is refused whole')
  for (const count of [1, 2]) t.equal((await createDeferred(app, token, ['1.00'])).statusCode, 201, `a mass payment with item ${count} is made`)
  const refused = await createDeferred(app, token, ['1.00'])
  t.same([refused.statusCode, refused.json()], [400, refusal], 'the third item, in a new mass payment, is refused: 400 MaxNumberOfResources')
  const listed = await apiRequest(app, 'GET', `/accounts/${await accountIdVia(app, token)}/mass-payments`, { token })
  t.equal(listed.json().total, 2, 'only the two that fitted are kept')
})
