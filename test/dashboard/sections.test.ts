import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { openDashboard, rowKeys } from '../helpers/dashboard.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { webhookReceiver } from '../helpers/webhook-receiver.js'
import { subscribeVia } from '../helpers/webhooks.js'

/** The text of a page as a person reads it: markup dropped, entities back to characters. */
function textOf(page: string): string {
  return page
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
}

t.test('webhooks: every attempt with the request sent and the response, and when the next one is due', async (t) => {
  const app = await mockFor(t, { webhookRetrySchedule: [60_000] })
  const token = await accessTokenFor(app)
  const receiver = await webhookReceiver(t, 'dashboard-secret', (_request, response) => {
    response.statusCode = 503
    response.setHeader('x-receiver', 'down for lunch')
    response.end('try later')
  })
  const subscription = await subscribeVia(app, token, receiver.url, 'dashboard-secret')
  await apiRequest(app, 'POST', `/__mock/customers/${SEEDED.personalRetry}/status`, { token, body: { status: 'verified', application: 'key' } })
  await app.mockDwolla.webhooks.settle()
  t.equal(receiver.received.length, 1, 'one attempt made')

  const [webhook] = app.mockDwolla.webhooks.kept('key')
  const page = (await openDashboard(app, '?section=webhooks')).body
  t.same(rowKeys(page, 'webhooks'), [webhook?.id], 'the webhook listed')
  const text = textOf(page)
  t.match(text, /customer_verified/, 'its topic')
  t.match(text, /\b503\b/, 'its last answer')
  const [pending] = app.mockDwolla.webhooks.pending()
  t.ok(text.includes(`retry at ${pending?.dueAt}`), 'the next attempt: a retry, and when')
  t.match(
    text,
    new RegExp(`POST ${receiver.url.replaceAll('/', '\\/')}\\s[^]*X-Dwolla-Topic: customer_verified\\s[^]*X-Request-Signature-SHA-256: [0-9a-f]{64}`),
    'the request sent: where, its headers',
  )
  t.ok(text.includes(receiver.received[0]?.body as string), 'and its exact body')
  t.match(text, /HTTP 503\s+x-receiver: down for lunch\s[^]*\s+try later/, 'the response: status, headers, body')
  t.notOk(text.includes('dashboard-secret'), 'never the secret')

  const subscriptions = (await openDashboard(app, '?section=webhook-subscriptions')).body
  t.same(rowKeys(subscriptions, 'webhook-subscriptions'), [subscription], 'the subscription listed')
  t.match(textOf(subscriptions), new RegExp(`${receiver.url.replaceAll('/', '\\/')}\\s+active\\s+1\\b`), 'its URL, active, one webhook kept')
  t.notOk(subscriptions.includes('dashboard-secret'), 'never its secret')

  app.mockDwolla.clock.advance(60_000)
  await app.mockDwolla.webhooks.settle()
  const after = textOf((await openDashboard(app, '?section=webhooks')).body)
  t.match(after, /Attempt 2 \(retry\)/, 'the retry shows as the second attempt')
  t.match(after, /none: retries used up/, 'and no attempt is left')
})

t.test('events: newest first, each with the JSON GET /events/{id} answers', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  for (const status of ['suspended', 'deactivated'] as const) {
    await app.inject({ method: 'POST', url: `/__mock/customers/${SEEDED.personalRetry}/status`, payload: { status, application: 'key' } })
  }
  const events = (await apiRequest(app, 'GET', '/events', { token })).json<{ _embedded: { events: Array<{ id: string }> } }>()._embedded.events
  const page = (await openDashboard(app, '?section=events')).body
  t.same(
    rowKeys(page, 'events'),
    events.map((event) => event.id),
    'in the order GET /events lists them',
  )
  const [newest] = events
  const shown = textOf(page)
  t.ok(shown.includes(JSON.stringify(newest, null, 2).split('\n').slice(0, 4).join('\n')), "the newest event's JSON, as the API answers it")
})
