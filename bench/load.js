// A lean HTTP/1.1 load generator for the bench: keep-alive connections on raw sockets, one
// request in flight per connection, responses read by Content-Length. autocannon tops out near
// 25k requests/s on one core, below what a bare Fastify app serves, so with the load generator
// pinned to its own core it measured the generator rather than the server.
//
// closedLoop: every connection sends its next request as soon as the previous answer arrives
//   (throughput). openLoop: requests are due at a fixed rate whatever the server does, and each
//   latency runs from when the request was due, so a stall shows in the tail instead of slowing
//   the load down (no coordinated omission).
import { connect } from 'node:net'

const HEADER_END = Buffer.from('\r\n\r\n')

/** The bytes of one request, sent as they are on every connection. */
export function requestBytes({ method = 'POST', path, headers = {}, body = '' }) {
  const lines = [`${method} ${path} HTTP/1.1`, 'host: 127.0.0.1', 'connection: keep-alive']
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
  lines.push(`content-length: ${Buffer.byteLength(body)}`)
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`)
}

/** One keep-alive connection; `send` resolves with the status once the whole answer is in. */
function openConnection(port) {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', noDelay: true })
    let pending = Buffer.alloc(0)
    let waiting
    socket.on('data', (chunk) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk])
      const end = pending.indexOf(HEADER_END)
      if (end === -1) return
      const head = pending.latin1Slice(0, end)
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
      const total = end + 4 + length
      if (pending.length < total) return
      const status = Number(head.slice(9, 12))
      pending = pending.subarray(total)
      const done = waiting
      waiting = undefined
      done(status)
    })
    socket.once('error', (error) => (waiting ? waiting(0) : reject(error)))
    socket.once('connect', () =>
      resolve({
        send(bytes) {
          return new Promise((done) => {
            waiting = done
            socket.write(bytes)
          })
        },
        close: () => socket.destroy(),
      }),
    )
  })
}

function summary(latencies, count, non2xx, seconds) {
  latencies.sort((a, b) => a - b)
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN
  return { requests: count, rps: count / seconds, non2xx, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? NaN }
}

/**
 * `connections` connections, each sending back to back for `seconds` (or until `total` requests
 * have been sent). Latencies in ms.
 */
export async function closedLoop({ port, bytes, connections = 32, seconds = Infinity, total = Infinity }) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => openConnection(port)))
  const latencies = []
  let count = 0
  let sent = 0
  let non2xx = 0
  const startedAt = performance.now()
  const endAt = startedAt + seconds * 1000
  await Promise.all(
    sockets.map(async (socket) => {
      while (performance.now() < endAt && sent < total) {
        sent += 1
        const sentAt = performance.now()
        const status = await socket.send(bytes)
        latencies.push(performance.now() - sentAt)
        count += 1
        if (status < 200 || status > 299) non2xx += 1
      }
    }),
  )
  const elapsed = (performance.now() - startedAt) / 1000
  for (const socket of sockets) socket.close()
  return summary(latencies, count, non2xx, elapsed)
}

/** `seconds` of requests due at `rate` per second, each latency from when it was due. */
export async function openLoop({ port, bytes, rate, seconds, connections = 64 }) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => openConnection(port)))
  const idle = [...sockets]
  const queue = []
  const latencies = []
  let non2xx = 0
  let due = 0
  const total = Math.round(rate * seconds)
  const interval = 1000 / rate
  const startedAt = performance.now()
  let finished = 0
  await new Promise((resolve) => {
    const dispatch = () => {
      while (idle.length > 0 && queue.length > 0) {
        const socket = idle.pop()
        const dueAt = queue.shift()
        socket.send(bytes).then((status) => {
          latencies.push(performance.now() - dueAt)
          if (status < 200 || status > 299) non2xx += 1
          idle.push(socket)
          finished += 1
          if (finished === total) resolve()
          else dispatch()
        })
      }
    }
    const tick = () => {
      const now = performance.now()
      while (due < total && startedAt + due * interval <= now) queue.push(startedAt + due++ * interval)
      dispatch()
      if (due < total) setImmediate(tick)
    }
    tick()
  })
  for (const socket of sockets) socket.close()
  return summary(latencies, total, non2xx, seconds)
}
