import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import t from 'tap'
import { FUNDING_SOURCES } from '../../src/resources/funding-sources/index.js'
import { SEEDED } from '../helpers/customers.js'
import { accessTokenFor, apiRequest, mockFor } from '../helpers/mock.js'
import { bankBody, createFundingSourceVia } from '../helpers/funding-sources.js'

/** An application holding `stored` funding sources of other customers, besides the one listed. */
async function applicationWith(t: Parameters<typeof mockFor>[0], stored: number): Promise<{ app: FastifyInstance; token: string }> {
  const app = await mockFor(t, { fundingSourceLimit: stored + 100 })
  const token = await accessTokenFor(app)
  await createFundingSourceVia(app, token, SEEDED.personalVerified, bankBody('1111'))
  const store = app.mockDwolla.worlds.open('key').get(FUNDING_SOURCES)
  for (let index = 0; index < stored; index += 1) {
    store.insert({ id: randomUUID(), customerId: randomUUID(), type: 'bank', status: 'verified', name: 'Other', created: 0, removed: false, channels: ['ach'] })
  }
  return { app, token }
}

async function medianMicros(app: FastifyInstance, token: string, calls: number): Promise<number> {
  const times: number[] = []
  for (let index = 0; index < calls; index += 1) {
    const started = process.hrtime.bigint()
    const response = await apiRequest(app, 'GET', `/customers/${SEEDED.personalVerified}/funding-sources`, { token })
    times.push(Number(process.hrtime.bigint() - started) / 1000)
    if (response.json().total !== 2) throw new Error('the list changed')
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number
}

t.test('a customer’s list costs its own funding sources, not every one stored: at 1,000 and at 50,000 alike', async (t) => {
  const small = await applicationWith(t, 1_000)
  const large = await applicationWith(t, 50_000)
  await medianMicros(small.app, small.token, 100)
  await medianMicros(large.app, large.token, 100)
  const ratios: number[] = []
  for (let round = 0; round < 5; round += 1) {
    const atSmall = await medianMicros(small.app, small.token, 100)
    const atLarge = await medianMicros(large.app, large.token, 100)
    ratios.push(atLarge / atSmall)
  }
  const ratio = ratios.sort((a, b) => a - b)[2] as number
  // A list that scanned every funding source would take about fifty times as long at 50,000; the
  // bound is loose because a shared CI machine's timings are noisy (the bench measures the cost).
  t.ok(ratio < 10, `the median call at 50,000 stored takes ${ratio.toFixed(2)}× the one at 1,000`)
})
