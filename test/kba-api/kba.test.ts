import t from 'tap'
import { NOT_FOUND_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createPersonalVia, idOf, topicsFor } from '../helpers/verification.js'

interface Questions {
  _links: { answer: { href: string } }
  id: string
  questions: Array<{ id: string; text: string; answers: Array<{ id: string; text: string }> }>
}

const NONE = /^(None of the above|I have never been associated with this vehicle)$/
const noneAnswers = (body: Questions) =>
  body.questions.map((question) => ({ questionId: question.id, answerId: (question.answers.find((answer) => NONE.test(answer.text)) as { id: string }).id }))

t.test('the kba flow: initiate, four questions of five answers, "none of the above" passes', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'kba')
  const initiated = await apiRequest(app, 'POST', `/customers/${customer}/kba`, { token, headers: { 'content-type': undefined } })
  t.equal(initiated.statusCode, 201, '201 for a POST with no body and no Content-Type (as dwolla@1.1.1 sends it)')
  t.match(initiated.headers.location, /^http:\/\/localhost:80\/kba\/[0-9a-f-]{36}$/, 'an absolute Location')
  const kba = idOf(initiated)
  const questions = await apiRequest(app, 'GET', `/kba/${kba}`, { token })
  const body = questions.json<Questions>()
  t.equal(body._links.answer.href, `http://localhost:80/kba/${kba}`, 'answer at the session')
  t.same([body.id, body.questions.length], [kba, 4], 'four questions')
  t.ok(
    body.questions.every((question) => question.answers.length === 5 && /^\d+$/.test(question.id)),
    'five answers each, digit ids',
  )
  t.ok(
    body.questions.every((question) => NONE.test((question.answers.at(-1) as { text: string }).text)),
    'the last answer of each is the "none" one',
  )
  t.equal((await apiRequest(app, 'GET', `/kba/${kba}`, { token })).statusCode, 200, 'questions may be read again')
  const verified = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: { answers: noneAnswers(body) } })
  t.same(
    verified.json(),
    {
      _links: { customer: { href: `http://localhost:80/customers/${customer}`, type: 'application/vnd.dwolla.v1.hal+json', 'resource-type': 'customer' } },
      verificationStatus: 'verified',
    },
    'verified',
  )
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'verified', 'the customer is verified')
  t.same(
    await topicsFor(app, token, customer),
    ['customer_created', 'customer_kba_verification_needed', 'customer_kba_verification_passed', 'customer_verified'],
    'passed, then verified',
  )
  const again = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: { answers: noneAnswers(body) } })
  t.same([again.statusCode, again.json()], [403, { code: 'InvalidResourceState', message: 'The kba session is no longer valid.' }], 'one attempt')
  t.equal((await apiRequest(app, 'GET', `/kba/${kba}`, { token })).statusCode, 403, 'nor questions after it')
})

t.test('other answers fail: the customer moves to document', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'kba')
  const kba = idOf(await apiRequest(app, 'POST', `/customers/${customer}/kba`, { token }))
  const body = (await apiRequest(app, 'GET', `/kba/${kba}`, { token })).json<Questions>()
  const answers = body.questions.map((question, index) => ({ questionId: question.id, answerId: (question.answers[index < 2 ? 0 : 4] as { id: string }).id }))
  const failed = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: { answers } })
  t.same([failed.statusCode, failed.json().verificationStatus], [200, 'failed'], 'two of four: failed')
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'document', 'document')
  t.same(
    (await topicsFor(app, token, customer)).slice(-2),
    ['customer_kba_verification_failed', 'customer_verification_document_needed'],
    'failed, then document needed',
  )
})

t.test('three of four "none" pass; two minutes after the first read the session has expired', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'kba')
  const kba = idOf(await apiRequest(app, 'POST', `/customers/${customer}/kba`, { token }))
  const body = (await apiRequest(app, 'GET', `/kba/${kba}`, { token })).json<Questions>()
  app.mockDwolla.clock.advance(2 * 60 * 1000 + 1)
  const late = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: { answers: noneAnswers(body) } })
  t.same([late.statusCode, late.json()], [403, { code: 'InvalidResourceState', message: 'The kba session has expired.' }], 'expired on the mock clock')
  t.equal((await apiRequest(app, 'GET', `/kba/${kba}`, { token })).statusCode, 403, 'its questions are no longer valid')
  const second = idOf(await apiRequest(app, 'POST', `/customers/${customer}/kba`, { token }))
  const fresh = (await apiRequest(app, 'GET', `/kba/${second}`, { token })).json<Questions>()
  app.mockDwolla.clock.advance(119_000)
  const answers = noneAnswers(fresh).map((answer, index) =>
    index === 0 ? { ...answer, answerId: (fresh.questions[0]?.answers[0] as { id: string }).id } : answer,
  )
  t.equal(
    (await apiRequest(app, 'POST', `/kba/${second}`, { token, body: { answers } })).json().verificationStatus,
    'verified',
    'a new session; three of four within two minutes',
  )
})

t.test('the documented errors', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const notKba = await apiRequest(app, 'POST', `/customers/${SEEDED.personalVerified}/kba`, { token })
  t.same(
    [notKba.statusCode, notKba.json()],
    [403, { code: 'InvalidResourceState', message: 'Customer verification status is not valid for kba.' }],
    'a customer not in kba',
  )
  const unknown = await apiRequest(app, 'POST', '/customers/99999999-9999-4999-8999-999999999999/kba', { token })
  t.same([unknown.statusCode, unknown.json()], [404, { code: 'NotFound', message: 'Customer not found. Check CustomerId.' }], 'an unknown customer')
  const noQuestions = await apiRequest(app, 'GET', '/kba/99999999-9999-4999-8999-999999999999', { token })
  t.same(noQuestions.json(), { code: 'NotFound', message: NOT_FOUND_MESSAGES.kbaQuestions }, 'unknown questions')
  const noSession = await apiRequest(app, 'POST', '/kba/99999999-9999-4999-8999-999999999999', { token, body: { answers: [] } })
  t.same(noSession.json(), { code: 'NotFound', message: NOT_FOUND_MESSAGES.kbaSession }, 'an unknown session')
  const kba = idOf(await apiRequest(app, 'POST', `/customers/${SEEDED.personalKba}/kba`, { token }))
  const missing = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: {} })
  t.same([missing.statusCode, missing.json()._embedded.errors[0].path], [400, '/answers'], 'answers required')
  const wrong = await apiRequest(app, 'POST', `/kba/${kba}`, { token, body: { answers: [{ questionId: 1 }] } })
  t.equal(wrong.json()._embedded.errors[0].code, 'Invalid', 'answers of the wrong shape')
  t.equal((await apiRequest(app, 'GET', `/kba/${kba}`, { token: await accessTokenFor(app, 'other-app') })).statusCode, 404, "another application's session")
  await app.inject({ method: 'POST', url: `/__mock/customers/${SEEDED.personalKba}/status`, payload: { status: 'verified', application: 'key' } })
  t.equal((await apiRequest(app, 'GET', `/kba/${kba}`, { token })).json().message, 'The kba session is no longer valid.', 'a customer no longer in kba')
})
