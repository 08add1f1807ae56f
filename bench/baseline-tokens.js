// Baseline routes for POST /token and POST /client-tokens: each answers a 50-character token
// from nanoid, as the mock answers one, after parsing the body as any real handler would
// (Fastify has JSON built in; forms need a parser).
import { parse } from 'node:querystring'
import { customAlphabet } from 'nanoid'

export function registerTokenRoutes(app) {
  const token = customAlphabet('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 50)
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, parse(body)))
  app.post('/token', async () => ({ access_token: token(), token_type: 'Bearer', expires_in: 3599 }))
  app.post('/client-tokens', async () => ({ token: token() }))
}
