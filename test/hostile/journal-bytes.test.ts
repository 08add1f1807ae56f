// Issue 12 item 3: the journal was bounded by count only, and its body cap read Content-Length,
// so 1,000 chunked 64 KB bodies were all kept, parsed (RSS 1.7 GB). It must be bounded in
// bytes whatever the framing, on every path, 404s included, each body kept as truncated text.
import t from 'tap'
import { DEFAULTS, start } from '../../src/index.js'
import { MiB, retainedHeapBytes } from '../helpers/heap.js'
import { chunkedRequest, rawRequest, sendRaw } from '../helpers/raw-http.js'

const HAL = 'application/vnd.dwolla.v1.hal+json'
const KiB = 1024

/** About `bytes` of JSON: an object whose array of small objects parses to far more than its text. */
function bulkyJson(bytes: number, marker: string): string {
  const item = '{"k":1},'
  return `{"action":"customer.create","marker":"${marker}","pad":[${item.repeat(Math.floor(bytes / item.length))}{"k":1}]}`
}

t.test('1,000 chunked 60 KB bodies to the API and to 404 paths: memory stays within the byte budget', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const send = async (index: number) => {
    const path = index % 2 === 0 ? '/client-tokens' : `/nowhere/${index}`
    // Just under the 64 KiB body limit, so every body is accepted and parsed.
    const body = bulkyJson(60 * KiB, `m${index}`)
    const response = await sendRaw(server.port, chunkedRequest('POST', path, { 'Content-Type': 'application/json', Accept: HAL }, body, 4 * KiB))
    if (response.status >= 500 || response.status === 0) throw new Error(`${path}: ${response.status}`)
  }
  for (let i = 0; i < 50; i++) await send(i)
  const before = retainedHeapBytes()
  for (let i = 50; i < 1050; i++) await send(i)
  const grown = retainedHeapBytes() - before
  const budget = DEFAULTS.journalByteLimit
  t.ok(grown < budget + 4 * MiB, `retained heap grew ${(grown / MiB).toFixed(1)} MiB for 60 MB sent (budget ${budget / MiB} MiB)`)

  const entries = server.requests()
  t.ok(entries.length > 0 && entries.length < 1000, `fewer entries than journalLimit fit the byte budget (${entries.length})`)
  const newest = entries.at(-1)
  t.match(newest, { path: '/nowhere/1049', status: 404, bodyTruncated: true }, 'the newest: a 404, its body truncated')
  t.type(newest?.body, 'string', 'kept as text')
  t.ok(String(newest?.body).startsWith('{"action":"customer.create","marker":"m1049"'), 'the text as sent, from its start')
  t.equal(Buffer.byteLength(String(newest?.body)), 16 * KiB, 'cut at 16 KiB')
  t.ok((newest?.bodyBytes ?? 0) > 60 * KiB, `with the size received (${newest?.bodyBytes} bytes), though no Content-Length said it`)
  const api = entries.filter((entry) => entry.path === '/client-tokens').at(-1)
  t.match(api, { bodyTruncated: true, status: 401 }, 'API entries are capped the same way')
})

t.test('a body cut inside a multi-byte character is cut before it', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  const body = `{"action":"customer.create","pad":"${'x'.repeat(16 * KiB - 36)}€€€€"}`
  await sendRaw(server.port, rawRequest('POST', '/nowhere', { 'Content-Type': 'application/json' }, body))
  const [entry] = server.requests()
  const kept = String(entry?.body)
  t.ok(Buffer.byteLength(kept) <= 16 * KiB, 'no more than the cap')
  t.notMatch(kept, /\ufffd/, 'no broken character at the end')
  t.ok(kept.endsWith('x') || kept.endsWith('€'), 'ends on a whole character')
})

t.test('small bodies are shown parsed, as before', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  await sendRaw(server.port, chunkedRequest('POST', '/nowhere', { 'Content-Type': 'application/json' }, '{"action":"customer.read","n":[1,2]}', 5))
  t.match(server.requests()[0], { body: { action: 'customer.read', n: [1, 2] }, bodyTruncated: false, bodyBytes: 36 }, 'parsed, with its size, though chunked')
})

t.test('a body that is not valid UTF-8: its size is the bytes received, not its decoded text re-encoded', async (t) => {
  const server = await start()
  t.teardown(() => server.close())
  // Four bytes, none of them valid UTF-8 on its own: decoded, each becomes U+FFFD (three bytes).
  const head = 'POST /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\n'
  await sendRaw(server.port, Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from([0xff, 0xfe, 0xc0, 0x80])]))
  t.match(server.requests()[0], { bodyBytes: 4 }, 'four bytes, as Content-Length said and as were sent')
})
