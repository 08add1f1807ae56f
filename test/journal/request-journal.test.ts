// The journal's byte ring, on its own: whatever sizes come in, it keeps the newest records whole
// and in order, never more than its limits, and round-trips every field.
import t from 'tap'
import { JOURNAL_MIN_BYTES, RequestJournal, type JournalRecord } from '../../src/journal/request-journal.js'

function record(index: number, bodyLength: number): JournalRecord {
  return {
    id: `id-${index}`,
    receivedAt: 1_700_000_000_000 + index,
    method: 'POST',
    url: `/nowhere/${index}?n=${index}`,
    headers: `Host\n127.0.0.1\nContent-Type\napplication/json\nX-Index\n${index}`,
    body: bodyLength === 0 ? undefined : `"${'é'.repeat(index % 3)}${'x'.repeat(bodyLength)}"`,
    bodyBytes: bodyLength === 0 ? 0 : Buffer.byteLength(`"${'é'.repeat(index % 3)}${'x'.repeat(bodyLength)}"`),
    operation: index % 2 === 0 ? 'createClientToken' : undefined,
    clientId: index % 5 === 0 ? `client-${index}` : undefined,
    fixtureRule: undefined,
    status: index % 7 === 0 ? null : 200 + (index % 300),
    durationMs: index / 1000,
  }
}

t.test('random sizes: always the newest records, whole, in order, within both limits', async (t) => {
  const journal = new RequestJournal(50, JOURNAL_MIN_BYTES)
  let seed = 7
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  let problems = 0
  for (let index = 0; index < 3000; index++) {
    // Mostly small bodies, now and then one at or past the 16 KiB cap.
    const size = random() < 0.1 ? Math.floor(random() * 40_000) : Math.floor(random() * 2_000)
    journal.record(record(index, size))
    const entries = journal.list()
    const newest = entries.at(-1)
    const inOrder = entries.every((entry, i) => entry.id === `id-${index - entries.length + 1 + i}`)
    if (newest?.id !== `id-${index}` || !inOrder || entries.length > 50) problems += 1
  }
  t.equal(problems, 0, 'after each of 3,000 records: the newest kept, a run of the latest, at most 50')
  const entries = journal.list()
  t.ok(entries.length > 5, `a 256 KiB ring holds several records of up to 16 KiB of body (${entries.length})`)
  for (const entry of entries) {
    const index = Number(entry.id.slice(3))
    const sent = record(index, 0)
    const ok =
      entry.path === `/nowhere/${index}` &&
      entry.query === `n=${index}` &&
      entry.headers['x-index'] === String(index) &&
      entry.time === new Date(sent.receivedAt).toISOString() &&
      entry.status === sent.status &&
      entry.operation === sent.operation &&
      entry.clientId === sent.clientId
    if (!ok) problems += 1
  }
  t.equal(problems, 0, 'every field of every kept record reads back as written')
})

t.test('a body past the cap is its first 16 KiB; the size is the whole', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  const body = `${'€'.repeat(6000)}`
  journal.record({ ...record(1, 0), body, bodyBytes: Buffer.byteLength(body) })
  const [entry] = journal.list()
  t.equal(entry?.bodyBytes, 18_000, 'the size received')
  t.equal(entry?.bodyTruncated, true, 'flagged')
  t.equal(entry?.body, '€'.repeat(5461), '5,461 whole three-byte characters: 16,383 bytes, none cut')
})

t.test('clear, and the count limit', async (t) => {
  const journal = new RequestJournal(3, JOURNAL_MIN_BYTES)
  for (let index = 0; index < 5; index++) journal.record(record(index, 10))
  t.same(journal.list().map((entry) => entry.id), ['id-2', 'id-3', 'id-4'], 'the last three')
  journal.clear()
  t.same([journal.size, journal.list()], [0, []], 'empty')
  journal.record(record(9, 10))
  t.same(journal.list().map((entry) => entry.id), ['id-9'], 'and usable again')
})
