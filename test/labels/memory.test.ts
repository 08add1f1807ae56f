import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { LABEL_BYTES, LABEL_LEDGER_ENTRY_BYTES, LABEL_REALLOCATION_BYTES, LABELS } from '../../src/resources/labels/labels-part.js'
import { accountBalanceIdFor } from '../../src/resources/funding-sources/index.js'
import { stateFor } from '../helpers/state.js'
import { DEFAULTS } from '../../src/index.js'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Run in its own process with --expose-gc, so the heap is measured after full collections. Each
// record is made through the store, as the API makes it, in many applications (each holds at
// most labelLimit labels): a customer per two labels, so the reallocations pair them.
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { LABELS } from ${dist('resources/labels/index.js')}
import { LEDGER, balanceAccount } from ${dist('resources/balances/index.js')}
const APPLICATIONS = 20
const PER = 1000
const app = await buildServer({ defaultFixtures: false })
const stores = Array.from({ length: APPLICATIONS }, (_, i) => {
  const world = app.mockDwolla.worlds.open('application-' + i)
  const ledger = world.get(LEDGER)
  const balances = Array.from({ length: PER }, () => randomUUID())
  for (const balance of balances) ledger.move({ kind: 'external', id: 'sandbox' }, balanceAccount(balance), 1_000_000, { at: Date.now() })
  return { store: world.get(LABELS), balances }
})
const measure = (fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / (APPLICATIONS * PER) }
const labels = []
const labelBytes = measure(() => {
  for (const { store, balances } of stores) {
    let customer
    balances.forEach((balance, index) => {
      if (index % 2 === 0) customer = randomUUID()
      labels.push([store, store.create(customer, balance, 10_000).id])
    })
  }
})
// A label's first ledger entry is counted with the label above; these are entries on their own.
const entryBytes = measure(() => { for (const [store, id] of labels) store.addEntry(id, -100) })
const pairs = labels.map(([store, id], index) => [store, id, labels[index % 2 === 0 ? index + 1 : index - 1][1]])
const reallocationBytes = measure(() => { for (const [store, from, to] of pairs) store.reallocate(from, to, 100) })
console.log(JSON.stringify({ labels: labels.length, labelBytes, entryBytes, reallocationBytes }))
await app.close()
`

t.test('what each label record really costs stays under what the bound counts it at', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { maxBuffer: 1 << 20 })
  const { labels, labelBytes, entryBytes, reallocationBytes } = JSON.parse(stdout) as Record<string, number>
  t.equal(labels, 20_000, '20,000 labels held, in 20 applications')
  // A label made through the store brings its first ledger entry: both are counted.
  t.ok(
    (labelBytes as number) < LABEL_BYTES + LABEL_LEDGER_ENTRY_BYTES,
    `a label with its first entry and indexes: ${Math.round(labelBytes as number)} bytes, counted at ${LABEL_BYTES + LABEL_LEDGER_ENTRY_BYTES}`,
  )
  t.ok((entryBytes as number) < LABEL_LEDGER_ENTRY_BYTES, `a ledger entry: ${Math.round(entryBytes as number)} bytes, counted at ${LABEL_LEDGER_ENTRY_BYTES}`)
  t.ok(
    (reallocationBytes as number) < LABEL_REALLOCATION_BYTES + 2 * LABEL_LEDGER_ENTRY_BYTES,
    `a reallocation with its two entries: ${Math.round(reallocationBytes as number)} bytes, counted at ${LABEL_REALLOCATION_BYTES + 2 * LABEL_LEDGER_ENTRY_BYTES}`,
  )
})

t.test('the bound counts every record the store holds, and lets go of a removed label’s', async (t) => {
  const state = await stateFor(t)
  const world = state.worlds.open('key')
  const store = world.get(LABELS)
  t.equal(LABELS.weigh(store), 0, 'nothing held, nothing weighed')
  state.balances.set(accountBalanceIdFor('key'), '100.00', { application: 'key' })
  const balance = accountBalanceIdFor('key')
  const customer = '707177c3-bf15-4e7e-b37c-55c3898d9bf4'
  const a = store.create(customer, balance, 1_000)
  const b = store.create(customer, balance, 1_000)
  store.reallocate(a.id, b.id, 1_000)
  t.same(store.counts, { labels: 2, entries: 4, reallocations: 1 }, 'two labels, their first entries and a reallocation’s two')
  t.equal(LABELS.weigh(store), 2 * LABEL_BYTES + 4 * LABEL_LEDGER_ENTRY_BYTES + LABEL_REALLOCATION_BYTES, 'each counted at its worst case')
  store.remove(a.id)
  t.same(store.counts, { labels: 1, entries: 2, reallocations: 0 }, 'a removed label lets go of its entries and its reallocations')
  t.ok(
    DEFAULTS.labelLimit * LABEL_BYTES + DEFAULTS.labelLedgerEntryLimit * (LABEL_LEDGER_ENTRY_BYTES + LABEL_REALLOCATION_BYTES / 2) <= 22 * 1024 * 1024,
    'an application at both default limits, every entry half a reallocation: at most 22 MiB counted',
  )
})
