import t from 'tap'
import { SEEDED } from '../helpers/customers.js'
import { actionsOf, openDashboard, rowKeys, type PageAction } from '../helpers/dashboard.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { createPersonalVia, idOf, pngOf, topicsFor, upload } from '../helpers/verification.js'
import type { FastifyInstance } from 'fastify'

/** Presses a button as the page's script does: its call, with the fields' values added to its body. */
function press(app: FastifyInstance, action: PageAction | undefined, fields: Record<string, unknown> = {}) {
  if (action === undefined) throw new Error('no such button on the page')
  return app.inject({ method: action.method as 'POST', url: action.path, payload: { ...(action.body as object), ...fields } })
}

async function actionsOnRow(app: FastifyInstance, section: string, id: string): Promise<PageAction[]> {
  const page = (await openDashboard(app, `?section=${section}`)).body
  const row = page.slice(page.indexOf(`<tr data-row="${section}:${id}"`))
  return actionsOf(row.slice(0, row.indexOf('</tr>')))
}

const byLabel = (actions: PageAction[], label: string) => actions.find((action) => action.label === label)

t.test('funding sources: a bank’s micro-deposits sent and verified from its row, another’s failed, a rename to R01', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bank = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('1111'))
  const other = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('2222', { name: 'Other bank' }))

  const page = (await openDashboard(app, '?section=funding-sources')).body
  const keys = rowKeys(page, 'funding-sources')
  t.same(keys.slice(0, 2), [other, bank], 'newest first')
  t.ok(keys.length >= 3, 'the Account’s own and the customer’s balance too')
  t.same(
    (await actionsOnRow(app, 'funding-sources', bank)).map((action) => [action.label, action.path]),
    [
      ['Rename', `/__mock/funding-sources/${bank}/name`],
      ['Send micro-deposits', `/__mock/funding-sources/${bank}/micro-deposits`],
    ],
    'an unverified bank without micro-deposits: rename, send them',
  )

  const sent = await press(app, byLabel(await actionsOnRow(app, 'funding-sources', bank), 'Send micro-deposits'))
  t.equal(sent.statusCode, 200, 'sent')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${bank}/micro-deposits`, { token })).json().status, 'pending', 'the API shows them pending')
  const verifyActions = await actionsOnRow(app, 'funding-sources', bank)
  t.same(
    verifyActions.map((action) => action.label),
    ['Rename', 'Verify micro-deposits', 'Fail micro-deposits'],
    'then verify or fail them',
  )
  t.equal((await press(app, byLabel(verifyActions, 'Verify micro-deposits'))).statusCode, 200, 'verified')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${bank}`, { token })).json().status, 'verified', 'the bank is verified, as the API says')
  t.same(
    (await topicsFor(app, token, bank)).slice(-2),
    ['customer_microdeposits_added', 'customer_funding_source_verified'],
    'with the events the API’s calls raise',
  )
  t.same(
    (await actionsOnRow(app, 'funding-sources', bank)).map((action) => action.label),
    ['Rename'],
    'a verified bank can only be renamed',
  )

  await press(app, byLabel(await actionsOnRow(app, 'funding-sources', other), 'Send micro-deposits'))
  t.equal((await press(app, byLabel(await actionsOnRow(app, 'funding-sources', other), 'Fail micro-deposits'))).statusCode, 200, 'failed')
  const tooMany = await apiRequest(app, 'POST', `/funding-sources/${other}/micro-deposits`, {
    token,
    body: { amount1: { value: '0.03', currency: 'USD' }, amount2: { value: '0.03', currency: 'USD' } },
  })
  t.same([tooMany.statusCode, tooMany.json().message], [403, 'Too many attempts.'], 'the attempts are used up, as the API says')
  t.ok((await topicsFor(app, token, other)).includes('customer_microdeposits_maxattempts'), 'customer_microdeposits_maxattempts raised')
  t.match((await openDashboard(app, '?section=funding-sources')).body, /attempts used up/, 'and the row says so')

  const renamed = await press(app, byLabel(await actionsOnRow(app, 'funding-sources', bank), 'Rename'), { name: 'R01' })
  t.equal(renamed.json().fundingSource.name, 'R01', 'the test double’s answer')
  t.equal((await apiRequest(app, 'GET', `/funding-sources/${bank}`, { token })).json().name, 'R01', 'the API shows the new name')
})

t.test('funding sources in the test double: unknown ids, bad actions and names are refused', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const bank = await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('1111'))
  const unknown = '00000000-0000-4000-8000-000000000000'
  const post = (path: string, payload: unknown) => app.inject({ method: 'POST', url: `/__mock/funding-sources/${path}`, payload: payload as object })
  t.same((await post(`${unknown}/name`, { name: 'R01' })).json().error, 'NotFound', 'an unknown funding source')
  t.same((await post(`${bank}/name`, { name: 'R01', application: 'other' })).statusCode, 404, 'another application’s')
  t.same((await post(`${bank}/name`, { name: 7 })).json().error, 'InvalidName', 'a name that is no string')
  t.same((await post(`${bank}/name`, { name: '' })).json().error, 'ValidationError', 'an empty name, refused as the API refuses it')
  t.same((await post(`${bank}/micro-deposits`, { action: 'approve' })).json().error, 'InvalidAction', 'an unknown action')
  t.same((await post(`${bank}/micro-deposits`, { action: 'verify' })).json().error, 'NotFound', 'verifying before any were sent: the API’s 404')
  t.same(
    (await app.inject({ method: 'POST', url: `/__mock/funding-sources/${bank}/name`, payload: [] })).json().error,
    'InvalidBody',
    'a body that is no object',
  )
  t.throws(() => app.mockDwolla.fundingSources.rename(unknown, 'R01'), { code: 'NotFound' }, 'in process too')
  t.equal(app.mockDwolla.fundingSources.microDeposits(bank, 'initiate').microDeposits?.status, 'pending', 'and in process it acts')
})

t.test('balances: each with what it has available and in all; Set balance moves it through the ledger', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
  const balance = app.mockDwolla.fundingSources.list({ application: 'key', customer: SEEDED.personalVerified }).find((source) => source.type === 'balance')
  const page = (await openDashboard(app, '?section=balances')).body
  t.ok(rowKeys(page, 'balances').includes(balance?.id as string), 'the customer’s balance listed')
  t.match(page, /\$5000\.00/, 'the Account’s opening $5,000')

  const setBalance = byLabel(await actionsOnRow(app, 'balances', balance?.id as string), 'Set balance')
  t.same(setBalance?.path, `/__mock/funding-sources/${balance?.id}/balance`, 'the test double’s own call')
  t.equal((await press(app, setBalance, { value: '125.50' })).statusCode, 200, 'set')
  const read = await apiRequest(app, 'GET', `/funding-sources/${balance?.id}/balance`, { token })
  t.same(read.json().balance, { value: '125.50', currency: 'USD' }, 'the API reads the new balance')
  t.match((await openDashboard(app, '?section=balances')).body, /\$125\.50/, 'and the row shows it')
})

t.test('documents: a pending one approved or rejected from its row, as a reviewer would', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const customer = await createPersonalVia(app, token, 'document')
  const first = idOf(await upload(app, token, `/customers/${customer}/documents`, pngOf(600)))
  const second = idOf(await upload(app, token, `/customers/${customer}/documents`, pngOf(700)))
  const page = (await openDashboard(app, '?section=documents')).body
  t.same(rowKeys(page, 'documents'), [second, first], 'newest first')
  const actions = await actionsOnRow(app, 'documents', first)
  t.same(
    actions.map((action) => [action.label, action.path, action.body]),
    [
      ['Approve', `/__mock/documents/${first}/review`, { application: 'key', outcome: 'approve' }],
      ['Reject', `/__mock/documents/${first}/review`, { application: 'key', outcome: 'reject' }],
    ],
    'approve, or reject with a reason',
  )
  t.equal((await press(app, byLabel(actions, 'Reject'), { failureReason: 'ScanDobMismatch' })).statusCode, 200, 'rejected')
  const rejected = (await apiRequest(app, 'GET', `/documents/${first}`, { token })).json()
  t.same([rejected.documentVerificationStatus, rejected.failureReason], ['rejected', 'ScanDobMismatch'], 'the API shows the reason given')
  t.same(await actionsOnRow(app, 'documents', first), [], 'a reviewed document has no buttons')

  t.equal((await press(app, byLabel(await actionsOnRow(app, 'documents', second), 'Approve'))).statusCode, 200, 'approved')
  t.equal((await apiRequest(app, 'GET', `/customers/${customer}`, { token })).json().status, 'verified', 'the customer is verified')
  t.same((await topicsFor(app, token, second)).slice(-1), ['customer_verification_document_approved'], 'with the approval’s event')
})
