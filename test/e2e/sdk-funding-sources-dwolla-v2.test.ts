import t from 'tap'
import { FUNDING_SOURCE_MESSAGES, NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { amounts, bankBody, VAN_BODY } from '../helpers/funding-sources.js'
import { listeningMock } from '../helpers/listening.js'
import { rejectionOf } from '../helpers/rejection.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'

/**
 * dwolla-v2's types say query values are strings; its users pass booleans (Dwolla's own examples,
 * `{ removed: false }`), which it writes as `removed=false`. Passed as they are.
 */
const asQuery = (query: Record<string, boolean>) => query as unknown as Record<string, string>

type SdkError = Error & {
  status: number
  body: { code: string; message: string; _links?: { about?: { href: string } }; _embedded?: { errors: Array<{ path: string }> } }
}

t.test("dwolla-v2: post a bank, follow Location and its links, as Dwolla's docs do", async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const created = await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, bankBody())
  t.same([created.status, created.body], [201, ''], '201 and no body')
  const location = created.headers.get('location') as string
  const bank = await client.get(location)
  t.match(bank.body, { status: 'unverified', type: 'bank', name: 'Jane’s Checking' }, 'get(location)')
  const initiate = await client.post(bank.body._links['initiate-micro-deposits'].href)
  t.equal(initiate.status, 201, "post(the initiate-micro-deposits href) with no body: dwolla-v2's application/json and nothing")
  const deposits = await client.get(initiate.headers.get('location') as string)
  t.equal(deposits.body.status, 'pending', 'get(Location): pending')
  const verified = await client.post(`${location}/micro-deposits`, amounts('0.03', '0.07'))
  t.same([verified.status, verified.body._links.self.href], [200, `${location}/micro-deposits`], 'verify: 200 and a body')
  const renamed = await client.post(location, { name: 'Checking 1234' })
  t.same([renamed.status, renamed.body.name], [200, 'Checking 1234'], 'post(location, {name}): the funding source as it now is')
  const van = await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, VAN_BODY)
  const vanBody = (await client.get(van.headers.get('location') as string)).body
  const routing = await client.get(vanBody._links['ach-routing'].href)
  t.same([routing.body.routingNumber, routing.body.accountNumber.length], ['084106768', 16], 'the VAN’s ach-routing, by its link')
  const removed = await client.post(van.headers.get('location') as string, { removed: true })
  t.same([removed.status, removed.body.removed], [200, true], 'removed: 200 with removed: true')
})

t.test('dwolla-v2: lists with removed as a boolean, balances, the Account, on-demand authorizations', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const kept = await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, bankBody('1111'))
  const gone = await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, bankBody('2222'))
  await client.post(gone.headers.get('location') as string, { removed: true })
  const list = await client.get(`customers/${SEEDED.personalVerified}/funding-sources`, asQuery({ removed: false }))
  t.match(mock.seen.at(-1)?.url, /\?removed=false$/, 'the boolean sent as removed=false')
  t.same(
    list.body._embedded['funding-sources'].map((source: { type: string; _links: { self: { href: string } } }) => source._links.self.href),
    [list.body._embedded['funding-sources'][0]._links.self.href, kept.headers.get('location')],
    'the balance, then the bank that was not removed',
  )
  const balanceHref = list.body._embedded['funding-sources'][0]._links.balance.href
  const balance = await client.get(balanceHref)
  t.same(
    [balance.body.balance, balance.body.total],
    [
      { value: '0.00', currency: 'USD' },
      { value: '0.00', currency: 'USD' },
    ],
    'the customer’s balance, by its link',
  )
  const removedOnly = await client.get(`customers/${SEEDED.personalVerified}/funding-sources`, asQuery({ removed: true }))
  t.same(removedOnly.body.total, 1, 'removed: true, the one removed')
  const root = await client.get('/')
  const accountSources = await client.get(`${root.body._links.account.href}/funding-sources`)
  t.same(
    accountSources.body._embedded['funding-sources'].map((source: { name: string }) => source.name),
    ['Balance', 'Superhero Savings Bank'],
    'the Account’s',
  )
  const accountBank = await client.post('funding-sources', bankBody('3333'))
  t.equal(accountBank.status, 201, "post('funding-sources'): the Account’s new bank")
  const authorization = await client.post('on-demand-authorizations')
  t.same([authorization.status, authorization.body.buttonText], [200, 'Agree & Continue'], "post('on-demand-authorizations'): 200")
  const simulated = await client.post('sandbox-simulations')
  t.equal(simulated.body.total, 0, 'nothing pending to simulate')
})

t.test('dwolla-v2: errors carry Dwolla’s bodies', async (t) => {
  const mock = await listeningMock(t)
  const client = dwollaV2For(mock.url)
  const created = await client.post(`customers/${SEEDED.unverified}/funding-sources`, bankBody('5151'))
  const duplicate = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.unverified}/funding-sources`, bankBody('5151')))
  t.same(
    [duplicate.status, duplicate.body.code, duplicate.body._links?.about?.href],
    [400, 'DuplicateResource', created.headers.get('location')],
    'a duplicate: _links.about is the bank it already has',
  )
  const invalid = await rejectionOf<SdkError>(client.post(`customers/${SEEDED.unverified}/funding-sources`, bankBody('12')))
  t.same([invalid.status, invalid.body._embedded?.errors.map((error) => error.path)], [400, ['/accountNumber']], 'a ValidationError at /accountNumber')
  const unknown = await rejectionOf<SdkError>(client.get('funding-sources/99999999-9999-4999-8999-999999999999'))
  t.same([unknown.status, unknown.body.message], [404, NOT_FOUND_MESSAGES.fundingSource], '404 Funding source not found.')
  const location = created.headers.get('location') as string
  const notInitiated = await rejectionOf<SdkError>(client.post(`${location}/micro-deposits`, amounts('0.02', '0.03')))
  t.same(notInitiated.status, 404, 'verify before initiating: 404')
  await client.post(`${location}/micro-deposits`)
  const sentinel = await rejectionOf<SdkError>(client.post(`${location}/micro-deposits`, amounts('0.09', '0.09')))
  t.same([sentinel.status, sentinel.body.code], [400, 'ValidationError'], '0.09 and 0.09: wrong amounts')
  const maxed = await rejectionOf<SdkError>(client.post(`${location}/micro-deposits`, amounts('0.02', '0.03')))
  t.same([maxed.status, maxed.body.message], [403, FUNDING_SOURCE_MESSAGES.tooManyAttempts], 'after 0.09 and 0.09: Too many attempts.')
  const bankBalance = await rejectionOf<SdkError>(client.get(`${location}/balance`))
  t.same([bankBalance.status, bankBalance.body.code], [400, 'UnsupportedOperation'], 'a bank’s balance')
  const badFilter = await rejectionOf<SdkError>(client.get(`customers/${SEEDED.unverified}/funding-sources`, { removed: 'maybe' }))
  t.same([badFilter.status, badFilter.body._embedded?.errors[0]?.path], [400, '/removed'], 'removed=maybe: 400 at /removed')
})
