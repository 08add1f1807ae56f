import type { ServiceKey, WorldPart } from '../../world/application-world.js'
import { EventStore } from './event-store.js'

/** Events are numbered across every application, so the test double can list them oldest first. */
export const EVENT_SEQUENCE: ServiceKey<{ next(): number }> = {
  name: 'event sequence',
  create: () => {
    let last = 0
    return { next: () => (last += 1) }
  },
}

/** The worst an event costs in memory: its fields, its id and its place in the store's Map. */
export const EVENT_BYTES = 512

/** An application's events, at most `eventLimit` of them. */
export const EVENTS: WorldPart<EventStore> = {
  name: 'events',
  create(world) {
    const sequence = world.server.service(EVENT_SEQUENCE)
    return new EventStore(world.clientId, world.server.options.eventLimit, () => sequence.next())
  },
  weigh: (store) => store.size * EVENT_BYTES,
}
