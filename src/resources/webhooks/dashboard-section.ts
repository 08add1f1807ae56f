import type { Cell, DashboardSection } from '../../dashboard/dashboard-section.js'
import type { PendingView } from '../../webhook-delivery/delivery-engine.js'
import { responseText, unpackHeaders, type Header } from '../../webhook-delivery/post-webhook.js'
import type { Attempt, Webhook } from '../../webhook-delivery/webhook-history.js'
import { webhookRepresentation } from './representation.js'

/**
 * The application's webhooks on the dashboard, newest first: each event on its way to a
 * subscription, its last answer, when the next attempt is due, and every attempt kept with the
 * request sent and the response received (as GET /webhooks/{id} and /__mock/webhooks show them).
 */
export const WEBHOOKS_SECTION: DashboardSection = {
  id: 'webhooks',
  title: 'Webhooks',
  list({ mock, application, links }, { offset, limit }) {
    if (application === undefined) return { columns: [], rows: [], total: 0 }
    const own = mock.webhooks.kept(application)
    const page = limit === 0 ? [] : own.reverse().slice(offset, offset + limit)
    const pending = new Map(page.length === 0 ? [] : mock.webhooks.pending(application).map((view) => [view.webhookId, view]))
    // Where each goes, from the test double's view of the subscriptions (never their secrets).
    const urls = new Map(page.length === 0 ? [] : mock.webhooks.subscriptions().map((subscription) => [subscription.id, subscription.url]))
    return {
      columns: ['Topic', 'To', 'Attempts', 'Last answer', 'Next attempt', 'Created', 'Id'],
      rows: page.map((webhook) => ({
        key: webhook.id,
        cells: [
          webhook.topic,
          { text: urls.get(webhook.subscriptionId) ?? webhook.subscriptionId, code: true },
          String(webhook.attempts.length),
          lastAnswer(webhook),
          nextAttempt(webhook, pending.get(webhook.id)),
          { text: new Date(webhook.created).toISOString(), time: true },
          { text: webhook.id, code: true },
        ],
        json: `/webhooks?webhookId=${webhook.id}`,
        details: [
          ...webhook.attempts.flatMap((attempt, index) => attemptDetails(webhook, attempt, index + 1)),
          { label: 'GET /webhooks/{id}', text: JSON.stringify(webhookRepresentation(webhook, links), null, 2) },
        ],
      })),
      total: own.length,
      empty: 'No webhook yet: each event goes to every active subscription of its application.',
    }
  },
}

function lastAnswer(webhook: Webhook): Cell {
  const attempt = webhook.attempts.at(-1)
  if (attempt === undefined) return { text: 'not sent yet', tone: 'waiting' }
  const text = attempt.response.statusCode === undefined ? (attempt.error ?? 'no answer') : String(attempt.response.statusCode)
  return { text, tone: attempt.succeeded ? 'good' : 'bad' }
}

function nextAttempt(webhook: Webhook, pending: PendingView | undefined): Cell {
  if (pending !== undefined) return { text: `${pending.cause === 'first' ? 'first' : pending.cause} at ${pending.dueAt}`, tone: 'waiting' }
  if (webhook.state === 'sending') return { text: 'in flight', tone: 'waiting' }
  return webhook.attempts.at(-1)?.succeeded === true ? 'none: delivered' : 'none: retries used up'
}

/** An attempt as two texts: the request sent (the webhook's own headers and body) and the response. */
function attemptDetails(webhook: Webhook, attempt: Attempt, number: number): Array<{ label: string; text: string }> {
  const sentAt = new Date(attempt.request.timestamp).toISOString()
  const { response } = attempt
  const answered = response.statusCode === undefined ? `no answer: ${attempt.error ?? 'unknown'}` : `HTTP ${response.statusCode}`
  return [
    {
      label: `Attempt ${number} (${attempt.cause}), sent ${sentAt}: request`,
      text: `POST ${attempt.request.url}\n${headerLines(webhook.headers)}\n\n${webhook.body}`,
    },
    {
      label: `Attempt ${number}: response after ${Math.round(attempt.durationMs)} ms`,
      text: `${answered}\n${headerLines(unpackHeaders(response.headers))}\n\n${responseText(response.body)}`,
    },
  ]
}

function headerLines(headers: readonly Header[]): string {
  return headers.map(({ name, value }) => `${name}: ${value}`).join('\n')
}
