import { DwollaError, NOT_FOUND_MESSAGES, validationError } from '../../../errors.js'
import { linksFor } from '../../../hal/base-url.js'
import { halBody } from '../../../hal/send-hal.js'
import type { OperationHandler } from '../../../http/openapi-routes.js'
import type { MockContext } from '../../../world/mock-context.js'
import { customersOf } from '../../customers/index.js'
import { kbaOf } from '../kba-part.js'
import { answersPass, expired } from '../kba-session.js'
import { resultRepresentation } from '../representation.js'
import { beginKbaCall } from './begin-kba-call.js'

type Answer = { questionId: string; answerId: string }

/**
 * POST /kba/{id} `{"answers":[{questionId, answerId}, …]}`: the session's one attempt. At least
 * three "none of the above" answers pass (the sandbox's rule, balance/testing/customers.mdx):
 * `customer_kba_verification_passed`, then the customer is verified (`customer_verified`).
 * Otherwise `customer_kba_verification_failed`, then it moves to `document`
 * (`customer_verification_document_needed`). Two minutes after the first read, `403 "The kba
 * session has expired."`. `verificationStatus` is `verified` or `failed` (inferred).
 */
export function verifyKbaQuestions(mock: MockContext): OperationHandler {
  return {
    errorModel: 'dwolla',
    handle(request, reply, check) {
      const { clientId, problems, session } = beginKbaCall(request, check, mock, 'verifyKbaQuestions', NOT_FOUND_MESSAGES.kbaSession)
      if (problems.unreadableBody) throw new DwollaError('BadRequest')
      const answers = answersOf(request.body)
      if (expired(session, mock.clock.nowFor(clientId))) throw new DwollaError('InvalidResourceState', { message: 'The kba session has expired.' })
      const world = mock.worlds.open(clientId)
      kbaOf(mock, clientId).answer(session.id)
      const passed = answersPass(answers)
      world.raise({
        topic: passed ? 'customer_kba_verification_passed' : 'customer_kba_verification_failed',
        resourceType: 'customer',
        resourceId: session.customerId,
        customerId: session.customerId,
        at: world.server.now(),
      })
      customersOf(mock, clientId).setStatus(session.customerId, passed ? 'verified' : 'document')
      return halBody(reply, resultRepresentation(session.customerId, passed, linksFor(request, mock.options.publicUrl)))
    },
  }
}

/** The answers, each `{questionId, answerId}` strings; anything else is a ValidationError at `/answers` (inferred). */
function answersOf(body: unknown): Answer[] {
  const answers = (body as { answers?: unknown }).answers
  if (answers === undefined) throw validationError([{ code: 'Required', message: 'Answers required.', path: '/answers', _links: {} }])
  const valid =
    Array.isArray(answers) &&
    answers.length <= 4 &&
    answers.every((answer: unknown) => {
      const { questionId, answerId } = (answer ?? {}) as Record<string, unknown>
      return typeof questionId === 'string' && typeof answerId === 'string'
    })
  if (!valid) throw validationError([{ code: 'Invalid', message: 'Answers invalid.', path: '/answers', _links: {} }])
  return answers as Answer[]
}
