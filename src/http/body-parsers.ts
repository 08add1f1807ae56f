import { parse as parseForm } from 'node:querystring'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { DWOLLA_MEDIA_TYPE } from './media-types.js'

type ParserDone = (error: Error | null, body?: unknown) => void

/**
 * Parsers for the body types the mock reads. Which of them an operation accepts is checked per
 * route (see openapi-routes.ts); these only turn bytes into values, and keep each body's text
 * for the journal (a string Fastify decoded once, so no framing can make it more than its size).
 */
export function registerBodyParsers(app: FastifyInstance): void {
  app.decorateRequest('bodyText', undefined)
  // Fastify's JSON parser rejects __proto__ and constructor.prototype keys with a 400, so no
  // payload can pollute. Dwolla accepts its own media type on POSTs as well as application/json.
  const json = app.getDefaultJsonParser('error', 'error')
  // An empty body is no body, whatever the Content-Type says: dwolla-v2's `post(url)` without one
  // (Dwolla's own example for POST /webhooks/{id}/retries) sends `application/json` and nothing.
  // An operation that needs a body still answers its absence with 400 BadRequest.
  const parseJson = (request: FastifyRequest, body: string | Buffer, done: ParserDone): void => {
    request.bodyText = body as string
    if (body === '') done(null, undefined)
    else void json(request, body as string, done)
  }
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson)
  app.addContentTypeParser(DWOLLA_MEDIA_TYPE, { parseAs: 'string' }, parseJson)

  // querystring.parse returns a prototype-less object (so `__proto__=x` is an ordinary key) and
  // turns a repeated field into an array, which validation then rejects as the wrong type. Its
  // default keeps the first 1,000 keys and drops the rest silently; the body limit already bounds
  // the work, so every key is read (maxKeys 0) and a repeated field is never hidden past the cut.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
    request.bodyText = body as string
    done(null, parseForm(body as string, undefined, undefined, { maxKeys: 0 }))
  })

  // Fastify reads text/plain by default; kept (as Fastify does) so that such a body to /token
  // gets the OAuth error that names the right type, and is journaled, with its secrets redacted.
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (request, body, done) => {
    request.bodyText = body as string
    done(null, body)
  })
}
