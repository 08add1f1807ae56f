// In-process baseline: building the bare Fastify app to its first inject() answer.
import { parse } from 'node:querystring'
import Fastify from 'fastify'
import { customAlphabet } from 'nanoid'

export async function buildBaseline() {
  const token = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 50)
  const app = Fastify()
  // Bodies are parsed as any real handler would: Fastify has JSON built in; forms need a parser.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parse(body)))
  app.post('/token', async () => ({ access_token: token(), token_type: 'Bearer', expires_in: 3599 }))
  app.post('/client-tokens', async () => ({ token: token() }))
  return app
}
