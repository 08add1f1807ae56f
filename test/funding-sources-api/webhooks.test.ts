import t from 'tap'
import { start } from '../../src/index.js'
import { FUNDING_SOURCE_TOPICS } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { amounts, bankBody, idOf } from '../helpers/funding-sources.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const SECRET = 'a webhook secret'

t.test('every funding-source topic is recorded and delivered signed, for a customer’s and for the Account’s', async (t) => {
  const server = await start({ autoVerifyBanks: false })
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
  t.same(new Set(receiver.received.map((webhook) => webhook.topic)), new Set(FUNDING_SOURCE_TOPICS), 'every topic of both variants, each at least once')
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
