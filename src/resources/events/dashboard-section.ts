import type { DashboardSection } from '../../dashboard/dashboard-section.js'
import { EVENTS } from './events-part.js'
import { eventRepresentation } from './representation.js'

/**
 * The application's events on the dashboard, newest first as GET /events lists them, each with
 * the JSON GET /events/{id} answers (what its webhooks carry).
 */
export const EVENTS_SECTION: DashboardSection = {
  id: 'events',
  title: 'Events',
  list({ world, application, links }, { offset, limit }) {
    const store = world?.peek(EVENTS)
    if (store === undefined || application === undefined) return { columns: [], rows: [], total: 0, empty: 'No events yet: a transition raises one.' }
    const page = limit === 0 ? [] : store.list().slice(offset, offset + limit)
    return {
      columns: ['Topic', 'Resource', 'Created', 'Id'],
      rows: page.map((event) => ({
        key: event.id,
        cells: [
          event.topic,
          { text: `${event.resourceType} ${event.resourceId}`, code: true },
          { text: new Date(event.created).toISOString(), time: true },
          { text: event.id, code: true },
        ],
        json: `/events?application=${encodeURIComponent(application)}&customerId=${event.resourceId}&topic=${encodeURIComponent(event.topic)}`,
        details: [{ label: 'GET /events/{id}', text: JSON.stringify(eventRepresentation(event, links), null, 2) }],
      })),
      total: store.size,
    }
  },
}
