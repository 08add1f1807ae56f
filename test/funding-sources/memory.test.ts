import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { FUNDING_SOURCE_BYTES } from '../../src/resources/funding-sources/funding-sources-part.js'
import { LEDGER_ACCOUNT_BYTES } from '../../src/resources/balances/ledger-part.js'
import { AUTHORIZATION_BYTES } from '../../src/resources/on-demand-authorizations/authorizations-part.js'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Run in its own process with --expose-gc, so the heap is measured after full collections.
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { FUNDING_SOURCES } from ${dist('resources/funding-sources/index.js')}
import { LEDGER } from ${dist('resources/balances/index.js')}
import { ON_DEMAND_AUTHORIZATIONS } from ${dist('resources/on-demand-authorizations/index.js')}
const COUNT = 20000
const app = await buildServer({ defaultFixtures: false, fundingSourceLimit: COUNT * 2 })
const world = app.mockDwolla.worlds.open('application')
const store = world.get(FUNDING_SOURCES)
const ledger = world.get(LEDGER)
const measure = (fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / COUNT }
const sources = measure(() => {
  for (let i = 0; i < COUNT; i++) {
    const customerId = randomUUID()
    // Every field at its longest: a 50-character name, failed micro-deposits, an authorization; its own owner and fingerprint.
    store.insert({ id: randomUUID(), customerId, type: 'bank', status: 'unverified', name: ('Jane Doe Checking Account at the Bank ' + i).padEnd(50, 'x'),
      created: Date.now(), removed: true, channels: ['ach', 'wire'], bankAccountType: 'general-ledger', bankName: 'SANDBOX TEST BANK',
      fingerprint: (randomUUID() + randomUUID()).replace(/-/g, '').slice(0, 64), origin: 'numbers', onDemandAuthorizationId: randomUUID(),
      microDeposits: { status: 'failed', created: Date.now(), failedAttempts: 3, failure: { code: 'R03', description: 'No Account/Unable to Locate Account' } } })
  }
})
const accounts = measure(() => {
  for (let i = 0; i < COUNT; i++) ledger.move({ kind: 'external', id: 'sandbox' }, { kind: 'balance', id: randomUUID() }, 100 + i, { at: Date.now() })
})
// At most 1,000 per application: 20 applications' worth.
const stores = Array.from({ length: 20 }, (_, i) => app.mockDwolla.worlds.open('application-' + i).get(ON_DEMAND_AUTHORIZATIONS))
const issued = measure(() => { for (const each of stores) for (let i = 0; i < 1000; i++) each.issue().usedBy = randomUUID() })
console.log(JSON.stringify({ size: store.size, accounts: ledger.size, sources, ledgerBytes: accounts, authorizationBytes: issued }))
await app.close()
`

t.test('what each record really costs stays under what the bound counts it at', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])
  const { size, accounts, sources, ledgerBytes, authorizationBytes } = JSON.parse(stdout) as Record<string, number>
  t.ok((size as number) >= 20_000 && (accounts as number) >= 20_000, '20,000 funding sources and ledger accounts held')
  t.ok(
    (sources as number) < FUNDING_SOURCE_BYTES,
    `a funding source at its largest, with its indexes: ${Math.round(sources as number)} bytes, counted at ${FUNDING_SOURCE_BYTES}`,
  )
  t.ok((ledgerBytes as number) < LEDGER_ACCOUNT_BYTES, `a ledger account: ${Math.round(ledgerBytes as number)} bytes, counted at ${LEDGER_ACCOUNT_BYTES}`)
  t.ok(
    (authorizationBytes as number) < AUTHORIZATION_BYTES,
    `an on-demand authorization: ${Math.round(authorizationBytes as number)} bytes, counted at ${AUTHORIZATION_BYTES}`,
  )
})
