// npm run screenshots: the dashboard's two pictures in the README and docs/dashboard.md
// (docs/images/dashboard-*.png), taken by Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) against the built mock with a little made-up state. Run it after changing
// the page's look; the browser tests take their own screenshots into a scratch folder.
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { start } from '../dist/index.bundle.js'

const images = fileURLToPath(new URL('../docs/images/', import.meta.url))
const HAL = 'application/vnd.dwolla.v1.hal+json'

// A webhook receiver that answers 200, then 503 for one topic, so both show.
const receiver = createServer((request, response) => {
  request.resume()
  response.statusCode = request.headers['x-dwolla-topic'] === 'customer_suspended' ? 503 : 200
  response.end(response.statusCode === 200 ? 'ok' : 'down for maintenance')
})
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve))

const mock = await start({
  now: (() => {
    const began = Date.now()
    return () => Date.UTC(2025, 0, 15, 9, 30) + (Date.now() - began)
  })(),
})
try {
  const form = 'client_id=key&client_secret=secret&grant_type=client_credentials'
  const token = await (
    await fetch(`${mock.url}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })
  ).json()
  const api = (path, body) =>
    fetch(`${mock.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, accept: HAL, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  await api('/webhook-subscriptions', { url: `http://127.0.0.1:${receiver.address().port}/dwolla-webhooks`, secret: 'screenshot-secret' })
  await api('/customers', { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' })
  await api('/customers', { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com', type: 'receive-only', businessName: 'Hopper Compilers' })
  const suspended = mock.customers.list({ application: 'key' }).find((customer) => customer.email === 'personal.retry@example.com')
  mock.customers.setStatus(suspended.id, 'suspended', { application: 'key' })
  await mock.webhooks.settle()

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
    await page.goto(`${mock.url}/__mock/dashboard`)
    await page.getByRole('button', { name: 'Process bank transfers' }).click()
    await page.locator('#result', { hasText: 'Process bank transfers: 200' }).waitFor()
    await page.screenshot({ path: `${images}dashboard-overview.png` })
    await page.locator('nav.tabs a[href*="section=webhooks"]').click()
    await page.locator('section#webhooks tr[data-row]').first().waitFor()
    await page.locator('section#webhooks details summary').first().click()
    await page.screenshot({ path: `${images}dashboard-webhooks.png` })
    console.log(`wrote ${images}dashboard-overview.png and ${images}dashboard-webhooks.png`)
  } finally {
    await browser.close()
  }
} finally {
  await mock.close()
  receiver.close()
}
