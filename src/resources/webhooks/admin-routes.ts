import type { FastifyInstance } from 'fastify'
import type { MockState } from '../../mock-state.js'
import { AdminError } from '../../admin/admin-error.js'

/**
 * Events and webhooks for suites that run the mock as a separate process, as `server.events()`
 * and `server.webhooks` give them in-process:
 *   GET  /__mock/events?application=&topic=&customerId=        { events: [...] } oldest first
 *   GET  /__mock/webhooks?topic=&subscriptionId=&eventId=&webhookId=
 *                                      { subscriptions, pending, deliveries } (never a secret)
 *   POST /__mock/webhooks/settle       waits until every delivery due by the mock's clock has
 *                                      been attempted: { settled: true, pending }
 */
export function webhooksRoutes(admin: FastifyInstance, state: MockState): void {
  admin.get<{ Querystring: Record<string, string | string[]> }>('/events', async (request) => {
    const { application, topic, customerId } = filterFrom(request.query, ['application', 'topic', 'customerId'])
    return { events: state.events.all({ application, topic, resourceId: customerId }) }
  })

  admin.get<{ Querystring: Record<string, string | string[]> }>('/webhooks', async (request) => {
    const filter = filterFrom(request.query, ['topic', 'subscriptionId', 'eventId', 'webhookId'])
    return { subscriptions: state.webhooks.subscriptions(), pending: state.webhooks.pending(), deliveries: state.webhooks.deliveries(filter) }
  })

  admin.post('/webhooks/settle', async () => {
    await state.webhooks.settle()
    return { settled: true, pending: state.webhooks.pending() }
  })
}

/** A filter from a query string: each key at most once, and only the names given. */
function filterFrom<K extends string>(query: Record<string, string | string[]>, names: readonly K[]): Partial<Record<K, string>> {
  const filter: Partial<Record<K, string>> = {}
  for (const [name, value] of Object.entries(query)) {
    if (!(names as readonly string[]).includes(name)) {
      throw new AdminError(400, 'InvalidQuery', `unknown filter ${JSON.stringify(name)}: filter by ${names.join(', ')}`)
    }
    if (typeof value !== 'string') throw new AdminError(400, 'InvalidQuery', `${name}: give it once`)
    filter[name as K] = value
  }
  return filter
}
