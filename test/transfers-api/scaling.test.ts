import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { TRANSFERS } from '../../src/resources/transfers/index.js'
import { SEEDED } from '../helpers/customers.js'
import { amounts, bankBody, createFundingSourceVia, idOf } from '../helpers/funding-sources.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { transferBody } from '../helpers/transfers.js'

/** An application whose verified customer is a party of `stored` transfers (put straight into the store). */
async function applicationWith(t: Parameters<typeof mockFor>[0], stored: number): Promise<{ app: FastifyInstance; token: string }> {
  const app = await mockFor(t, { transferLimit: stored + 100, storeByteLimit: 16 * 1024 ** 3 })
  const token = await accessTokenFor(app)
  const store = app.mockDwolla.worlds.open('key').get(TRANSFERS)
  const party = { kind: 'customer', customerId: SEEDED.personalVerified } as const
  for (let index = 0; index < stored; index += 1) {
    const id = randomUUID()
    store.put({
      id,
      role: 'main',
      status: index % 3 === 0 ? 'pending' : 'processed',
      amount: 100 + index,
      created: index,
      source: party,
      destination: { kind: 'account' },
      sourceFundingSourceId: randomUUID(),
      destinationFundingSourceId: accountBalanceIdFor('key'),
      paymentId: id,
    })
  }
  return { app, token }
}

async function medianMicros(app: FastifyInstance, token: string, path: string, calls: number): Promise<number> {
  const times: number[] = []
  for (let index = 0; index < calls; index += 1) {
    const started = process.hrtime.bigint()
    const response = await apiRequest(app, 'GET', path, { token })
    times.push(Number(process.hrtime.bigint() - started) / 1000)
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode}`)
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
}

t.test('a page of a party’s transfers costs the page, not the number stored: 1,000 against 100,000', async (t) => {
  const path = `/customers/${SEEDED.personalVerified}/transfers?limit=25&offset=0`
  const small = await applicationWith(t, 1_000)
  const large = await applicationWith(t, 100_000)
  await medianMicros(small.app, small.token, path, 50)
  await medianMicros(large.app, large.token, path, 50)
  // Five rounds, each timing both in turn, so a burst of load from elsewhere falls on both sides
  // of a round; the median round's ratio is asserted.
  const rounds: { few: number; many: number }[] = []
  for (let round = 0; round < 5; round += 1) {
    rounds.push({ few: await medianMicros(small.app, small.token, path, 50), many: await medianMicros(large.app, large.token, path, 50) })
  }
  const { few, many } = rounds.sort((a, b) => a.many / a.few - b.many / b.few)[2] as { few: number; many: number }
  t.ok(many < few * 2.5, `GET ${path}: ${Math.round(few)} µs at 1,000 stored, ${Math.round(many)} µs at 100,000 (the median of five rounds of 50)`)
  const last = (await apiRequest(large.app, 'GET', `/customers/${SEEDED.personalVerified}/transfers?offset=99990`, { token: large.token })).json()
  t.equal(last._embedded.transfers.length, 10, 'the last page of 100,000')
  t.equal(last.total, 100_000, 'the total')
})

t.test('one full payment flow in process: customer, bank, micro-deposits, transfer, two simulations, webhooks settled', async (t) => {
  const app = await mockFor(t)
  const token = await accessTokenFor(app)
  const times: number[] = []
  for (let run = 0; run < 20; run += 1) {
    const started = performance.now()
    const created = await apiRequest(app, 'POST', '/customers', {
      token,
      body: {
        firstName: 'Flow',
        lastName: `Run${run}`,
        email: `flow${run}@example.com`,
        type: 'personal',
        address1: '1 Main St',
        city: 'Des Moines',
        state: 'IA',
        postalCode: '50309',
        dateOfBirth: '1980-01-01',
        ssn: '1234',
      },
    })
    const customer = idOf(created.headers.location)
    const bank = await createFundingSourceVia(app, token, customer, bankBody(`55500${run}`))
    await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token })
    const verified = await apiRequest(app, 'POST', `/funding-sources/${bank}/micro-deposits`, { token, body: amounts('0.03', '0.07') })
    if (verified.statusCode !== 200) throw new Error(`verify: ${verified.statusCode}`)
    const transfer = await apiRequest(app, 'POST', '/transfers', { token, body: transferBody(bank, accountBalanceIdFor('key'), '10.00') })
    if (transfer.statusCode !== 201) throw new Error(`transfer: ${transfer.statusCode} ${transfer.body}`)
    await apiRequest(app, 'POST', '/sandbox-simulations', { token })
    await apiRequest(app, 'POST', '/sandbox-simulations', { token })
    await app.mockDwolla.webhooks.settle()
    times.push(performance.now() - started)
    const status = (await apiRequest(app, 'GET', new URL(transfer.headers.location as string).pathname, { token })).json().status
    if (status !== 'processed') throw new Error(`the flow ended ${status}`)
  }
  const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
  t.ok(median < 50, `the flow takes ${median.toFixed(1)} ms (median of 20), well under 50 ms`)
})
