import type { MockContext } from '../../world/mock-context.js'
import { eventView, type DwollaEvent, type EventFilter, type EventView } from './event-store.js'
import { EVENTS } from './events-part.js'

/** Every application's events for the test double, oldest first; reading makes no store. */
export function eventViews(context: MockContext, filter: EventFilter = {}): EventView[] {
  const resourceId = filter.resourceId?.toLowerCase()
  const customerId = filter.customerId?.toLowerCase()
  const worlds = filter.application === undefined ? context.worlds.all() : [context.worlds.find(filter.application) ?? []].flat()
  const found: DwollaEvent[] = []
  for (const world of worlds) {
    for (const event of world.peek(EVENTS)?.oldestFirst() ?? []) {
      if (filter.topic !== undefined && event.topic !== filter.topic) continue
      if (resourceId !== undefined && event.resourceId !== resourceId) continue
      if (customerId !== undefined && event.customerId !== customerId) continue
      found.push(event)
    }
  }
  return found.sort((a, b) => a.sequence - b.sequence).map(eventView)
}
