// The baseline: a bare Fastify app with the two routes, each answering a 50-character token
// from nanoid, as mock-dwolla does, and nothing else. Same ready line as the CLI.
import { parse } from 'node:querystring'
import Fastify from 'fastify'
import { customAlphabet } from 'nanoid'

const token = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 50)
const app = Fastify()
// Bodies are parsed as any real handler would: Fastify has JSON built in; forms need a parser.
app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parse(body)))
app.post('/token', async () => ({ access_token: token(), token_type: 'Bearer', expires_in: 3599 }))
app.post('/client-tokens', async () => ({ token: token() }))

const port = Number(process.env.PORT ?? 0)
await app.listen({ host: '127.0.0.1', port })
process.stdout.write(`MOCK_DWOLLA_URL=http://127.0.0.1:${app.server.address().port}\n`)
const stop = () => app.close().then(() => process.exit(0))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
