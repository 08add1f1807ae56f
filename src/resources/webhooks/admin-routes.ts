import type { FastifyInstance } from 'fastify'
import { filterFrom } from '../../admin/query-filter.js'
import type { MockContext } from '../../world/mock-context.js'

/**
 * Webhooks for suites that run the mock as a separate process, as `server.webhooks` gives them
 * in-process:
 *   GET  /__mock/webhooks?application=&topic=&subscriptionId=&eventId=&webhookId=
 *                                      { subscriptions, pending, dropped, deliveries } (never a secret)
 *   GET  /__mock/webhooks/counts?application=
 *                                      { kept, pending, inFlight, dropped }: cheap enough to poll
 *   POST /__mock/webhooks/settle       waits until every delivery due by the mock's clock has been
 *                                      attempted: { settled: true, pending }
 */
export function webhooksRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks', async (request) => {
    const filter = filterFrom(request.query, ['application', 'topic', 'subscriptionId', 'eventId', 'webhookId'])
    return {
      subscriptions: mock.webhooks.subscriptions(),
      pending: mock.webhooks.pending(filter.application),
      dropped: mock.webhooks.counts(filter.application).dropped,
      deliveries: mock.webhooks.deliveries(filter),
    }
  })

  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks/counts', async (request) => {
    return mock.webhooks.counts(filterFrom(request.query, ['application']).application)
  })

  admin.post('/webhooks/settle', async () => {
    await mock.webhooks.settle()
    return { settled: true, pending: mock.webhooks.pending() }
  })
}
