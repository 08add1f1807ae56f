import { parse as parseForm } from 'node:querystring'
import type { FastifyInstance } from 'fastify'
import { DWOLLA_MEDIA_TYPE } from './media-types.js'

/**
 * Parsers for the three request body types the document lists. Which of them an operation
 * accepts is checked per route (see openapi-routes.ts); these only turn bytes into values.
 */
export function registerBodyParsers(app: FastifyInstance): void {
  // Dwolla accepts its own media type on POSTs as well as application/json. Fastify's JSON parser
  // rejects __proto__ and constructor.prototype keys with a 400, so no payload can pollute.
  const json = app.getDefaultJsonParser('error', 'error')
  // An empty body is no body, whatever the Content-Type says: dwolla-v2's `post(url)` without one
  // (Dwolla's own example for POST /webhooks/{id}/retries) sends `application/json` and nothing.
  // An operation that needs a body still answers its absence with 400 BadRequest.
  const jsonOrNothing: typeof json = (request, body, done) => (body === '' ? done(null, undefined) : json(request, body, done))
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonOrNothing)
  app.addContentTypeParser(DWOLLA_MEDIA_TYPE, { parseAs: 'string' }, jsonOrNothing)

  // querystring.parse returns a prototype-less object (so `__proto__=x` is an ordinary key) and
  // turns a repeated field into an array, which validation then rejects as the wrong type. Its
  // default keeps the first 1,000 keys and drops the rest silently; the body limit already bounds
  // the work, so every key is read (maxKeys 0) and a repeated field is never hidden past the cut.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseForm(body as string, undefined, undefined, { maxKeys: 0 }))
  })
}
