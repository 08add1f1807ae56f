import type { MockContext } from '../../world/mock-context.js'
import type { ExchangeSession, SessionCompletion } from './exchange-session.js'
import type { SessionStore } from './session-store.js'
import { EXCHANGE_SESSIONS } from './sessions-part.js'

/** A session as the test double shows it: the stored fields, `created` as ISO 8601, and its application. */
export type SessionView = Omit<ExchangeSession, 'created'> & { created: string; application: string }

function view(store: SessionStore, session: ExchangeSession): SessionView {
  return { ...structuredClone(session), created: new Date(session.created).toISOString(), application: store.clientId }
}

/** The test double's exchange sessions (/__mock/exchange-sessions): found by id among every application's; reading never makes a store. */
export interface SessionControls {
  list(application?: string): SessionView[]
  get(id: string): SessionView | undefined
  /** Completes the partner's flow, as the user would in the browser or app: what the flow hands back. */
  complete(id: string): { exchangeSession: SessionView; completion: SessionCompletion } | undefined
}

export function sessionControls(mock: MockContext): SessionControls {
  const stores = (): SessionStore[] => mock.worlds.all().flatMap((world) => world.peek(EXCHANGE_SESSIONS) ?? [])
  const find = (id: string): { store: SessionStore; session: ExchangeSession } | undefined => {
    for (const store of stores()) {
      const session = store.get(id)
      if (session !== undefined) return { store, session }
    }
    return undefined
  }
  return {
    list: (application) =>
      stores()
        .filter((store) => application === undefined || store.clientId === application)
        .flatMap((store) => store.snapshot().map((session) => view(store, session))),
    get(id) {
      const found = find(id)
      return found === undefined ? undefined : view(found.store, found.session)
    },
    complete(id) {
      const found = find(id)
      if (found === undefined) return undefined
      const completion = found.store.complete(id)
      return { exchangeSession: view(found.store, found.session), completion }
    },
  }
}
