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
    code: index % 3 === 0 ? 'ValidationError' : undefined,
    reason: index % 3 === 0 ? `/field${index} Invalid` : undefined,
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
  t.same(
    journal.list().map((entry) => entry.id),
    ['id-2', 'id-3', 'id-4'],
    'the last three',
  )
  journal.clear()
  t.same([journal.size, journal.list()], [0, []], 'empty')
  journal.record(record(9, 10))
  t.same(
    journal.list().map((entry) => entry.id),
    ['id-9'],
    'and usable again',
  )
})

// Each record's texts are written into the ring as one string and read back with one decode, cut
// by their lengths in UTF-16 units: so every text must decode to as many units as it had.

/** A record whose every text holds `text`, and the record as it must read back. */
function textRecord(text: string): JournalRecord {
  return {
    id: `id${text}`,
    receivedAt: 1_700_000_000_000,
    method: `PO${text}`,
    url: `/p/${text}?q=${text}`,
    headers: `X-A\n${text}\nX-B\n${text}`,
    body: text,
    bodyBytes: Buffer.byteLength(text),
    operation: `op${text}`,
    clientId: `c${text}`,
    fixtureRule: `r${text}`,
    status: 201,
    code: `k${text}`,
    reason: `why${text}`,
    durationMs: 1.5,
  }
}

t.test('multi-byte, astral and lone-surrogate characters round-trip in every text', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  const texts = ['é€', '😀x🎉', 'a\ud800b', '\udc00z', 'end\ud83d', 'ü😀\udfff€', '']
  for (const text of texts) journal.record(textRecord(text))
  const entries = journal.list()
  t.equal(entries.length, texts.length, 'all kept')
  texts.forEach((text, i) => {
    // A lone surrogate is written as U+FFFD, and so read back: one unit for one unit.
    const shown = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    t.match(
      entries[i],
      {
        id: `id${shown}`,
        method: `PO${shown}`,
        path: `/p/${shown}`,
        query: `q=${shown}`,
        headers: { 'x-a': shown, 'x-b': shown },
        body: text === '' ? '' : shown,
        operation: `op${shown}`,
        clientId: `c${shown}`,
        fixtureRule: `r${shown}`,
        status: 201,
        durationMs: 1.5,
      },
      `texts with ${JSON.stringify(text)}`,
    )
  })
})

t.test('a lone high surrogate ending a text does not pair with a low one starting the next', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  journal.record({
    ...textRecord(''),
    id: 'a\ud83d',
    method: '\ude00b\ud83d',
    url: '\ude00/u\ud83d',
    headers: '\ude00\nv\ud83d',
    body: '\ude00\ud83d',
    operation: '\ude00o\ud83d',
    clientId: '\ude00c\ud83d',
    fixtureRule: '\ude00\ud83d',
  })
  t.match(journal.list()[0], {
    id: 'a\ufffd',
    method: '\ufffdb\ufffd',
    path: '\ufffd/u\ufffd',
    headers: { '\ufffd': 'v\ufffd' },
    body: '\ufffd\ufffd',
    operation: '\ufffdo\ufffd',
    clientId: '\ufffdc\ufffd',
    fixtureRule: '\ufffd\ufffd',
  })
})

t.test('texts past their caps are cut to them, a surrogate pair cut in two showing as U+FFFD', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  journal.record({
    ...textRecord(''),
    id: `${'i'.repeat(63)}😀`,
    method: 'M'.repeat(100),
    url: `/${'é'.repeat(20_000)}`,
    operation: `${'o'.repeat(1023)}😀`,
    clientId: 'c'.repeat(2000),
    fixtureRule: '😀'.repeat(600),
  })
  t.match(journal.list()[0], {
    id: `${'i'.repeat(63)}\ufffd`,
    method: 'M'.repeat(64),
    path: `/${'é'.repeat(16 * 1024 - 1)}`,
    operation: `${'o'.repeat(1023)}\ufffd`,
    clientId: 'c'.repeat(1024),
    fixtureRule: '😀'.repeat(512),
  })
})

t.test('the largest record, three bytes a unit in every text, is written whole into the smallest ring', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  const wide = (units: number) => '€'.repeat(units)
  const largest: JournalRecord = {
    ...textRecord(''),
    id: wide(64),
    method: wide(64),
    url: `/${wide(16 * 1024 - 1)}`,
    headers: `X\n${wide(16 * 1024 - 2)}`,
    body: wide(5461),
    bodyBytes: 3 * 5461,
    operation: wide(1024),
    clientId: wide(1024),
    fixtureRule: wide(1024),
  }
  for (let i = 0; i < 3; i++) journal.record(largest)
  const entries = journal.list()
  t.ok(entries.length >= 1, `kept (${entries.length})`)
  t.match(entries.at(-1), {
    id: wide(64),
    method: wide(64),
    path: `/${wide(16 * 1024 - 1)}`,
    headers: { x: wide(16 * 1024 - 2) },
    body: wide(5461),
    bodyTruncated: false,
    operation: wide(1024),
    clientId: wide(1024),
    fixtureRule: wide(1024),
  })
})

t.test('a body past the cap is cut before a character that straddles 16 KiB, whatever its width', async (t) => {
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  // The cap falls 1 byte into a two-byte character, 1 and 2 into three-byte ones, 1–3 into four-byte ones.
  const cases = [
    ['x'.repeat(16 * 1024 - 1), 'é'],
    ['x'.repeat(16 * 1024 - 1), '€'],
    ['x'.repeat(16 * 1024 - 2), '€'],
    ['x'.repeat(16 * 1024 - 1), '😀'],
    ['x'.repeat(16 * 1024 - 2), '😀'],
    ['x'.repeat(16 * 1024 - 3), '😀'],
  ] as const
  for (const [start, character] of cases) {
    const body = `${start}${character}${character.repeat(10)}`
    journal.record({ ...textRecord(''), body, bodyBytes: Buffer.byteLength(body), operation: 'after' })
  }
  const entries = journal.list()
  cases.forEach(([start], i) => {
    t.equal(entries[i]?.body, start, `cut before the character (${start.length} bytes kept)`)
    t.equal(entries[i]?.bodyTruncated, true, 'flagged')
    t.equal(entries[i]?.operation, 'after', 'the text after it intact')
  })
  // Multi-byte characters on both sides of the cut: as many whole ones as fit in 16 KiB.
  const mixed = 'é€😀'.repeat(2000)
  journal.record({ ...textRecord(''), body: mixed, bodyBytes: Buffer.byteLength(mixed) })
  const kept = String(journal.list().at(-1)?.body)
  t.ok(mixed.startsWith(kept) && Buffer.byteLength(kept) <= 16 * 1024, 'a start of the body, within the cap')
  t.ok(Buffer.byteLength(mixed.slice(0, kept.length + 1)) > 16 * 1024, 'and no shorter than the cap makes it')
  t.notMatch(kept, /\ufffd/, 'no broken character')
  // A body over the cap in units but not in bytes is whole; one at exactly the cap is whole.
  const exact = 'x'.repeat(16 * 1024)
  journal.record({ ...textRecord(''), body: exact, bodyBytes: 16 * 1024 })
  t.match(journal.list().at(-1), { body: exact, bodyTruncated: false }, 'exactly 16 KiB: whole')
})

t.test('many records of random sizes over several wraps: the newest read back exactly, within the byte budget', async (t) => {
  const limit = 1000
  const journal = new RequestJournal(limit, JOURNAL_MIN_BYTES)
  let seed = 11
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  const alphabet = ['a', 'Z', '0', ' ', 'é', '€', '😀', '\n', '"']
  // Newlines only where they are not separators: not in headers.
  const text = (length: number, from = alphabet) => Array.from({ length }, () => from[Math.floor(random() * from.length)]).join('')
  const sent: JournalRecord[] = []
  let bytesWritten = 0
  let overBudget = 0
  let problems = 0
  for (let index = 0; index < 3000; index++) {
    // At most 4,000 characters of at most four bytes: within the body cap, so kept whole.
    const bodyLength = random() < 0.05 ? Math.floor(random() * 4_000) : Math.floor(random() * 600)
    const body = random() < 0.2 ? undefined : text(bodyLength)
    const record: JournalRecord = {
      id: `id-${index}`,
      receivedAt: 1_700_000_000_000 + index * 1.25,
      method: random() < 0.5 ? 'POST' : 'GET',
      url: `/r/${text(Math.floor(random() * 200))}`,
      headers: `Host\nlocalhost\nX-Value\n${text(Math.floor(random() * (random() < 0.05 ? 6000 : 300)), alphabet.slice(0, -2))}`,
      body,
      bodyBytes: body === undefined ? 0 : Buffer.byteLength(body),
      operation: random() < 0.5 ? undefined : text(Math.floor(random() * 40)),
      clientId: random() < 0.5 ? undefined : text(Math.floor(random() * 40)),
      fixtureRule: random() < 0.8 ? undefined : text(Math.floor(random() * 40)),
      status: random() < 0.1 ? null : 200 + Math.floor(random() * 300),
      code: random() < 0.7 ? undefined : text(Math.floor(random() * 40)),
      reason: random() < 0.7 ? undefined : text(Math.floor(random() * 200)),
      durationMs: Math.floor(random() * 1e6) / 1000,
    }
    journal.record(record)
    sent.push(record)
    bytesWritten += [record.id, record.method, record.url, record.headers, body, record.operation, record.clientId, record.fixtureRule]
      .map((part) => (part === undefined ? 0 : Buffer.byteLength(part)))
      .reduce((a, b) => a + b)
    if (index % 50 === 0) {
      const entries = journal.list()
      const kept = entries.map((entry) => Number(entry.id.slice(3)))
      const keptBytes = kept
        .map((i) => sent[i] as JournalRecord)
        .map((r) => [r.id, r.method, r.url, r.headers, r.body, r.operation, r.clientId, r.fixtureRule])
        .flat()
        .reduce((total: number, part) => total + (part === undefined ? 0 : Buffer.byteLength(part)), 0)
      if (keptBytes > JOURNAL_MIN_BYTES) overBudget += 1
      if (kept.length > limit || kept.at(-1) !== index || kept.some((i, n) => i !== index - kept.length + 1 + n)) problems += 1
    }
  }
  t.ok(bytesWritten > 10 * JOURNAL_MIN_BYTES, `the ring wrapped many times (${(bytesWritten / JOURNAL_MIN_BYTES).toFixed(1)} budgets written)`)
  t.equal(overBudget, 0, 'the texts kept never exceed the byte budget')
  t.equal(problems, 0, 'always a run of the newest, at most the limit')
  const entries = journal.list()
  t.ok(entries.length > 20 && entries.length < limit, `several kept, as many as the bytes allow (${entries.length})`)
  for (const entry of entries) {
    const r = sent[Number(entry.id.slice(3))] as JournalRecord
    const query = r.url.indexOf('?')
    const ok =
      entry.method === r.method &&
      entry.path === (query === -1 ? r.url : r.url.slice(0, query)) &&
      entry.headers['x-value'] === r.headers.split('\n')[3] &&
      entry.body === r.body &&
      entry.bodyBytes === r.bodyBytes &&
      entry.bodyTruncated === false &&
      entry.operation === r.operation &&
      entry.clientId === r.clientId &&
      entry.fixtureRule === r.fixtureRule &&
      entry.status === r.status &&
      entry.durationMs === r.durationMs &&
      entry.time === new Date(r.receivedAt).toISOString()
    if (!ok) problems += 1
  }
  t.equal(problems, 0, 'every kept record reads back exactly as recorded')
})

t.test('after clear, records are written and read from the start again', async (t) => {
  const journal = new RequestJournal(4, JOURNAL_MIN_BYTES)
  for (let index = 0; index < 30; index++) journal.record(record(index, 9_000))
  journal.clear()
  t.equal(journal.size, 0, 'empty')
  journal.record(textRecord('é😀'))
  journal.record(record(3, 10))
  const entries = journal.list()
  t.match(
    entries,
    [
      { id: 'idé😀', body: 'é😀', fixtureRule: 'ré😀' },
      { id: 'id-3', body: 'x'.repeat(10), operation: undefined },
    ],
    'both, whole',
  )
})

t.test('a declared body size past 4 GiB is kept as it is', async (t) => {
  // A request refused before its body was read counts the Content-Length it declared, which may
  // be anything; the old four-byte field threw on it, losing the entry.
  const journal = new RequestJournal(10, JOURNAL_MIN_BYTES)
  journal.record({ ...record(1, 0), bodyBytes: 99_999_999_999, status: 413 })
  t.match(journal.list(), [{ id: 'id-1', body: undefined, bodyBytes: 99_999_999_999, bodyTruncated: false, status: 413 }])
})

t.test('the ring touches about what the kept records take, not its whole budget', async (t) => {
  // 1,000 records kept of ~300 bytes each in an 8 MiB ring: once the count limit drops the
  // oldest, the next record goes back to the start of the ring instead of running on to its end.
  const journal = new RequestJournal(1000, 8 * 1024 * 1024)
  for (let index = 0; index < 50_000; index++) journal.record(record(index, 200))
  const kept = journal.list()
  t.equal(kept.length, 1000, 'the limit of records kept')
  t.equal(kept.at(-1)?.id, 'id-49999', 'the newest last')
  t.ok(journal.touchedBytes < 2 * 1000 * 400, `${journal.touchedBytes} bytes of the ring ever written: about twice what 1,000 records take, of 8 MiB`)
  // A large record still gets the room it needs further on.
  journal.record(record(50_000, 1_000_000))
  t.equal(journal.list().at(-1)?.id, 'id-50000', 'a record with a 16 KiB body after them')
})

t.test('newestFirst: a window of the newest records, the same entries list() gives, across the ring wrapping', async (t) => {
  const journal = new RequestJournal(7, JOURNAL_MIN_BYTES)
  for (let index = 0; index < 19; index++) journal.record(record(index, index * 3))
  const all = journal.list().reverse()
  t.same(
    all.map((entry) => entry.id),
    ['id-18', 'id-17', 'id-16', 'id-15', 'id-14', 'id-13', 'id-12'],
    'the 7 kept, newest first',
  )
  t.same(journal.newestFirst(0, 3), all.slice(0, 3), 'the first window')
  t.same(journal.newestFirst(3, 3), all.slice(3, 6), 'the next')
  t.same(journal.newestFirst(6, 3), all.slice(6), 'the last, short')
  t.same(journal.newestFirst(7, 3), [], 'past the end: none')
  t.same(journal.newestFirst(0, 0), [], 'none asked: none read')
})

t.test("forgetApplication: one application's records leave every view; the others stay, in order", async (t) => {
  const journal = new RequestJournal(8, JOURNAL_MIN_BYTES)
  const of = (index: number, clientId: string): JournalRecord => ({ ...record(index, 10), clientId })
  for (let index = 0; index < 6; index++) journal.record(of(index, index % 2 === 0 ? 'even' : 'odd'))
  journal.forgetApplication('even')
  t.equal(journal.size, 3, 'the size counts the records shown')
  t.same(
    journal.list().map((entry) => entry.id),
    ['id-1', 'id-3', 'id-5'],
    'list() shows the others',
  )
  t.same(
    journal.newestFirst(1, 5).map((entry) => entry.id),
    ['id-3', 'id-1'],
    'newestFirst() pages over the records shown',
  )
  for (let index = 6; index < 14; index++) journal.record(of(index, 'odd'))
  t.equal(journal.size, 8, 'forgotten records make room like any other, and the count stays right')
  t.same(journal.list({ application: 'odd' }).length, 8, 'filtered by application')
  journal.clear()
  t.equal(journal.size, 0, 'clear() empties it')
})
