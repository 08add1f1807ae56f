import type { FastifyInstance } from 'fastify'
import { filterFrom } from '../../admin/query-filter.js'
import type { MockContext } from '../../world/mock-context.js'

/**
 * Webhooks for suites that run the mock as a separate process, as `server.webhooks` gives them
 * in-process:
 *   GET  /__mock/webhooks?topic=&subscriptionId=&eventId=&webhookId=
 *                                      { subscriptions, pending, deliveries } (never a secret)
 *   POST /__mock/webhooks/settle       waits until every delivery due by the mock's clock has
 *                                      been attempted: { settled: true, pending }
 */
export function webhooksRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks', async (request) => {
    const filter = filterFrom(request.query, ['topic', 'subscriptionId', 'eventId', 'webhookId'])
    return { subscriptions: mock.webhooks.subscriptions(), pending: mock.webhooks.pending(), deliveries: mock.webhooks.deliveries(filter) }
  })

  admin.post('/webhooks/settle', async () => {
    await mock.webhooks.settle()
    return { settled: true, pending: mock.webhooks.pending() }
  })
}
