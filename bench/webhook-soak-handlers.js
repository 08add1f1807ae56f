// The webhook handlers of the webhooks soak, in a process of their own so that their work never
// delays the load generator's clock (its latencies are the API's as a client sees them). Each
// path counts the event ids it received: GET /received answers them. Paths under /dead never
// answer; under /slow, answer after two seconds; any other, at once. Prints HANDLERS_URL and
// REFUSED_URL, a port that refuses connections.
import { createServer } from 'node:http'

const received = new Map()
const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/received') {
    return response.end(JSON.stringify(Object.fromEntries([...received].map(([path, ids]) => [path, ids.size]))))
  }
  const chunks = []
  request.on('data', (chunk) => chunks.push(chunk))
  request.on('end', () => {
    if (request.url.startsWith('/dead')) return
    const ids = received.get(request.url) ?? new Set()
    ids.add(JSON.parse(Buffer.concat(chunks).toString()).id)
    received.set(request.url, ids)
    if (request.url.startsWith('/slow')) setTimeout(() => response.end('ok'), 2_000)
    else response.end('ok')
  })
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
// A port that refuses: opened, then closed again.
const closed = createServer()
await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve))
const refusedPort = closed.address().port
await new Promise((resolve) => closed.close(resolve))
process.stdout.write(`HANDLERS_URL=http://127.0.0.1:${server.address().port}\nREFUSED_URL=http://127.0.0.1:${refusedPort}/refused\n`)
process.on('SIGTERM', () => process.exit(0))
