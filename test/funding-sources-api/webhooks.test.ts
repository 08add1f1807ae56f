import t, { type Test } from 'tap'
import { start } from '../../src/index.js'
import { accountBalanceIdFor, FUNDING_SOURCE_TOPICS } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { amounts, bankBody, idOf } from '../helpers/funding-sources.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const SECRET = 'a webhook secret'

/** Every topic delivered by either test: together they must raise each one. */
const delivered = new Set<string>()

/** A started mock with a webhook subscription, and a client-credentials caller for it. */
async function subscribedServer(t: Test, options: Parameters<typeof start>[0]) {
  const server = await start(options)
  t.teardown(() => server.close())
  const receiver = await webhookReceiver(t, SECRET)
  const tokenResponse = await fetch(`${server.url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'client_id=key&client_secret=secret&grant_type=client_credentials',
  })
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: HAL, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  await call('POST', '/webhook-subscriptions', { url: receiver.url, secret: SECRET })
  return { server, receiver, call }
}

t.test('every funding-source topic is recorded and delivered signed, for a customer’s and for the Account’s', async (t) => {
  const { server, receiver, call } = await subscribedServer(t, { autoVerifyBanks: false })
  const bank = idOf((await call('POST', `/customers/${SEEDED.unverified}/funding-sources`, bankBody('1111'))).headers.get('location'))
  await call('POST', `/funding-sources/${bank}`, { name: 'Renamed' })
  await call('POST', `/funding-sources/${bank}/micro-deposits`)
  await call('POST', '/sandbox-simulations')
  await call('POST', `/funding-sources/${bank}/micro-deposits`, amounts('0.04', '0.05'))
  const maxed = idOf((await call('POST', `/customers/${SEEDED.unverified}/funding-sources`, bankBody('2222'))).headers.get('location'))
  await call('POST', `/funding-sources/${maxed}/micro-deposits`)
  await call('POST', `/funding-sources/${maxed}/micro-deposits`, amounts('0.09', '0.09'))
  const r03 = idOf((await call('POST', `/customers/${SEEDED.receiveOnly}/funding-sources`, bankBody('3333', { name: 'R03 Checking' }))).headers.get('location'))
  await call('POST', `/funding-sources/${r03}/micro-deposits`)
  await call('POST', '/sandbox-simulations')
  await call('POST', `/funding-sources/${bank}`, { removed: true })
  const account = idOf((await call('POST', '/funding-sources', bankBody('4444'))).headers.get('location'))
  await call('POST', `/funding-sources/${account}`, { name: 'Operating' })
  await call('POST', `/funding-sources/${account}/micro-deposits`)
  await call('POST', '/sandbox-simulations')
  await call('POST', `/funding-sources/${account}/micro-deposits`, amounts('0.01', '0.02'))
  await call('POST', `/funding-sources/${account}`, { removed: true })
  const accountMaxed = idOf((await call('POST', '/funding-sources', bankBody('5555'))).headers.get('location'))
  await call('POST', `/funding-sources/${accountMaxed}/micro-deposits`)
  await call('POST', `/funding-sources/${accountMaxed}/micro-deposits`, amounts('0.09', '0.09'))
  const accountR03 = idOf((await call('POST', '/funding-sources', bankBody('6666', { name: 'r03 savings' }))).headers.get('location'))
  await call('POST', `/funding-sources/${accountR03}/micro-deposits`)
  await call('POST', '/sandbox-simulations')
  await server.webhooks.settle()

  const customerTopics = [
    'customer_funding_source_added',
    'customer_funding_source_updated',
    'customer_microdeposits_added',
    'customer_microdeposits_completed',
    'customer_funding_source_verified',
    'customer_funding_source_added',
    'customer_microdeposits_added',
    'customer_microdeposits_maxattempts',
    'customer_funding_source_added',
    'customer_microdeposits_added',
    'customer_microdeposits_completed',
    'customer_microdeposits_failed',
    'customer_funding_source_removed',
    'customer_funding_source_removed',
  ]
  const accountTopics = [
    'funding_source_added',
    'funding_source_updated',
    'microdeposits_added',
    'microdeposits_completed',
    'funding_source_verified',
    'funding_source_removed',
    'funding_source_added',
    'microdeposits_added',
    'microdeposits_maxattempts',
    'funding_source_added',
    'microdeposits_added',
    'microdeposits_completed',
    'microdeposits_failed',
    'funding_source_removed',
  ]
  t.same(
    receiver.received.map((webhook) => webhook.topic),
    [...customerTopics, ...accountTopics],
    'each topic delivered, in the order it happened',
  )
  for (const { topic } of receiver.received) if (topic !== undefined) delivered.add(topic)
  t.ok(
    receiver.received.every((webhook) => webhook.signatureValid),
    'every one signed with the subscription’s secret',
  )
  const customerEvent = receiver.received[0]?.event as { _links: Record<string, { href: string }>; resourceId: string }
  t.same(
    [customerEvent.resourceId, customerEvent._links.resource?.href, customerEvent._links.customer?.href],
    [bank, `${server.url}/funding-sources/${bank}`, `${server.url}/customers/${SEEDED.unverified}`],
    'a customer’s: the funding source as resource, the customer linked',
  )
  const accountEvent = receiver.received.find((webhook) => webhook.topic === 'funding_source_added')?.event as { _links: Record<string, unknown> }
  t.same(Object.keys(accountEvent._links).sort(), ['account', 'resource', 'self'], 'the Account’s: no customer')
})

t.test('a return’s actions on funding sources: R22 unverifies the bank, a late R01 takes a balance below zero', async (t) => {
  const { server, receiver, call } = await subscribedServer(t, { autoVerifyBanks: true })
  const href = (id: string) => `${server.url}/funding-sources/${id}`
  const pay = async (source: string, destination: string, value: string) => {
    const response = await call('POST', '/transfers', {
      _links: { source: { href: href(source) }, destination: { href: href(destination) } },
      amount: { currency: 'USD', value },
    })
    t.equal(response.status, 201, `a transfer of ${value}`)
  }
  const accountBalance = accountBalanceIdFor('key')
  const listed = (await (await call('GET', `/customers/${SEEDED.personalVerified}/funding-sources`)).json()) as {
    _embedded: { 'funding-sources': Array<{ id: string; type: string }> }
  }
  const customerBalance = listed._embedded['funding-sources'].find((source) => source.type === 'balance')
  // R22, the credit to a bank returned: the bank stays, unverified, and can start micro-deposits again.
  const unverifiedsBank = idOf(
    (await call('POST', `/customers/${SEEDED.unverified}/funding-sources`, bankBody('7777', { name: 'R22' }))).headers.get('location'),
  )
  const accountsBank = idOf((await call('POST', '/funding-sources', bankBody('8888', { name: 'r22' }))).headers.get('location'))
  await pay(accountBalance, unverifiedsBank, '5.00')
  await pay(accountBalance, accountsBank, '5.00')
  // R01-late, the debit into a balance returned after the balance spent it: below zero.
  const lateBank = idOf(
    (await call('POST', `/customers/${SEEDED.personalVerified}/funding-sources`, bankBody('9999', { name: 'R01-late' }))).headers.get('location'),
  )
  const accountLateBank = idOf((await call('POST', '/funding-sources', bankBody('1010', { name: 'r01-LATE' }))).headers.get('location'))
  t.ok(customerBalance, 'the Verified Customer has a balance')
  await pay(lateBank, customerBalance?.id as string, '25.00')
  await pay(accountLateBank, accountBalance, '25.00')
  await server.webhooks.settle()
  receiver.received.length = 0
  await call('POST', '/sandbox-simulations')
  server.balances.set(customerBalance?.id as string, '0.00')
  server.balances.set(accountBalance, '10.00')
  await call('POST', '/sandbox-simulations')
  await server.webhooks.settle()

  const fundingSourceTopics = receiver.received.filter((webhook) => webhook.topic?.includes('funding_source'))
  t.same(
    fundingSourceTopics.map((webhook) => [webhook.topic, (webhook.event as { resourceId: string }).resourceId]),
    [
      ['customer_funding_source_unverified', unverifiedsBank],
      ['funding_source_unverified', accountsBank],
      ['customer_funding_source_negative', customerBalance?.id],
      ['funding_source_negative', accountBalance],
    ],
    'each announced once, for its owner: the banks at the first simulation, the balances at the second',
  )
  const negative = fundingSourceTopics[2]?.event as { _links: Record<string, { href: string }> }
  t.equal(negative._links.customer?.href, `${server.url}/customers/${SEEDED.personalVerified}`, 'the customer’s is linked to the customer')
  t.same(
    [server.balances.get(customerBalance?.id as string)?.balance, server.balances.get(accountBalance)?.balance],
    ['-25.00', '-15.00'],
    'the balances are below zero by what came back',
  )
  const bank = (await (await call('GET', `/funding-sources/${unverifiedsBank}`)).json()) as {
    status: string
    removed: boolean
    _links: Record<string, unknown>
  }
  t.same(
    [bank.status, bank.removed, 'initiate-micro-deposits' in bank._links],
    ['unverified', false, true],
    'the R22 bank is unverified, not removed, and can be verified again',
  )
  t.ok(
    receiver.received.every((webhook) => webhook.signatureValid),
    'signed',
  )
  for (const { topic } of receiver.received) if (topic !== undefined) delivered.add(topic)
})

t.test('together, the two raise every funding-source topic of both variants', async (t) => {
  t.same(new Set([...delivered].filter((topic) => !topic.includes('transfer'))), new Set(FUNDING_SOURCE_TOPICS))
})
