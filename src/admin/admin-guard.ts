import { createHash, timingSafeEqual } from 'node:crypto'
import { nanoid } from 'nanoid'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { mediaTypeOf } from '../http/media-types.js'
import { hostNameOf, isLoopbackHost } from '../loopback.js'
import { DELIVERY_MARK_HEADER } from '../webhook-delivery/webhook-headers.js'
import { AdminError } from './admin-error.js'
import { ADMIN_PREFIX } from './admin-path.js'

/** Who may use the admin API: see {@link guardAdminApi}. */
export interface AdminGuardOptions {
  /** When set, every admin request must carry `Authorization: Bearer <adminToken>`. */
  readonly adminToken: string | undefined
  /** Host names accepted besides the loopback ones; `*` accepts any (no DNS-rebinding check). */
  readonly allowedHosts: readonly string[]
}

/** Every refusal of the guard, in the admin API's own `{error, message}` shape. */
export const ADMIN_GUARD_ERRORS = {
  WebhookDelivery: { status: 403, message: `the admin API refuses the mock's own webhook deliveries (they carry ${DELIVERY_MARK_HEADER})` },
  EncodedAdminPath: { status: 400, message: `the admin API answers only at ${ADMIN_PREFIX} as written, not percent-encoded` },
  HostNotAllowed: {
    status: 403,
    message: 'the admin API answers only to loopback Host names (localhost, 127.0.0.1, [::1]) and those in allowedHosts',
  },
  CrossSiteRequest: { status: 403, message: 'the admin API refuses requests a browser marks as coming from another site' },
  AdminTokenRequired: { status: 401, message: 'the admin API needs its token: send Authorization: Bearer <admin token>' },
  InvalidAdminToken: { status: 401, message: 'the admin token does not match' },
  JsonRequired: { status: 415, message: 'admin writes with a body take application/json' },
} as const satisfies Record<string, { status: number; message: string }>

/** A fresh admin token: 43 characters of nanoid's URL-safe alphabet, drawn from the CSPRNG (258 bits). */
export function generateAdminToken(): string {
  return nanoid(43)
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Node gives header names in lowercase. */
const MARK = DELIVERY_MARK_HEADER.toLowerCase()

/**
 * Guards every route of the admin context (registered before them, so routes added later in the
 * same context are covered too). In this order, first refusal wins:
 * 1. nothing that carries the mark of a webhook delivery (webhook-headers.ts), so a subscription
 *    whose URL reaches /__mock after all (another name for this machine, a relay) drives nothing;
 * 2. the prefix as written: the router decodes `/%5F%5Fmock` to the admin routes too, which would
 *    slip past a proxy's rule on `/__mock`;
 * 3. the Host must be a loopback name or allowed, so a DNS-rebinding page cannot reach it;
 * 4. nothing a browser marks as cross-site (`Sec-Fetch-Site: cross-site`, or an `Origin` that
 *    is not this server's own), so no web page can drive it;
 * 5. the admin token, when there is one, compared in constant time (on SHA-256 digests, so its
 *    length does not leak either);
 * 6. a write with a body must be application/json, which a page cannot send cross-origin without
 *    a CORS preflight (a `text/plain` POST is a "simple" request a page can send anywhere).
 */
export function guardAdminApi(admin: FastifyInstance, options: AdminGuardOptions): void {
  const anyHost = options.allowedHosts.includes('*')
  const allowedHosts = new Set(options.allowedHosts.map((host) => hostNameOf(host)))
  const tokenDigest = options.adminToken === undefined ? undefined : digest(options.adminToken)
  admin.addHook('onRequest', (request, reply, done) => {
    const refused = refusal(request)
    if (refused === undefined) return done()
    if (refused === 'AdminTokenRequired' || refused === 'InvalidAdminToken') reply.header('www-authenticate', 'Bearer realm="mock-dwolla admin"')
    const { status, message } = ADMIN_GUARD_ERRORS[refused]
    done(new AdminError(status, refused, message))
  })

  function refusal(request: FastifyRequest): keyof typeof ADMIN_GUARD_ERRORS | undefined {
    const { headers } = request
    if (headers[MARK] !== undefined) return 'WebhookDelivery'
    if (!request.url.startsWith(ADMIN_PREFIX)) return 'EncodedAdminPath'
    const hostName = hostNameOf(headers.host)
    if (!anyHost && !isLoopbackHost(hostName) && !allowedHosts.has(hostName)) return 'HostNotAllowed'
    if (headers['sec-fetch-site'] === 'cross-site') return 'CrossSiteRequest'
    const { origin } = headers
    if (origin !== undefined && !isOwnOrigin(origin, headers.host)) return 'CrossSiteRequest'
    if (tokenDigest !== undefined) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1]
      if (token === undefined) return 'AdminTokenRequired'
      if (!timingSafeEqual(digest(token), tokenDigest)) return 'InvalidAdminToken'
    }
    const hasBody = (headers['content-length'] !== undefined && headers['content-length'] !== '0') || headers['transfer-encoding'] !== undefined
    if (WRITES.has(request.method) && (hasBody || headers['content-type'] !== undefined) && mediaTypeOf(headers['content-type']) !== 'application/json') {
      return 'JsonRequired'
    }
    return undefined
  }
}

/** This server's own origin, as the browser names it from the Host it sent (plain or behind TLS). */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false
  const lower = origin.toLowerCase()
  return lower === `http://${host.toLowerCase()}` || lower === `https://${host.toLowerCase()}`
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
