import type { FastifyInstance } from 'fastify'
import { AdminError } from '../../admin/admin-error.js'
import { testDoubleFilter } from '../../admin/query-filter.js'
import { SettleTimeoutError, type SettleOptions } from '../../webhook-delivery/delivery-engine.js'
import { readSettleOptions } from '../../webhook-delivery/settle-options.js'
import type { MockContext } from '../../world/mock-context.js'

/**
 * Webhooks for suites that run the mock as a separate process, as `server.webhooks` gives them
 * in-process:
 *   GET  /__mock/webhooks?application=&topic=&subscriptionId=&eventId=&webhookId=
 *                                      { subscriptions, pending, dropped, deliveries } (never a secret)
 *   GET  /__mock/webhooks/counts?application=
 *                                      { kept, pending, inFlight, dropped }: cheap enough to poll
 *   POST /__mock/webhooks/settle       { timeoutMs?, application? }: waits until every delivery due by
 *                                      the mock's clock (the application's) has been attempted:
 *                                      { settled: true, pending }; past timeoutMs, 504 NotSettled
 *                                      naming what is still pending
 */
export function webhooksRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks', async (request) => {
    const filter = testDoubleFilter(request.query, 'deliveries')
    return {
      subscriptions: mock.webhooks.subscriptions(),
      pending: mock.webhooks.pending(filter.application),
      dropped: mock.webhooks.counts(filter.application).dropped,
      deliveries: mock.webhooks.deliveries(filter),
    }
  })

  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks/counts', async (request) => {
    return mock.webhooks.counts(testDoubleFilter(request.query, 'application').application)
  })

  admin.post<{ Body: unknown }>('/webhooks/settle', async (request) => {
    let options: SettleOptions
    try {
      options = readSettleOptions(request.body)
    } catch (error) {
      throw new AdminError(400, 'InvalidSettle', (error as Error).message)
    }
    try {
      await mock.webhooks.settle(options)
    } catch (error) {
      // What is still pending is named in the message, and listed.
      if (error instanceof SettleTimeoutError) throw new AdminError(504, 'NotSettled', error.message)
      throw error
    }
    return { settled: true, pending: mock.webhooks.pending(options.application) }
  })
}
