import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { SESSION_BYTES, SESSION_LIMIT } from '../../src/resources/exchange-sessions/sessions-part.js'
import { EXCHANGE_BYTES, EXCHANGE_LIMIT } from '../../src/resources/exchanges/exchanges-part.js'

const run = promisify(execFile)
const dist = (path: string) => JSON.stringify(fileURLToPath(new URL(`../../dist/${path}`, import.meta.url)))

// Run in its own process with --expose-gc, so the heap is measured after full collections.
const script = `
import { randomUUID } from 'node:crypto'
import { buildServer } from ${dist('index.js')}
import { EXCHANGES } from ${dist('resources/exchanges/index.js')}
import { EXCHANGE_SESSIONS } from ${dist('resources/exchange-sessions/sessions-part.js')}
const APPLICATIONS = 10
const app = await buildServer({ defaultFixtures: false })
const measure = (count, fill) => { global.gc(); const before = process.memoryUsage().heapUsed; fill(); global.gc(); return (process.memoryUsage().heapUsed - before) / count }
const partner = { id: randomUUID(), name: 'Finicity', created: '' }
const exchanges = Array.from({ length: APPLICATIONS }, (_, i) => app.mockDwolla.worlds.open('exchanges-' + i).get(EXCHANGES))
// At the limit in each application, each its own customer's (an owner index each), each used by a funding source.
const exchangeBytes = measure(APPLICATIONS * ${EXCHANGE_LIMIT}, () => {
  for (const store of exchanges) for (let i = 0; i < ${EXCHANGE_LIMIT}; i++) {
    const exchange = store.create({ kind: 'customer', customerId: randomUUID() }, { partner, credential: 'finicity' })
    store.use(exchange.id, randomUUID())
  }
})
const sessions = Array.from({ length: APPLICATIONS }, (_, i) => app.mockDwolla.worlds.open('sessions-' + i).get(EXCHANGE_SESSIONS))
// The worst session: MX, completed (two connections), a 2 KiB redirect URL, its own customer, a re-auth's exchange.
const sessionBytes = measure(APPLICATIONS * ${SESSION_LIMIT}, () => {
  for (const store of sessions) for (let i = 0; i < ${SESSION_LIMIT}; i++) {
    const session = store.create({ customerId: randomUUID(), partnerId: randomUUID(), flow: 'mx', redirectUrl: ('https://example.com/' + i).padEnd(2048, 'x'), exchangeId: randomUUID() })
    store.complete(session.id)
  }
})
console.log(JSON.stringify({ exchanges: exchanges.reduce((sum, store) => sum + store.size, 0), sessions: sessions.reduce((sum, store) => sum + store.size, 0), exchangeBytes, sessionBytes }))
await app.close()
`

t.test('what an exchange and an exchange session really cost stays under what the bound counts them at', async (t) => {
  const { stdout } = await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])
  const { exchanges, sessions, exchangeBytes, sessionBytes } = JSON.parse(stdout) as Record<string, number>
  t.equal(exchanges, 10 * EXCHANGE_LIMIT, 'every application at its exchange limit')
  t.equal(sessions, 10 * SESSION_LIMIT, 'every application at its session limit')
  t.ok((exchangeBytes as number) < EXCHANGE_BYTES, `an exchange with its indexes: ${Math.round(exchangeBytes as number)} bytes, counted at ${EXCHANGE_BYTES}`)
  t.ok(
    (sessionBytes as number) < SESSION_BYTES,
    `a completed MX session at its largest: ${Math.round(sessionBytes as number)} bytes, counted at ${SESSION_BYTES}`,
  )
})
