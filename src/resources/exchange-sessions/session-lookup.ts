import { DwollaError, NOT_FOUND_MESSAGES } from '../../errors.js'
import type { HalLinks } from '../../hal/hal-links.js'
import type { MockContext } from '../../world/mock-context.js'
import { sessionRepresentation } from './representation.js'
import { EXCHANGE_SESSIONS } from './sessions-part.js'

/** A session of the application as its representation, else 404 notFound "Exchange session not found.". */
export function representationOrNotFound(mock: MockContext, clientId: string, id: string, links: HalLinks): Record<string, unknown> {
  const session = mock.worlds.open(clientId).get(EXCHANGE_SESSIONS).get(id)
  if (session === undefined) throw new DwollaError('notFound', { message: NOT_FOUND_MESSAGES.exchangeSession })
  return sessionRepresentation(session, links)
}
