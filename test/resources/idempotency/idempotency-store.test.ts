import t from 'tap'
import {
  IDEMPOTENCY_WINDOW_MS,
  IdempotencyStore,
  idempotencyDigest,
  keyAloneDigest,
  type IdempotencyRecord,
} from '../../../src/resources/idempotency/idempotency-store.js'

const PATH = (n: number) => `/customers/${String(n).repeat(8)}-1111-4111-8111-111111111111`

t.test('a key is remembered for 24 hours, by the digest of its operation and itself', async (t) => {
  let now = 0
  const store = new IdempotencyStore(
    () => 10,
    () => now,
  )
  store.settle(store.remember('createCustomer', 'k', PATH(1)))
  t.same(store.find('createCustomer', 'k'), { path: PATH(1), inFlight: false }, 'found at once')
  t.equal(store.find('initiateTransfer', 'k'), undefined, 'one key on another operation is another key')
  t.same(store.snapshot(), [{ key: idempotencyDigest('createCustomer', 'k'), path: PATH(1), at: 0 }], 'kept as a SHA-256 digest, never the key')
  now = IDEMPOTENCY_WINDOW_MS - 1
  t.ok(store.find('createCustomer', 'k'), 'a millisecond before 24 hours')
  now = IDEMPOTENCY_WINDOW_MS
  t.equal(store.find('createCustomer', 'k'), undefined, 'forgotten at 24 hours')
  t.equal(store.size, 0, 'and gone from memory')
})

t.test('in flight until settled: a repeat meanwhile is told so', async (t) => {
  const store = new IdempotencyStore(
    () => 10,
    () => 0,
  )
  const digest = store.remember('createCustomer', 'k', PATH(1))
  t.same(store.find('createCustomer', 'k'), { path: PATH(1), inFlight: true }, 'in flight')
  store.settle(digest)
  t.same(store.find('createCustomer', 'k'), { path: PATH(1), inFlight: false }, 'answered')
})

t.test('past the limit the oldest goes; a huge key costs a digest; restore takes a snapshot back', async (t) => {
  const store = new IdempotencyStore(
    () => 3,
    () => 0,
  )
  for (let i = 0; i < 5; i++) store.settle(store.remember('createCustomer', `k${i}`, PATH(i)))
  t.equal(store.size, 3, 'three kept')
  t.same(
    [store.find('createCustomer', 'k0'), store.find('createCustomer', 'k1'), store.find('createCustomer', 'k4')?.path],
    [undefined, undefined, PATH(4)],
    'the two oldest forgotten',
  )
  store.remember('createCustomer', 'x'.repeat(100_000), PATH(5))
  t.equal(store.snapshot().at(-1)?.key.length, 64, 'a 100 kB key costs 64 characters')
  const restored = new IdempotencyStore(
    () => 3,
    () => 0,
  )
  restored.restore(store.snapshot())
  t.same(restored.snapshot(), store.snapshot(), 'restore takes a snapshot back')
  t.equal(restored.find('createCustomer', 'x'.repeat(100_000))?.inFlight, false, 'with nothing in flight: in-flight marks are not kept')
})

t.test('restore adds to what is kept, oldest first; of one digest the later is kept', async (t) => {
  const store = new IdempotencyStore(
    () => 10,
    () => 100,
  )
  const record = (key: string, path: string, at: number): IdempotencyRecord => ({ key: idempotencyDigest('createCustomer', key), path, at })
  store.restore([record('b', PATH(2), 20), record('a', PATH(1), 10)])
  store.restore([record('c', PATH(3), 15), record('a', PATH(4), 30)])
  t.same(
    store.snapshot().map(({ path, at }) => [path, at]),
    [
      [PATH(3), 15],
      [PATH(2), 20],
      [PATH(4), 30],
    ],
    'both restores kept, in the order they were made; the key used again answers its later creation',
  )
})

// State files written before POST /customers used this store kept its keys by the digest of the key alone.
t.test('a record kept by the key alone answers that key on its operation only, until it expires', async (t) => {
  let now = 1000
  const store = new IdempotencyStore(
    () => 10,
    () => now,
  )
  store.restore([{ key: keyAloneDigest('old'), path: PATH(1), at: 0, keyAloneFor: 'createCustomer' }])
  t.same(store.find('createCustomer', 'old'), { path: PATH(1), inFlight: false }, 'found by the key alone')
  t.equal(store.find('initiateTransfer', 'old'), undefined, 'not on another operation')
  t.equal(store.find('createCustomer', keyAloneDigest('old')), undefined, 'nor by its digest given as a key')
  t.same(store.snapshot(), [{ key: keyAloneDigest('old'), path: PATH(1), at: 0, keyAloneFor: 'createCustomer' }], 'kept as it was read')
  now = IDEMPOTENCY_WINDOW_MS
  t.equal(store.find('createCustomer', 'old'), undefined, '24 hours after it was made: forgotten')
  t.equal(store.size, 0, 'and gone from memory')
  store.settle(store.remember('createCustomer', 'old', PATH(2)))
  t.same(store.snapshot(), [{ key: idempotencyDigest('createCustomer', 'old'), path: PATH(2), at: now }], 'the key used again is kept as every key is')
})
