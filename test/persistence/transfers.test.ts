import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { buildServer } from '../../src/index.js'
import { IDEMPOTENCY, IDEMPOTENCY_WINDOW_MS } from '../../src/resources/idempotency/index.js'
import { idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest } from '../helpers/mock.js'
import { tempFolder } from '../helpers/temp-folder.js'
import { createTransferVia, partiesVia, simulateVia, transferBody } from '../helpers/transfers.js'

t.test('--state keeps transfers, their pending legs, late failures and Idempotency-Keys across restarts', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile, autoVerifyBanks: true })
  const token = await accessTokenFor(first)
  const parties = await partiesVia(first, token, { receiveOnly: 'R03-late' })
  const keyed = await createTransferVia(first, token, transferBody(parties.account.balance, parties.verified.balance, '20.00'), { 'idempotency-key': 'kept' })
  const pending = await createTransferVia(first, token, transferBody(parties.verified.bank, parties.business.bank, '30.00'))
  const late = await createTransferVia(first, token, transferBody(parties.account.balance, parties.receiveOnly.bank, '40.00'))
  t.equal(await simulateVia(first, token), 2, 'one simulation: the funding leg and the R03-late credit (which processes first)')
  const read = async (app: typeof first, bearer: string, id: string) => (await apiRequest(app, 'GET', `/transfers/${id}`, { token: bearer })).json()
  const before = await Promise.all([keyed, pending, late].map((id) => read(first, token, id)))
  await first.close()

  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  const entry = saved.applications.find((application: { transfers?: unknown[] }) => Array.isArray(application.transfers))
  t.ok(entry.transfers.length >= 5, `the transfers in the application’s entry (${entry.transfers.length}, legs included)`)
  t.equal(entry.idempotencyKeys.length, 1, 'the Idempotency-Key, as a digest')
  t.notOk(JSON.stringify(entry.idempotencyKeys).includes('kept'), 'never the key itself')

  const second = await buildServer({ stateFile, autoVerifyBanks: true })
  t.teardown(() => second.close())
  const again = await accessTokenFor(second)
  const after = await Promise.all([keyed, pending, late].map((id) => read(second, again, id)))
  t.same(after, before, 'every transfer as it was')
  const replay = await apiRequest(second, 'POST', '/transfers', {
    token: again,
    body: transferBody(parties.account.balance, parties.verified.balance, '20.00'),
    headers: { 'idempotency-key': 'kept' },
  })
  t.same([replay.statusCode, idOf(replay.headers.location)], [201, keyed], 'the key answers the first Location after the restart')
  t.equal(await simulateVia(second, again), 2, 'the next run, after the restart: the withdrawal leg, and the late failure')
  const failed = await read(second, again, late)
  t.equal(failed.status, 'failed', 'R03-late failed on the next run, across the restart')
  t.equal(second.mockDwolla.balances.get(parties.account.balance)?.balance, '4980.00', 'the Account got the failed $40.00 back: 5000 − 20')
})

t.test('a state file whose transfer is malformed is refused, named by its pointer', async (t) => {
  const { path } = await tempFolder(t)
  const stateFile = join(path, 'state.json')
  const first = await buildServer({ stateFile, autoVerifyBanks: true })
  const token = await accessTokenFor(first)
  const parties = await partiesVia(first, token)
  await createTransferVia(first, token, transferBody(parties.account.balance, parties.verified.balance, '1.00'))
  await first.close()
  const saved = JSON.parse(await readFile(stateFile, 'utf8'))
  const entry = saved.applications.find((application: { transfers?: unknown[] }) => Array.isArray(application.transfers))
  entry.transfers[0].amount = -5
  await writeFile(stateFile, JSON.stringify(saved))
  await t.rejects(buildServer({ stateFile }), /transfers\/0\/amount/, 'refused at /applications/…/transfers/0/amount')
})

t.test('with a state file, a repeat while the first answer waits for the disk answers 409 Conflict', async (t) => {
  const { path } = await tempFolder(t)
  const app = await buildServer({ stateFile: join(path, 'state.json'), autoVerifyBanks: true })
  t.teardown(() => app.close())
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token)
  const send = () =>
    apiRequest(app, 'POST', '/transfers', {
      token,
      body: transferBody(parties.account.balance, parties.verified.balance, '3.00'),
      headers: { 'idempotency-key': 'in-flight' },
    })
  const answers = await Promise.all(Array.from({ length: 20 }, send))
  const statuses = answers.map((answer) => answer.statusCode)
  t.ok(statuses.includes(409), `a repeat in flight: 409 (${statuses.join(' ')})`)
  t.same(answers.find((answer) => answer.statusCode === 409)?.json().code, 'Conflict', 'Conflict, in Dwolla’s shape')
  t.equal(new Set(answers.filter((answer) => answer.statusCode === 201).map((answer) => answer.headers.location)).size, 1, 'one Location')
  t.equal(app.mockDwolla.balances.get(parties.verified.balance)?.balance, '3.00', 'one transfer made')
  const after = await send()
  t.equal(after.statusCode, 201, 'once answered, the key replays the Location')
})

t.test('an Idempotency-Key is kept 24 hours: after that the same key makes a new transfer', async (t) => {
  const app = await buildServer({ autoVerifyBanks: true })
  t.teardown(() => app.close())
  const parties = await partiesVia(app, await accessTokenFor(app))
  // A fresh access token each time: the clock passes their hour.
  const send = async () =>
    apiRequest(app, 'POST', '/transfers', {
      token: await accessTokenFor(app),
      body: transferBody(parties.account.balance, parties.verified.balance, '2.00'),
      headers: { 'idempotency-key': 'day' },
    })
  const first = await send()
  t.equal(app.mockDwolla.worlds.open('key').get(IDEMPOTENCY).size, 1, 'one record kept')
  app.mockDwolla.clock.advance(IDEMPOTENCY_WINDOW_MS - 1000)
  t.equal((await send()).headers.location, first.headers.location, 'within the day: the same Location')
  app.mockDwolla.clock.advance(2000)
  const later = await send()
  t.not(later.headers.location, first.headers.location, 'a day later: a new transfer')
  t.equal(app.mockDwolla.balances.get(parties.verified.balance)?.balance, '4.00', 'two transfers in all')
})
