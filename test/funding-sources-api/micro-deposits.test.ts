import t from 'tap'
import { DWOLLA_MEDIA_TYPE, FUNDING_SOURCE_MESSAGES } from '../../src/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { amounts, bankBody, createFundingSourceVia, relations } from '../helpers/funding-sources.js'

const BASE = 'http://localhost:80'
const microDeposits = (id: string) => ({ href: `${BASE}/funding-sources/${id}/micro-deposits`, type: DWOLLA_MEDIA_TYPE, 'resource-type': 'micro-deposits' })

t.test('initiate: 201 with a Location a GET follows; pending; customer_microdeposits_added', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  const before = await apiRequest(app, 'GET', `/funding-sources/${id}/micro-deposits`, { token })
  t.same([before.statusCode, before.json().code], [404, 'NotFound'], 'never initiated: 404')
  // As the dwolla SDK sends it: no body, no content type.
  const initiated = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, headers: { 'content-type': undefined } })
  t.same([initiated.statusCode, initiated.body], [201, ''], '201, no body')
  t.equal(initiated.headers.location, microDeposits(id).href, 'Location: the micro-deposits')
  const got = await apiRequest(app, 'GET', new URL(initiated.headers.location as string).pathname, { token })
  t.same(got.json(), { _links: { self: microDeposits(id) }, created: got.json().created, status: 'pending' }, 'pending, no verify link yet')
  t.same(
    relations((await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()),
    ['self', 'customer', 'remove', 'transfer-receive'],
    'no micro-deposit link while pending',
  )
  t.equal(app.mockDwolla.events.all({ topic: 'customer_microdeposits_added' })[0]?.resourceId, id, 'customer_microdeposits_added, about the bank')
  for (const [name, options] of [
    ['dwolla-v2: application/json and no body', { payload: '' }],
    ['{}', { body: {} }],
  ] as const) {
    const again = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, ...options })
    t.same(
      [again.statusCode, again.json()],
      [400, { code: 'MaxNumberOfResources', message: FUNDING_SOURCE_MESSAGES.microDepositsInitiated }],
      `${name}: an initiate, the second`,
    )
  }
})

t.test('verify: 200 with a JSON body; the bank verified; customer_funding_source_verified', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody())
  await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  const verified = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, {
    token,
    body: amounts('0.02', '0.03'),
    headers: { 'content-type': DWOLLA_MEDIA_TYPE },
  })
  t.same([verified.statusCode, verified.json()], [200, { _links: { self: microDeposits(id) } }], '200 and its self')
  const bank = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.equal(bank.status, 'verified', 'verified')
  t.same(
    relations(bank),
    ['self', 'customer', 'remove', 'transfer-from-balance', 'transfer-to-balance', 'transfer-send', 'transfer-receive'],
    'a verified bank’s links',
  )
  t.equal(app.mockDwolla.events.all({ topic: 'customer_funding_source_verified' })[0]?.resourceId, id, 'customer_funding_source_verified')
  const again = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: amounts('0.02', '0.03') })
  t.same([again.statusCode, again.json().message], [403, FUNDING_SOURCE_MESSAGES.alreadyVerified], 'again: Bank already verified.')
  const initiate = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  t.same([initiate.statusCode, initiate.json().message], [403, FUNDING_SOURCE_MESSAGES.alreadyVerified], 'initiating a verified bank: Bank already verified.')
})

t.test('wrong amounts: 400 Wrong amount(s).; the third raises maxattempts and shows failed-verification-micro-deposits', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  for (const attempt of [1, 2, 3]) {
    const wrong = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: amounts('0.11', '0.12') })
    t.same(
      [wrong.statusCode, wrong.json()._embedded.errors],
      [400, [{ code: 'Invalid', message: FUNDING_SOURCE_MESSAGES.wrongAmounts, path: '/amount1/value', _links: {} }]],
      `attempt ${attempt}: Wrong amount(s).`,
    )
  }
  t.equal(app.mockDwolla.events.all({ topic: 'customer_microdeposits_maxattempts' }).length, 1, 'customer_microdeposits_maxattempts, once')
  const bank = (await apiRequest(app, 'GET', `/funding-sources/${id}`, { token })).json()
  t.same(relations(bank), ['self', 'customer', 'remove', 'failed-verification-micro-deposits', 'transfer-receive'], 'failed-verification-micro-deposits')
  const fourth = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: amounts('0.02', '0.03') })
  t.same(
    [fourth.statusCode, fourth.json()],
    [403, { code: 'InvalidResourceState', message: FUNDING_SOURCE_MESSAGES.tooManyAttempts }],
    'then: Too many attempts.',
  )
})

t.test('the sandbox’s 0.09 and 0.09 use up the attempts at once', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  const sentinel = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: amounts('0.09', '0.09') })
  t.same([sentinel.statusCode, sentinel.json()._embedded.errors[0].message], [400, FUNDING_SOURCE_MESSAGES.wrongAmounts], 'Wrong amount(s).')
  const next = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: amounts('0.02', '0.03') })
  t.same([next.statusCode, next.json().message], [403, FUNDING_SOURCE_MESSAGES.tooManyAttempts], 'no attempt left')
})

t.test('POST /sandbox-simulations processes pending micro-deposits: verify-micro-deposits; R03 fails and removes the bank', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const good = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('1111'))
  const r03 = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody('2222', { name: 'R03' }))
  for (const id of [good, r03]) await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  const simulated = await apiRequest(app, 'POST', '/sandbox-simulations', { token, payload: '' })
  t.equal(simulated.json().total, 2, 'total: the two micro-deposits')
  const processed = await apiRequest(app, 'GET', `/funding-sources/${good}/micro-deposits`, { token })
  t.same(
    processed.json(),
    { _links: { self: microDeposits(good), 'verify-micro-deposits': microDeposits(good) }, created: processed.json().created, status: 'processed' },
    'processed, verifiable',
  )
  t.ok(
    relations((await apiRequest(app, 'GET', `/funding-sources/${good}`, { token })).json()).includes('verify-micro-deposits'),
    'the bank shows verify-micro-deposits',
  )
  const failed = await apiRequest(app, 'GET', `/funding-sources/${r03}/micro-deposits`, { token })
  t.same(
    [failed.json().status, failed.json().failure],
    ['failed', { code: 'R03', description: 'No Account/Unable to Locate Account' }],
    'R03: failed, with the return',
  )
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${r03}`, { token })).json().removed, true, 'and the bank removed')
  t.same(
    app.mockDwolla.events
      .all({ application: 'key' })
      .filter((event) => event.topic.includes('microdeposits_completed') || event.topic.includes('microdeposits_failed') || event.topic.includes('removed'))
      .map((event) => [event.topic, event.resourceId]),
    [
      ['customer_microdeposits_completed', good],
      ['customer_microdeposits_failed', r03],
      ['customer_funding_source_removed', r03],
    ],
    'the events, in order',
  )
  t.equal((await apiRequest(app, 'POST', '/sandbox-simulations', { token, payload: '' })).json().total, 0, 'a second run: nothing left')
  const verified = await apiRequest(app, 'POST', `/funding-sources/${good}/micro-deposits`, { token, body: amounts('0.05', '0.07') })
  t.equal(verified.statusCode, 200, 'processed deposits verify too')
})

t.test('what has no micro-deposits, and bodies that are not amounts', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const list = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  const balance = list.json()._embedded['funding-sources'][0].id
  for (const body of [undefined, amounts('0.02', '0.03')]) {
    const response = await apiRequest(app, 'POST', `/funding-sources/${balance}/micro-deposits`, { token, ...(body === undefined ? {} : { body }) })
    t.same([response.statusCode, response.json().code], [404, 'NotFound'], `a balance: 404 (${body === undefined ? 'initiate' : 'verify'})`)
  }
  const id = await createFundingSourceVia(app, token, SEEDED.unverified, bankBody())
  await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token })
  for (const [name, payload] of [
    ['an array', '[1]'],
    ['a string', '"0.02"'],
    ['not JSON', '{"amount1":'],
  ]) {
    const response = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, payload })
    t.same([response.statusCode, response.json().code], [400, 'BadRequest'], `${name}: BadRequest`)
  }
  const missing = await apiRequest(app, 'POST', `/funding-sources/${id}/micro-deposits`, { token, body: { amount1: { value: '0.02', currency: 'USD' } } })
  t.same(missing.json()._embedded.errors, [{ code: 'Required', message: 'Amount2 required.', path: '/amount2', _links: {} }], 'amount2 missing')
})
