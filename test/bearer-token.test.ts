import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import t from 'tap'
import { bearerTokenOf } from '../src/http/bearer-token.js'
import { ApplicationRegistry } from '../src/tokens/application-registry.js'
import { TokenStore } from '../src/tokens/token-store.js'

const A = 'a'.repeat(50)
const B = 'B'.repeat(49) + '='

t.test('the token of each header, whatever header came before it', async (t) => {
  // Pairs in an order that has each header follow each other one: the last header read is
  // remembered, and must never answer for a different one.
  const cases: Array<[string | undefined, string | undefined]> = [
    [`Bearer ${A}`, A],
    [`Bearer ${A}`, A],
    [`bearer ${B}`, B],
    [`Bearer ${A}`, A],
    [`Bearer  ${A} `, A],
    ['Bearer', undefined],
    [`Bearer ${A}`, A],
    [undefined, undefined],
    [`Bearer ${A}`, A],
    [`Basic ${A}`, undefined],
    [`Basic ${A}`, undefined],
    [`\tBEARER\t${B}`, B],
    [`Bearer ${A}!`, undefined],
    [`Bearer ${A}`, A],
    ['', undefined],
  ]
  for (const [header, token] of cases) t.equal(bearerTokenOf(header), token, JSON.stringify(header))
})

t.test('a header built anew each time (as every request brings one) is read the same', async (t) => {
  for (let i = 0; i < 3; i++) t.equal(bearerTokenOf(['Bearer', A].join(' ')), A)
  t.equal(bearerTokenOf(['Bearer', `${A}x`].join(' ')), `${A}x`, 'one character more')
})

t.test('a token padded to a 16 KB header does not keep the header alive in the token store', async (t) => {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const store = new TokenStore<{ clientId: string }>({
    kind: 'access',
    limit: 1000,
    lifetimeSeconds: 3600,
    now: () => 0,
    applications: new ApplicationRegistry(),
  })
  const tokens = Array.from({ length: 1000 }, () => store.issue({ clientId: 'app' }))
  gc()
  const before = process.memoryUsage().heapUsed
  // Each token enters the store's lookup Map on its first lookup, keyed by the string it came as.
  const statuses = new Set(tokens.map((token) => store.lookup(bearerTokenOf(`Bearer ${token}${' '.repeat(16_000)}`) as string).status))
  t.same([...statuses], ['valid'], 'every one read from its padded header')
  gc()
  const grown = process.memoryUsage().heapUsed - before
  t.ok(grown < 4_000_000, `1,000 tokens from 16 KB headers hold ${grown} bytes (the headers: 16 MB)`)
})
