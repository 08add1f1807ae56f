import t from 'tap'
import { generateRequestId } from '../src/http/request-id.js'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

t.test('request ids are random UUID v4s, as crypto.randomUUID() makes them, across many draws', async (t) => {
  // 2,000 ids span sixteen draws from the CSPRNG (128 ids each).
  const ids = Array.from({ length: 2000 }, () => generateRequestId())
  t.same(
    ids.filter((id) => !UUID_V4.test(id)),
    [],
    'every one a lowercase UUID v4 (version 4, variant 10)',
  )
  t.equal(new Set(ids).size, ids.length, 'all distinct')
  // Each random hex digit is uniform: over 2,000 ids every one of the 16 digits appears at every
  // random position, about 125 times; the variant digit is one of 8, 9, a, b.
  for (const position of [0, 7, 9, 15, 16, 20, 21, 35]) {
    const counts = new Map<string, number>()
    for (const id of ids) counts.set(id[position]!, (counts.get(id[position]!) ?? 0) + 1)
    t.ok(counts.size === 16 && Math.min(...counts.values()) > 60, `position ${position}: all 16 digits, each at least 60 times`)
  }
  t.same(new Set(ids.map((id) => id[19])), new Set(['8', '9', 'a', 'b']), 'the variant digit takes its four values')
})
