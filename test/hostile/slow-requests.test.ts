import { connect } from 'node:net'
import t from 'tap'
import { buildServer, DEFAULTS, DWOLLA_CONTENT_TYPE, DWOLLA_ERRORS, start } from '../../src/index.js'
import { rawRequest, sendRaw } from '../helpers/raw-http.js'

const FORM = 'application/x-www-form-urlencoded'
const TOKEN_FORM = 'client_id=k&client_secret=s&grant_type=client_credentials'
const REQUEST_TIMEOUT_MS = 600
const HEADERS_TIMEOUT_MS = 300

/**
 * A slow client: sends `head` at once, then one byte of `trickle` every 50 ms, and reports what
 * the server answered and after how long (or that it closed without a word).
 */
function slowClient(port: number, head: string, trickle: string): Promise<{ answer: string; afterMs: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    const started = performance.now()
    let answer = ''
    let sent = 0
    const drip = setInterval(() => {
      if (sent < trickle.length && socket.writable) socket.write(trickle.charAt(sent++))
    }, 50)
    const done = () => {
      clearInterval(drip)
      resolve({ answer, afterMs: performance.now() - started })
    }
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')))
    socket.on('close', done)
    socket.on('error', (error) => (answer === '' ? (clearInterval(drip), reject(error)) : undefined))
    socket.write(head)
  })
}

t.test('defaults: a whole request within 30 s, its headers within 10 s', async (t) => {
  t.equal(DEFAULTS.requestTimeoutMs, 30_000, 'requestTimeoutMs')
  t.equal(DEFAULTS.headersTimeoutMs, 10_000, 'headersTimeoutMs')
  const app = await buildServer()
  t.teardown(() => app.close())
  t.equal(app.server.requestTimeout, 30_000, "Node's requestTimeout")
  t.equal(app.server.headersTimeout, 10_000, "Node's headersTimeout")
})

t.test('a body that trickles in is answered 408 RequestTimeout within the timeout, and the server keeps serving', async (t) => {
  const server = await start({ requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS })
  t.teardown(() => server.close())
  const head = `POST /client-tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`
  // 200 bytes at one every 50 ms would take 10 s: far past the timeout, and never complete.
  const { answer, afterMs } = await slowClient(server.port, head, '{'.padEnd(200, ' '))
  const body = JSON.stringify({ code: 'RequestTimeout', message: DWOLLA_ERRORS.RequestTimeout.message })
  t.match(
    answer,
    new RegExp(`^HTTP/1\\.1 408 Request Timeout\\r\\nContent-Type: ${DWOLLA_CONTENT_TYPE.replace(/[.+]/g, '\\$&')}\\r\\n`),
    "408, in Dwolla's media type",
  )
  t.ok(answer.endsWith(`\r\n\r\n${body}`), `RequestTimeout in Dwolla's shape (got ${JSON.stringify(answer.slice(-120))})`)
  t.ok(afterMs >= REQUEST_TIMEOUT_MS, `not before the timeout (${Math.round(afterMs)} ms)`)
  t.ok(afterMs < REQUEST_TIMEOUT_MS + 1000, `soon after it (${Math.round(afterMs)} ms), then the connection is closed`)
  const next = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, TOKEN_FORM))
  t.equal(next.status, 200, 'the server keeps serving')
})

t.test('headers that trickle in are answered 408 within the headers timeout', async (t) => {
  const server = await start({ requestTimeoutMs: REQUEST_TIMEOUT_MS, headersTimeoutMs: HEADERS_TIMEOUT_MS })
  t.teardown(() => server.close())
  const { answer, afterMs } = await slowClient(server.port, 'POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\n', `X-Slow: ${'a'.repeat(200)}`)
  t.match(answer, /^HTTP\/1\.1 408 Request Timeout\r\n/, '408')
  t.ok(afterMs < HEADERS_TIMEOUT_MS + 1000, `within the headers timeout and a check (${Math.round(afterMs)} ms)`)
})

t.test('the timeouts cover receiving a request, not answering it: a fixture delay longer than them still answers', async (t) => {
  const server = await start({
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
    headersTimeoutMs: HEADERS_TIMEOUT_MS,
    fixtures: { rules: [{ when: { operation: 'createApplicationAccessToken' }, respond: { delayMs: REQUEST_TIMEOUT_MS + 400 } }] },
  })
  t.teardown(() => server.close())
  const response = await sendRaw(server.port, rawRequest('POST', '/token', { 'Content-Type': FORM }, TOKEN_FORM), 5000)
  t.equal(response.status, 200, 'the delayed answer arrives')
})

t.test('bad timeout options fail at build, naming the option', async (t) => {
  const cases: Array<[object, RegExp]> = [
    [{ requestTimeoutMs: 0 }, /option requestTimeoutMs: expected a positive integer, got 0/],
    [{ headersTimeoutMs: 1.5 }, /option headersTimeoutMs: expected a positive integer, got 1.5/],
    [
      { requestTimeoutMs: 1000, headersTimeoutMs: 2000 },
      /option headersTimeoutMs: 2000 is longer than requestTimeoutMs \(1000\); the headers are part of the request/,
    ],
  ]
  for (const [options, message] of cases) await t.rejects(buildServer(options as never), { name: 'StartupError', message }, JSON.stringify(options))
})
