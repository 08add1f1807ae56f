import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyBasicAuth from '@fastify/basic-auth'
import type { Application } from '../config.js'
import { OAuthError } from '../errors.js'

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

declare module 'fastify' {
  interface FastifyRequest {
    /** The application key /token authenticated, set by {@link authenticateClient}. */
    clientId?: string
  }
}

/**
 * Registers @fastify/basic-auth for /token. Its `validate` runs only when a request carries
 * Basic credentials; it also refuses Basic and form credentials that disagree, since RFC 6749
 * §2.3 allows a client one authentication method per request.
 */
export async function registerBasicAuth(app: FastifyInstance, check: CredentialCheck): Promise<void> {
  app.decorateRequest('clientId', undefined)
  await app.register(fastifyBasicAuth, {
    // Lax: tolerate extra spaces around the scheme and credentials, as real servers do.
    strictCredentials: false,
    // RFC 6749 §5.2: a failed Basic authentication answers 401 with WWW-Authenticate.
    authenticate: true,
    async validate(key, secret, request) {
      const form = formCredentials(request)
      if ((form.id !== undefined && form.id !== key) || (form.secret !== undefined && form.secret !== secret)) {
        throw new OAuthError('invalid_request', 'Client credentials in the Authorization header and the body disagree.')
      }
      if (!check(key, secret)) throw new OAuthError('invalid_client')
      request.clientId = key
    },
  })
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
 */
export async function authenticateClient(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  check: CredentialCheck,
): Promise<string> {
  const form = formCredentials(request)
  const usesForm = form.id !== undefined || form.secret !== undefined
  if (usesForm && !/^\s*basic\s/i.test(request.headers.authorization ?? '')) {
    if (form.id === undefined || form.secret === undefined || !check(form.id, form.secret)) {
      throw new OAuthError('invalid_client')
    }
    return form.id
  }
  await new Promise<void>((resolve, reject) => {
    app.basicAuth(request, reply, (error?: Error) => (error === undefined ? resolve() : reject(error)))
  })
  return request.clientId as string
}

/** The key (user) of a Basic Authorization header, without checking anything else. */
export function basicKeyOf(authorization: string | undefined): string | undefined {
  const encoded = /^[ \t]*basic[ \t]+(\S+)/i.exec(authorization ?? '')?.[1]
  if (encoded === undefined) return undefined
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon === -1 ? undefined : decoded.slice(0, colon)
}
