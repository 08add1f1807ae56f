// The dashboard's first page with many records stored (issue 24: "loading the page with 100,000
// transfers stored takes under a second"): as many customers and as many transfers (each a
// payment of one cent from the Account's balance to a Verified Customer's, processed at once),
// then the overview and the first and last pages of both sections. A section's cost is one store
// listed and one page of rows rendered. Measured in-process with inject(), so the figure is the
// server's own time for the page.
import { performance } from 'node:perf_hooks'
import { buildServer } from '../dist/index.bundle.js'

const SAMPLES = 15
const PAGES = [
  ['overview', '/__mock/dashboard'],
  ['customers, first page', '/__mock/dashboard?section=customers'],
  ['customers, last page', '/__mock/dashboard?section=customers&page=LAST'],
  ['transfers, first page', '/__mock/dashboard?section=transfers'],
  ['transfers, last page', '/__mock/dashboard?section=transfers&page=LAST'],
  ['live update (overview)', '/__mock/dashboard/live'],
]

/** For each count: the median and the slowest of SAMPLES loads of each page, in milliseconds. */
export async function dashboardLoad(counts) {
  const results = {}
  for (const count of counts) {
    const app = await buildServer({ customerLimit: count, transferLimit: count, storeByteLimit: 2 ** 40 })
    try {
      const customers = app.mockDwolla.customers
      const started = performance.now()
      for (let i = customers.list({ application: 'key' }).length; i < count; i++) {
        customers.create({ firstName: 'Bench', lastName: `Customer${i}`, email: `bench${i}@example.com` }, { application: 'key' })
      }
      await fillTransfers(app, count)
      const filledMs = performance.now() - started
      results[count] = { filledMs }
      for (const [label, url] of PAGES) {
        const samples = []
        for (let i = 0; i < SAMPLES; i++) {
          const began = performance.now()
          const response = await app.inject({ method: 'GET', url: url.replace('LAST', String(Math.ceil(count / 50))) })
          samples.push(performance.now() - began)
          if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body.slice(0, 200)}`)
        }
        samples.sort((a, b) => a - b)
        results[count][label] = { medianMs: samples[Math.floor(SAMPLES / 2)], slowestMs: samples.at(-1) }
      }
    } finally {
      await app.close()
    }
  }
  return results
}

/** `count` payments of one cent, Account balance to a Verified Customer's balance, through POST /transfers. */
async function fillTransfers(app, count) {
  const token = (
    await app.inject({
      method: 'POST',
      url: '/token',
      payload: 'client_id=key&client_secret=secret&grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  ).json().access_token
  const verified = app.mockDwolla.customers.list({ application: 'key' }).find((customer) => customer.type === 'personal' && customer.status === 'verified')
  const balanceOf = (customer) => app.mockDwolla.fundingSources.list({ application: 'key', customer }).find((source) => source.type === 'balance').id
  const accountBalance = app.mockDwolla.fundingSources
    .list({ application: 'key' })
    .find((source) => source.type === 'balance' && source.customerId === undefined).id
  const body = JSON.stringify({
    _links: {
      source: { href: `http://localhost/funding-sources/${accountBalance}` },
      destination: { href: `http://localhost/funding-sources/${balanceOf(verified.id)}` },
    },
    amount: { currency: 'USD', value: '0.01' },
  })
  const headers = { authorization: `Bearer ${token}`, accept: 'application/vnd.dwolla.v1.hal+json', 'content-type': 'application/json' }
  for (let i = 0; i < count; i++) {
    const response = await app.inject({ method: 'POST', url: '/transfers', headers, payload: body })
    if (response.statusCode !== 201) throw new Error(`POST /transfers: ${response.statusCode} ${response.body.slice(0, 200)}`)
  }
}

/** The summary lines `npm run bench` prints. */
export function dashboardLines(results) {
  const lines = []
  for (const [count, pages] of Object.entries(results)) {
    for (const [label] of PAGES) {
      const { medianMs, slowestMs } = pages[label]
      lines.push(
        `  dashboard with ${Number(count).toLocaleString('en')} customers and transfers, ${label.padEnd(24)} median ${medianMs.toFixed(1)} ms, slowest ${slowestMs.toFixed(1)} ms (target < 1,000 ms: ${slowestMs < 1000 ? 'met' : 'NOT met'})`,
      )
    }
  }
  return lines
}

// Run alone: node bench/dashboard.js (after npm run build).
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of dashboardLines(await dashboardLoad([5_000, 100_000]))) console.log(line)
}
