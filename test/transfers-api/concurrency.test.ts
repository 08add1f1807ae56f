import { randomInt } from 'node:crypto'
import t from 'tap'
import { LEDGER } from '../../src/resources/balances/index.js'
import { transferOf } from '../../src/resources/transfers/index.js'
import { idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { partiesVia, transferBody } from '../helpers/transfers.js'

const cents = (value: string) => Math.round(Number(value) * 100)

t.test('200 concurrent transfers from one balance never pay out more than it holds', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token)
  app.mockDwolla.balances.set(parties.verified.balance, '100.00')
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: 200 }, () =>
      apiRequest(app, 'POST', '/transfers', { token, body: transferBody(parties.verified.balance, parties.business.balance, '1.00') }),
    ),
  )
  const elapsed = performance.now() - started
  const created = answers.filter((answer) => answer.statusCode === 201).length
  const refused = answers.filter((answer) => answer.statusCode === 400 && answer.json()._embedded.errors[0].code === 'InsufficientFunds').length
  t.equal(created, 100, 'exactly what the balance held: 100 transfers of $1.00')
  t.equal(refused, 100, 'the other 100 refused with InsufficientFunds')
  t.equal(app.mockDwolla.balances.get(parties.verified.balance)?.balance, '0.00', 'the payer is at zero, never below')
  t.equal(app.mockDwolla.balances.get(parties.business.balance)?.balance, '100.00', 'the payee has every dollar')
  t.ok(elapsed < 10_000, `200 concurrent transfers answered in ${Math.round(elapsed)} ms`)
})

t.test('the same Idempotency-Key, 50 times at once: one transfer, every answer its Location', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token)
  const answers = await Promise.all(
    Array.from({ length: 50 }, () =>
      apiRequest(app, 'POST', '/transfers', {
        token,
        body: transferBody(parties.account.balance, parties.verified.balance, '10.00'),
        headers: { 'idempotency-key': 'same-key' },
      }),
    ),
  )
  const locations = new Set(answers.filter((answer) => answer.statusCode === 201).map((answer) => answer.headers.location))
  const conflicts = answers.filter((answer) => answer.statusCode === 409).length
  t.equal(locations.size, 1, 'one Location for every 201')
  t.equal(
    answers.length - conflicts,
    [...answers].filter((answer) => answer.statusCode === 201).length,
    'every answer is 201, or 409 while the first was in flight',
  )
  t.equal(app.mockDwolla.balances.get(parties.verified.balance)?.balance, '10.00', 'one transfer made: $10.00 moved once')
  const listed = await apiRequest(app, 'GET', `/customers/${parties.verified.customer}/transfers`, { token })
  t.equal(listed.json().total, 1, 'one transfer listed')
  t.equal(app.mockDwolla.events.all({ topic: 'customer_transfer_created' }).length, 1, 'one set of events')
})

t.test('money is conserved under many concurrent random operations: transfers, cancels, simulations, failures', async (t) => {
  const app = await mockFor(t, { autoVerifyBanks: true })
  const token = await accessTokenFor(app)
  const parties = await partiesVia(app, token, { unverified: 'R03', receiveOnly: 'R01-late' })
  const world = app.mockDwolla.worlds.open('key')
  const ledger = world.get(LEDGER)
  const balances = [parties.account.balance, parties.verified.balance, parties.business.balance]
  const sources = [...balances, parties.account.bank, parties.verified.bank, parties.business.bank, parties.unverified.bank]
  const destinations = [...balances, parties.account.bank, parties.verified.bank, parties.business.bank, parties.unverified.bank, parties.receiveOnly.bank]
  const sumOfBalances = () => balances.reduce((sum, id) => sum + cents(app.mockDwolla.balances.get(id)?.balance ?? '0'), 0)
  const created: string[] = []
  const operation = async (): Promise<void> => {
    const roll = randomInt(10)
    if (roll < 6) {
      const from = sources[randomInt(sources.length)] as string
      const to = destinations[randomInt(destinations.length)] as string
      const answer = await apiRequest(app, 'POST', '/transfers', {
        token,
        body: transferBody(from, to, `${randomInt(1, 300)}.${String(randomInt(100)).padStart(2, '0')}`),
      })
      if (answer.statusCode === 201) created.push(idOf(answer.headers.location))
      else t.equal(answer.statusCode, 400, `a refusal is a 400 (${answer.body.slice(0, 120)})`)
    } else if (roll < 8 && created.length > 0) {
      const answer = await apiRequest(app, 'POST', `/transfers/${created[randomInt(created.length)] as string}`, { token, body: { status: 'cancelled' } })
      t.ok(answer.statusCode === 200 || answer.statusCode === 400, 'a cancel is done or refused')
    } else {
      const answer = await apiRequest(app, 'POST', '/sandbox-simulations', { token })
      t.equal(answer.statusCode, 200, 'a simulation runs')
    }
  }
  for (let round = 0; round < 10; round += 1) {
    await Promise.all(Array.from({ length: 30 }, () => operation()))
    t.equal(ledger.sum(), 0, `round ${round}: the ledger adds up to zero`)
  }
  // Settle everything: late failures come back, every pending leg processes.
  for (let run = 0; run < 4; run += 1) await apiRequest(app, 'POST', '/sandbox-simulations', { token })
  const inFlight = ledger
    .snapshot()
    .filter((entry) => entry.kind === 'transit')
    .reduce((sum, entry) => sum + entry.available, 0)
  t.equal(inFlight, 0, 'nothing is left in flight once every leg settled')
  const banks = ledger
    .snapshot()
    .filter((entry) => entry.kind === 'bank' || entry.kind === 'external')
    .reduce((sum, entry) => sum + entry.available + entry.held, 0)
  t.equal(sumOfBalances() + banks, 0, 'every balance plus what the banks and the sandbox paid in or out: nothing made or lost')
  const negative = balances.filter((id) => cents(app.mockDwolla.balances.get(id)?.balance ?? '0') < 0)
  const lateDebitReturns = created.some((id) => transferOf(world, id)?.failure?.code === 'R01')
  t.ok(negative.length === 0 || lateDebitReturns, 'no balance below zero, except through a late debit return (R01-late)')
  t.ok(created.length > 20, `${created.length} transfers made`)
})
