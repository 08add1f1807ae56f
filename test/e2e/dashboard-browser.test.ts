import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t, { type Test } from 'tap'
import { start, type RunningMockDwolla, type StartOptions } from '../../src/index.js'
import { browserFor, pageFor } from '../helpers/browser.js'
import { SEEDED } from '../helpers/customers.js'
import { dwollaV2For } from '../helpers/sdk-clients.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'

const SECRET = 'dashboard-browser-secret'
const ADMIN_TOKEN = 'dashboard-browser-admin-token-42'

async function mockFor(t: Test, options: StartOptions = {}): Promise<RunningMockDwolla> {
  const server = await start(options)
  t.teardown(() => server.close())
  return server
}

const idOf = (location: string | null): string => (location ?? '').split('/').pop() as string

t.test('a customer made with the SDK, Process bank transfers, Settle webhooks: its webhook delivered; a status set from its row', async (t) => {
  const server = await mockFor(t)
  const receiver = await webhookReceiver(t, SECRET)
  const client = dwollaV2For(server.url)
  await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  const id = idOf((await client.post('customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })).headers.get('location'))
  const { page, screenshot } = await pageFor(t, await browserFor(t))

  await page.goto(`${server.url}/__mock/dashboard`)
  const row = page.locator(`tr[data-row="customers:${id}"]`)
  t.equal(await row.locator('td').first().textContent(), 'Ada Lovelace', 'the new customer, first')
  t.equal(await row.locator('.tone').textContent(), 'unverified', 'unverified')
  await screenshot('sdk-customer-overview')

  await page.getByRole('button', { name: 'Process bank transfers' }).click()
  await page.locator('#result', { hasText: 'Process bank transfers: 200' }).waitFor()
  t.match(await page.locator('#result').textContent(), /"total":0/, "the sandbox simulation's answer: nothing pending (no transfers yet)")
  await page.getByRole('button', { name: 'Settle webhooks' }).click()
  await page.locator('#result', { hasText: 'Settle webhooks: 200' }).waitFor()
  t.same(
    receiver.received.map((webhook) => [webhook.topic, webhook.signatureValid]),
    [['customer_created', true]],
    'the receiver has the webhook, signed',
  )

  await page.locator('nav.tabs a[href*="section=webhooks"]').click()
  const webhook = page.locator('section#webhooks tr[data-row]')
  await webhook.first().waitFor()
  t.equal(await webhook.count(), 1, 'one webhook')
  t.equal(await webhook.locator('td').first().textContent(), 'customer_created', 'its topic')
  t.equal(await webhook.locator('.tone-good').textContent(), '200', 'delivered: 200')
  await page.locator('section#webhooks details summary').first().click()
  t.match(await page.locator('section#webhooks details').first().textContent(), /X-Request-Signature-SHA-256: [0-9a-f]{64}/, 'the request sent, signed')
  await screenshot('sdk-customer-webhook-delivered')

  await page.locator('nav.tabs a[href*="section=customers"]').click()
  const retry = page.locator(`tr[data-row="customers:${SEEDED.personalRetry}"]`)
  await retry.locator('select[name=status]').selectOption('verified')
  await retry.getByRole('button', { name: 'Set status' }).click()
  await page.locator(`tr[data-row="customers:${SEEDED.personalRetry}"] .tone`, { hasText: /^verified$/ }).waitFor()
  t.equal(server.customers.get(SEEDED.personalRetry, { application: 'key' })?.status, 'verified', 'the customer is verified')
  await page.getByRole('button', { name: 'Settle webhooks' }).click()
  await page.locator('#result', { hasText: 'Settle webhooks: 200' }).waitFor()
  t.same(
    receiver.received.map((webhook) => webhook.topic),
    ['customer_created', 'customer_verified'],
    'and its webhook delivered',
  )
  await page.locator('nav.tabs a[href*="section=events"]').click()
  await page.locator('section#events tr[data-row] td', { hasText: 'customer_verified' }).waitFor()
  await screenshot('status-set-from-row')
})

t.test('a bank added with the SDK: its micro-deposits sent and verified from its row, and the webhooks delivered', async (t) => {
  const server = await mockFor(t)
  const receiver = await webhookReceiver(t, SECRET)
  const client = dwollaV2For(server.url)
  await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  const created = await client.post(`customers/${SEEDED.personalVerified}/funding-sources`, {
    routingNumber: '222222226',
    accountNumber: '123456789',
    bankAccountType: 'checking',
    name: 'Browser Checking',
  })
  const id = idOf(created.headers.get('location'))
  const { page, screenshot } = await pageFor(t, await browserFor(t))
  await page.goto(`${server.url}/__mock/dashboard?section=funding-sources`)
  const row = page.locator(`tr[data-row="funding-sources:${id}"]`)
  t.equal(await row.locator('td').first().textContent(), 'Browser Checking', 'the new bank, by its name')
  t.equal(await row.locator('.tone').first().textContent(), 'unverified', 'unverified')

  await row.getByRole('button', { name: 'Send micro-deposits' }).click()
  await page.locator(`tr[data-row="funding-sources:${id}"]`).getByRole('button', { name: 'Verify micro-deposits' }).waitFor()
  await page.locator(`tr[data-row="funding-sources:${id}"]`).getByRole('button', { name: 'Verify micro-deposits' }).click()
  await page.locator(`tr[data-row="funding-sources:${id}"] .tone`, { hasText: /^verified$/ }).waitFor()
  t.equal((await client.get(`funding-sources/${id}`)).body.status, 'verified', 'the API says verified')
  await page.getByRole('button', { name: 'Settle webhooks' }).click()
  await page.locator('#result', { hasText: 'Settle webhooks: 200' }).waitFor()
  t.same(
    receiver.received.map((webhook) => webhook.topic),
    ['customer_funding_source_added', 'customer_microdeposits_added', 'customer_funding_source_verified'],
    'each step’s webhook delivered',
  )
  await screenshot('micro-deposits-verified-from-row')
})

/** The Account's balance, and a receive-only customer with a bank of the given name (R01 makes the sandbox fail it). */
async function payeeWithBank(client: ReturnType<typeof dwollaV2For>, bankName: string): Promise<{ accountBalance: string; bank: string }> {
  const root = await client.get('/')
  const sources = await client.get(`${root.body._links.account.href}/funding-sources`)
  const balance = sources.body._embedded['funding-sources'].find((source: { type: string }) => source.type === 'balance')
  const customer = (
    await client.post('customers', { firstName: 'Rita', lastName: 'Payee', email: `rita-${bankName}@example.com`, type: 'receive-only' })
  ).headers.get('location')
  const bank = await client.post(`${customer}/funding-sources`, {
    routingNumber: '222222226',
    accountNumber: '123456789',
    bankAccountType: 'checking',
    name: bankName,
  })
  return { accountBalance: balance._links.self.href, bank: bank.headers.get('location') as string }
}

const pay = (client: ReturnType<typeof dwollaV2For>, source: string, destination: string, value: string) =>
  client.post('transfers', { _links: { source: { href: source }, destination: { href: destination } }, amount: { currency: 'USD', value } })

t.test('a payment made with the SDK: pending, Process bank transfers, processed, its webhooks delivered', async (t) => {
  const server = await mockFor(t, { autoVerifyBanks: true })
  const receiver = await webhookReceiver(t, SECRET)
  const client = dwollaV2For(server.url)
  await client.post('webhook-subscriptions', { url: receiver.url, secret: SECRET })
  const { accountBalance, bank } = await payeeWithBank(client, 'Checking')
  const id = idOf((await pay(client, accountBalance, bank, '25.00')).headers.get('location'))
  const { page, screenshot } = await pageFor(t, await browserFor(t))

  await page.goto(`${server.url}/__mock/dashboard?section=transfers`)
  const row = page.locator(`tr[data-row="transfers:${id}"]`)
  t.equal(await row.locator('.tone').textContent(), 'pending', 'the payment, pending')
  t.equal(await row.locator('td').nth(2).textContent(), '$25.00', 'its amount')
  await screenshot('payment-pending')

  await page.getByRole('button', { name: 'Process bank transfers' }).click()
  await page.locator('#result', { hasText: 'Process bank transfers: 200' }).waitFor()
  await page.locator(`tr[data-row="transfers:${id}"] .tone`, { hasText: /^processed$/ }).waitFor()
  t.equal((await client.get(`transfers/${id}`)).body.status, 'processed', 'the API says processed')
  await page.getByRole('button', { name: 'Settle webhooks' }).click()
  await page.locator('#result', { hasText: 'Settle webhooks: 200' }).waitFor()
  const topics = receiver.received.map((webhook) => webhook.topic)
  t.ok(topics.includes('transfer_completed') && topics.includes('customer_transfer_completed'), `its completion delivered (${topics.join(', ')})`)
  await page.locator('nav.tabs a[href*="section=webhooks"]').click()
  await page.locator('section#webhooks tr[data-row] td', { hasText: 'transfer_completed' }).first().waitFor()
  await screenshot('payment-processed-webhooks')
})

t.test('a payment to a bank renamed R01 from its row fails, and the failure reads R01', async (t) => {
  const server = await mockFor(t, { autoVerifyBanks: true })
  const client = dwollaV2For(server.url)
  const { accountBalance, bank } = await payeeWithBank(client, 'Checking')
  const bankId = idOf(bank)
  const { page, screenshot } = await pageFor(t, await browserFor(t))
  await page.goto(`${server.url}/__mock/dashboard?section=funding-sources`)
  const bankRow = page.locator(`tr[data-row="funding-sources:${bankId}"]`)
  await bankRow.locator('input[name=name]').fill('R01')
  await bankRow.getByRole('button', { name: 'Rename' }).click()
  await page.locator(`tr[data-row="funding-sources:${bankId}"] td`, { hasText: /^R01$/ }).waitFor()
  t.equal((await client.get(`funding-sources/${bankId}`)).body.name, 'R01', 'the bank is named R01')

  const id = idOf((await pay(client, accountBalance, bank, '10.00')).headers.get('location'))
  await page.locator('nav.tabs a[href*="section=transfers"]').click()
  await page.locator(`tr[data-row="transfers:${id}"]`).waitFor()
  await page.getByRole('button', { name: 'Process bank transfers' }).click()
  await page.locator('#result', { hasText: 'Process bank transfers: 200' }).waitFor()
  await page.locator(`tr[data-row="transfers:${id}"] .tone`, { hasText: /^failed: R01$/ }).waitFor()
  await page.locator(`details[data-key="transfers:${id}"] summary`).click()
  t.match(await page.locator(`details[data-key="transfers:${id}"]`).textContent(), /R01: Insufficient Funds/, 'the failure, read on the page')
  const failure = await client.get(`transfers/${id}/failure`)
  t.equal(failure.body.code, 'R01', 'as GET /transfers/{id}/failure answers it')
  await screenshot('payment-failed-r01')
})

t.test('a customer named <script> shows as text and runs nothing', async (t) => {
  const server = await mockFor(t)
  const client = dwollaV2For(server.url)
  const name = '<script>alert(1)</script>'
  const id = idOf(
    (await client.post('customers', { firstName: 'Eve', lastName: 'Mallory', email: 'eve@example.com', type: 'receive-only', businessName: name })).headers.get(
      'location',
    ),
  )
  const { page, screenshot } = await pageFor(t, await browserFor(t))
  await page.goto(`${server.url}/__mock/dashboard?section=customers`)
  const cell = page.locator(`tr[data-row="customers:${id}"] td`).first()
  t.equal(await cell.textContent(), name, 'the name, as text')
  t.equal(await cell.locator('script').count(), 0, 'no script element made of it')
  await page.locator(`details[data-key="customers:${id}"] summary`).click()
  t.match(
    await page.locator(`details[data-key="customers:${id}"] pre`).first().textContent(),
    /"businessName": "<script>alert\(1\)<\/script>"/,
    'and in its JSON',
  )
  // Two live updates go by: the name comes back through them as text too (pageFor fails on any dialog).
  await page.waitForTimeout(4_500)
  t.equal(await page.locator(`tr[data-row="customers:${id}"] td`).first().textContent(), name, 'still text after live updates')
  await screenshot('script-customer')
})

t.test('live: what happens elsewhere shows without a reload', async (t) => {
  const server = await mockFor(t)
  const client = dwollaV2For(server.url)
  await client.get('customers')
  const { page, screenshot } = await pageFor(t, await browserFor(t))
  await page.goto(`${server.url}/__mock/dashboard?section=customers`)
  await page.evaluate(() => Object.assign(window, { sameDocument: true }))
  const id = idOf((await client.post('customers', { firstName: 'Lin', lastName: 'Live', email: 'lin@example.com' })).headers.get('location'))
  await page.locator(`tr[data-row="customers:${id}"]`).waitFor({ timeout: 10_000 })
  t.ok(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument), 'it appeared in the same document, no reload')
  await screenshot('live-update')
})

t.test('with an admin token: the page asks for it once, and its script sends it', async (t) => {
  const server = await mockFor(t, { adminToken: ADMIN_TOKEN })
  await dwollaV2For(server.url).get('customers')
  const { page, screenshot } = await pageFor(t, await browserFor(t))
  await page.goto(`${server.url}/__mock/dashboard`)
  await page.locator('#sign-in').waitFor()
  t.equal(await page.locator('main tr').count(), 0, 'nothing shown without it')
  await screenshot('admin-token-sign-in')
  await page.locator('#token').fill('not-the-admin-token-at-all')
  await page.getByRole('button', { name: 'Open the dashboard' }).click()
  await page.locator('#result', { hasText: 'the admin token was refused' }).waitFor()
  t.ok(await page.locator('#sign-in').isVisible(), 'a wrong token: asked again')
  await page.locator('#token').fill(ADMIN_TOKEN)
  await page.getByRole('button', { name: 'Open the dashboard' }).click()
  await page.locator('section#customers tr[data-row]').first().waitFor()
  t.notOk(await page.locator('#sign-in').isVisible(), 'the token taken')

  const before = server.clock.offsetMs
  await page.locator('input[name=advanceSeconds]').fill('3600')
  await page.getByRole('button', { name: 'Advance the clock' }).click()
  await page.locator('#result', { hasText: 'Advance the clock: 200' }).waitFor()
  t.equal(server.clock.offsetMs - before, 3_600_000, 'an action with the token: the clock moved an hour')

  await page.locator('nav.tabs a[href*="section=journal"]').click()
  await page.locator('section#journal').waitFor()
  t.match(page.url(), /section=journal$/, 'its links followed with the token')
  await page.reload()
  await page.locator('section#journal').waitFor()
  t.pass('a reload needs no token again: the tab keeps it')
  await screenshot('admin-token-journal')
})

t.test("another site's page cannot press the dashboard's buttons", async (t) => {
  const server = await mockFor(t)
  server.clock.advance(60_000)
  // A page on another origin (localhost, another port) posting to the mock without a preflight.
  const evil = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html')
    response.end(
      `<script>fetch('${server.url}/__mock/reset', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' })</script>`,
    )
  })
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.2', resolve))
  t.teardown(() => new Promise<void>((resolve) => evil.close(() => resolve())))
  const { page } = await pageFor(t, await browserFor(t))
  const refused = page.waitForResponse((response) => response.url().endsWith('/__mock/reset'))
  await page.goto(`http://127.0.0.2:${(evil.address() as AddressInfo).port}/`)
  t.equal((await refused).status(), 403, 'refused: 403')
  t.equal(server.clock.offsetMs, 60_000, 'nothing was reset')
})
