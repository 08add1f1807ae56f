import { createHash, timingSafeEqual } from 'node:crypto'
import fastifyBasicAuth from '@fastify/basic-auth'
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify'
import { OAuthError } from '../errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The key and secret of a POST /token's Basic Authorization header, read by @fastify/basic-auth. */
    basicCredentials?: { key: string; secret: string }
  }
}

/** A Dwolla application's credentials: the key (client id) and secret. */
export interface Application {
  key: string
  secret: string
}

/** Decides whether a key and secret belong to an accepted application. */
export type CredentialCheck = (key: string, secret: string) => boolean

const digest = (value: string): Buffer => createHash('sha256').update(value).digest()

/**
 * With no applications configured any non-empty pair passes: local development needs no keys.
 * Otherwise secrets are compared in constant time, on digests so lengths never differ, and an
 * unknown key costs the same comparison as a known one.
 */
export function createCredentialCheck(applications: readonly Application[]): CredentialCheck {
  if (applications.length === 0) return (key, secret) => key !== '' && secret !== ''
  const secretDigests = new Map(applications.map((app) => [app.key, digest(app.secret)]))
  const decoy = digest('')
  return (key, secret) => {
    const expected = secretDigests.get(key)
    const matches = timingSafeEqual(expected ?? decoy, digest(secret))
    return expected !== undefined && matches
  }
}

// RFC 7617 §2 with RFC 7230's "bad whitespace" tolerated around the scheme and the credentials,
// as real servers do; the credentials are a token68 (base64).
const BASIC = /^[ \t]*basic[ \t]+([\w.~+/-]+=*)[ \t]*$/i
// RFC 7617 §2: neither the user-id nor the password may contain control characters.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/

/** The key and secret of a Basic Authorization header, or undefined when it is not one. */
export function basicCredentialsOf(authorization: string | undefined): { key: string; secret: string } | undefined {
  const encoded = BASIC.exec(authorization ?? '')?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1 || CONTROL.test(decoded)) return undefined
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

/**
 * Registers @fastify/basic-auth, which only decorates the server: the one route that reads Basic
 * credentials (POST /token) runs {@link readBasicCredentials} as its own onRequest hook, so no
 * other route pays for it. It never answers by itself: what it reads, authenticateClient decides.
 */
export async function registerBasicCredentials(app: FastifyInstance): Promise<void> {
  app.decorateRequest('basicCredentials', undefined)
  await app.register(fastifyBasicAuth, {
    // RFC 7230's "bad whitespace" around the scheme and the credentials, as real servers allow.
    strictCredentials: false,
    utf8: true,
    authenticate: false,
    validate(key, secret, request, _reply, done) {
      request.basicCredentials = { key, secret }
      done()
    },
  })
}

/** POST /token's onRequest hook: Basic credentials, when the header says Basic; a malformed one reads as none. */
export const readBasicCredentials: onRequestHookHandler = (request, reply, next) => {
  if (!/^[ \t]*basic[ \t]/i.test(request.headers.authorization ?? '')) {
    next()
    return
  }
  request.server.basicAuth(request, reply, () => next())
}

function formCredentials(request: FastifyRequest): { id?: string; secret?: string } {
  const body = (request.body ?? {}) as Record<string, unknown>
  return {
    id: typeof body.client_id === 'string' ? body.client_id : undefined,
    secret: typeof body.client_secret === 'string' ? body.client_secret : undefined,
  }
}

/**
 * Authenticates the client of a /token request and returns its key. dwolla-v2 sends
 * client_id and client_secret as form fields; the `dwolla` SDK and Dwolla's docs use Basic.
 * RFC 6749 §2.3 allows one method per request, so Basic and form credentials must agree.
 */
export function authenticateClient(request: FastifyRequest, reply: FastifyReply, check: CredentialCheck): string {
  const form = formCredentials(request)
  const { authorization } = request.headers
  if ((form.id !== undefined || form.secret !== undefined) && !/^\s*basic\s/i.test(authorization ?? '')) {
    if (form.id === undefined || form.secret === undefined || !check(form.id, form.secret)) throw new OAuthError('invalid_client')
    return form.id
  }
  const basic = request.basicCredentials
  if (basic !== undefined && ((form.id !== undefined && form.id !== basic.key) || (form.secret !== undefined && form.secret !== basic.secret))) {
    throw new OAuthError('invalid_request', 'Client credentials in the Authorization header and the body disagree.')
  }
  if (basic === undefined || !check(basic.key, basic.secret)) {
    // RFC 6749 §5.2: a failed (or missing) Basic authentication answers 401 with a challenge.
    reply.header('www-authenticate', 'Basic charset="UTF-8"')
    throw new OAuthError('invalid_client')
  }
  return basic.key
}

/** The key (user) of a Basic Authorization header, without checking anything else. */
export function basicKeyOf(authorization: string | undefined): string | undefined {
  return basicCredentialsOf(authorization)?.key
}
