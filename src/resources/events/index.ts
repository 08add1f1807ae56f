import type { Resource } from '../../world/resource.js'
import { eventsRoutes } from './admin-routes.js'
import { EVENTS_SECTION } from './dashboard-section.js'
import { getEvent } from './operations/getEvent.js'
import { listEvents } from './operations/listEvents.js'

export { EVENTS } from './events-part.js'
export { eventRepresentation } from './representation.js'
export { eventViews } from './event-controls.js'
export type { DwollaEvent, EventView, EventFilter } from './event-store.js'

/** Events: every transition an application's resources make, as Dwolla records them. */
export const events: Resource = {
  name: 'events',
  operations: { listEvents, getEvent },
  adminRoutes: eventsRoutes,
  dashboard: EVENTS_SECTION,
}
