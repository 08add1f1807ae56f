/**
 * A KBA (knowledge-based authentication) session as mock-dwolla keeps it, and the sandbox's
 * questions (balance/api-reference/kba/*.mdx, personal handle-verification-statuses.mdx): four
 * questions of five answers each, the last answer of each "None of the above" or, for the
 * vehicle question, "I have never been associated with this vehicle". Ids are digit strings, as
 * Dwolla's; these are the ids Dwolla's own SDK suite answers with.
 */
export interface KbaSession {
  /** A lowercase UUID. */
  id: string
  customerId: string
  created: number
  /** When its questions were first read: the two minutes to answer start then. */
  readAt?: number
  /** Its one attempt has been used. */
  answered?: boolean
}

export interface KbaQuestion {
  id: string
  text: string
  answers: ReadonlyArray<{ id: string; text: string }>
  /** The answer that passes in the sandbox ("none of the above"). */
  noneId: string
}

/** "Two minutes from retrieving the questions to answering" (kba/verify-kba-questions.mdx). */
export const KBA_ANSWER_WINDOW_MS = 2 * 60 * 1000

function question(id: string, text: string, choices: readonly string[], firstAnswerId: number): KbaQuestion {
  const answers = choices.map((choice, index) => ({ id: String(firstAnswerId + index * 10), text: choice }))
  return { id, text, answers, noneId: (answers.at(-1) as { id: string }).id }
}

export const KBA_QUESTIONS: readonly KbaQuestion[] = [
  question('2355953375', 'Which of these counties have you lived in?', ['Polk', 'Story', 'Dallas', 'Warren', 'None of the above'], 2687969295),
  question(
    '2355953385',
    'Which of these vehicles have you owned or leased?',
    ['2012 Ford Focus', '2015 Honda Civic', '2009 Toyota Camry', '2018 Subaru Outback', 'I have never been associated with this vehicle'],
    2687969345,
  ),
  question('2355953395', 'Which of these street names have you had an address on?', ['Elm', 'Grand', 'Ingersoll', 'Fleur', 'None of the above'], 2687969395),
  question(
    '2355953405',
    'Which of these lenders has given you a mortgage?',
    ['First Federal', 'Hawkeye Bank', 'Prairie Credit', 'River Trust', 'None of the above'],
    2687969445,
  ),
]

/** Whether a session's answers pass: at least three of the four questions answered "none" (sandbox rule; 3 of 4 is the documented pass mark). */
export function answersPass(answers: ReadonlyArray<{ questionId: string; answerId: string }>): boolean {
  const passed = new Set<string>()
  for (const { questionId, answerId } of answers) {
    const asked = KBA_QUESTIONS.find((candidate) => candidate.id === questionId)
    if (asked !== undefined && asked.noneId === answerId) passed.add(questionId)
  }
  return passed.size >= 3
}

/** Whether a session's two minutes to answer are over at `now`. */
export function expired(session: KbaSession, now: number): boolean {
  return session.readAt !== undefined && now > session.readAt + KBA_ANSWER_WINDOW_MS
}
