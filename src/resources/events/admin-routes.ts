import type { FastifyInstance } from 'fastify'
import { testDoubleFilter } from '../../admin/query-filter.js'
import type { MockContext } from '../../world/mock-context.js'
import { eventViews } from './event-controls.js'

/**
 * Events for suites that run the mock as a separate process, as `server.events()` gives them
 * in-process:
 *   GET  /__mock/events?application=&topic=&customerId=&resourceId=   { events: [...] } oldest first
 */
export function eventsRoutes(admin: FastifyInstance, mock: MockContext): void {
  admin.get<{ Querystring: Record<string, string | string[]> }>('/events', async (request) => {
    return { events: eventViews(mock, testDoubleFilter(request.query, 'events')) }
  })
}
