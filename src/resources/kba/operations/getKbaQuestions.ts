import { DwollaError, NOT_FOUND_MESSAGES } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { kbaOf } from '../kba-part.js'
import { expired } from '../kba-session.js'
import { questionsRepresentation } from '../representation.js'
import { beginKbaCall, NO_LONGER_VALID } from './begin-kba-call.js'

/**
 * GET /kba/{id}: the four questions. Repeatable until answered or expired (inferred); the first
 * read starts the two minutes to answer, on the mock's clock.
 */
export function getKbaQuestions(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, session } = beginKbaCall(request, check, mock, 'getKbaQuestions', NOT_FOUND_MESSAGES.kbaQuestions)
      if (expired(session, mock.clock.nowFor(clientId))) throw new DwollaError('InvalidResourceState', { message: NO_LONGER_VALID })
      const read = kbaOf(mock, clientId).read(session.id)
      return halBody(reply, questionsRepresentation(read, linksFor(request, mock.options.publicUrl)))
    },
  }
}
