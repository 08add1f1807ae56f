import t from 'tap'
import { TokenStore } from '../src/tokens/token-store.js'
import { generateToken, TOKEN_LENGTH } from '../src/tokens/generate-token.js'

t.test('valid, expired, unknown', async (t) => {
  let now = 0
  const store = new TokenStore<string>({ limit: 10, lifetimeSeconds: 10, now: () => now })
  store.add('a', 'details')
  t.match(store.lookup('a'), { status: 'valid', record: { token: 'a', issuedAt: 0, expiresAt: 10_000, details: 'details' } }, 'valid at issue')
  now = 9_999
  t.equal(store.lookup('a').status, 'valid', 'valid a millisecond before expiry')
  now = 10_000
  t.equal(store.lookup('a').status, 'expired', 'expired at expiresAt')
  t.equal(store.lookup('b').status, 'unknown', 'never issued')
})

t.test('bounded by count: the oldest goes first', async (t) => {
  const store = new TokenStore<number>({ limit: 3, lifetimeSeconds: 3600, now: () => 0 })
  for (let i = 0; i < 5; i++) store.add(`t${i}`, i)
  t.equal(store.size, 3, 'never more than the limit')
  t.same(store.list().map((r) => r.token), ['t2', 't3', 't4'], 'the three newest remain')
  t.equal(store.lookup('t0').status, 'unknown', 'the oldest is forgotten')
})

t.test('bounded by time: forgotten one lifetime after expiry', async (t) => {
  let now = 0
  const store = new TokenStore<null>({ limit: 1000, lifetimeSeconds: 10, now: () => now })
  store.add('old', null)
  now = 19_999
  store.add('newer', null)
  t.equal(store.lookup('old').status, 'expired', 'still recognised as expired within a lifetime of expiry')
  now = 20_000
  store.add('newest', null)
  t.equal(store.lookup('old').status, 'unknown', 'forgotten a lifetime after expiry')
  t.equal(store.size, 2, 'the store shrank')
})

t.test('a million issues keep the store at its limit', async (t) => {
  let now = 0
  const store = new TokenStore<null>({ limit: 1000, lifetimeSeconds: 3600, now: () => now })
  for (let i = 0; i < 1_000_000; i++) {
    now += 1
    store.add(String(i), null)
  }
  t.equal(store.size, 1000, 'exactly the limit')
})

t.test('delete and clear', async (t) => {
  const store = new TokenStore<null>({ limit: 10, lifetimeSeconds: 10, now: () => 0 })
  store.add('a', null)
  store.add('b', null)
  t.equal(store.delete('a'), true, 'deleted a')
  t.equal(store.lookup('a').status, 'unknown', 'a is gone')
  store.clear()
  t.equal(store.size, 0, 'cleared')
})

t.test('generated tokens', async (t) => {
  const tokens = Array.from({ length: 1000 }, generateToken)
  t.equal(TOKEN_LENGTH, 50, 'Dwolla tokens are 50 characters')
  t.ok(tokens.every((token) => /^[0-9A-Za-z]{50}$/.test(token)), 'all alphanumeric, 50 long')
  t.equal(new Set(tokens).size, 1000, 'no repeats')
  const characters = new Set(tokens.join(''))
  t.equal(characters.size, 62, 'the whole alphabet is used')
})

t.test('revoked tokens leave eviction exact', async (t) => {
  let now = 0
  const store = new TokenStore<number>({ limit: 100, lifetimeSeconds: 3600, now: () => now })
  for (let i = 0; i < 5000; i++) {
    now += 1
    store.add(`t${i}`, i)
    if (i % 3 === 0) store.delete(`t${i}`)
  }
  t.ok(store.size <= 100, 'never above the limit')
  t.equal(store.lookup('t4999').status, 'valid', 'the newest is held')
  t.equal(store.lookup('t4997').status, 'valid', 'and one not revoked before it')
  t.equal(store.lookup('t4000').status, 'unknown', 'old ones are gone')
})
