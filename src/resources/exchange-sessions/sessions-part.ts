import type { WorldPart } from '../../world/application-world.js'
import { EXCHANGES } from '../exchanges/index.js'
import { SessionStore } from './session-store.js'

/** Most exchange sessions one application keeps; the oldest is forgotten past it (inferred: Dwolla documents no bound). */
export const SESSION_LIMIT = 1_000

/** The worst a session costs in memory: a completed MX session with its two connections, a redirect URL of 2 KiB, and its index entry (test/exchange-sessions/memory.test.ts). */
export const SESSION_BYTES = 4096

/** An application's exchange sessions. A completed re-auth session reactivates its exchange (in the exchanges store). */
export const EXCHANGE_SESSIONS: WorldPart<SessionStore> = {
  name: 'exchange sessions',
  create: (world) =>
    new SessionStore({
      clientId: world.clientId,
      limit: SESSION_LIMIT,
      now: () => world.server.now(),
      reauthenticated: (exchangeId) => {
        const exchanges = world.get(EXCHANGES)
        if (exchanges.get(exchangeId)?.status === 'deactivated') exchanges.setStatus(exchangeId, 'active')
      },
      onChange: () => world.changed(),
    }),
  weigh: (store) => store.size * SESSION_BYTES,
}
