import type { HalLinks } from '../../hal/hal-links.js'
import { KBA_QUESTIONS, type KbaSession } from './kba-session.js'

/** GET /kba/{id}: `_links.answer` (where to POST), the id and the questions (kba/retrieve-kba-questions.mdx). */
export function questionsRepresentation(session: KbaSession, links: HalLinks): Record<string, unknown> {
  return {
    _links: { answer: links.to('kba', session.id) },
    id: session.id,
    questions: KBA_QUESTIONS.map(({ id, text, answers }) => ({ id, text, answers: answers.map((answer) => ({ ...answer })) })),
  }
}

/** POST /kba/{id}: the customer's link and the outcome (kba/verify-kba-questions.mdx). */
export function resultRepresentation(customerId: string, passed: boolean, links: HalLinks): Record<string, unknown> {
  return { _links: { customer: links.to('customer', customerId) }, verificationStatus: passed ? 'verified' : 'failed' }
}
