import t from 'tap'
import { IDEMPOTENCY_WINDOW_MS, IdempotencyRecords, idempotencyDigest } from '../../src/resources/customers/idempotency-records.js'

t.test('a key is remembered for 24 hours, by its digest', async (t) => {
  let now = 0
  const records = new IdempotencyRecords(
    () => 10,
    () => now,
  )
  records.remember('k', 'customer-1')
  t.equal(records.find('k'), 'customer-1', 'found at once')
  t.same(records.snapshot(), [{ key: idempotencyDigest('k'), customerId: 'customer-1', at: 0 }], 'kept as a SHA-256 digest, never the key')
  now = IDEMPOTENCY_WINDOW_MS - 1
  t.equal(records.find('k'), 'customer-1', 'a millisecond before 24 hours')
  now = IDEMPOTENCY_WINDOW_MS
  t.equal(records.find('k'), undefined, 'forgotten at 24 hours')
  t.equal(records.size, 0, 'and gone from memory')
})

t.test('past the limit the oldest goes', async (t) => {
  const records = new IdempotencyRecords(
    () => 3,
    () => 0,
  )
  for (let i = 0; i < 5; i++) records.remember(`k${i}`, `c${i}`)
  t.equal(records.size, 3, 'three kept')
  t.same([records.find('k0'), records.find('k1'), records.find('k4')], [undefined, undefined, 'c4'], 'the two oldest forgotten')
  const huge = 'x'.repeat(100_000)
  records.remember(huge, 'c5')
  t.equal(records.snapshot().at(-1)?.key.length, 64, 'a 100 kB key costs 64 characters')
  const restored = new IdempotencyRecords(
    () => 3,
    () => 0,
  )
  restored.restore(records.snapshot())
  t.same(restored.snapshot(), records.snapshot(), 'restore takes a snapshot back')
})
