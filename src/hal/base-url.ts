import type { FastifyRequest } from 'fastify'
import { HalLinks } from './hal-links.js'

/** host[:port] as a Host header may carry it: a DNS name (underscores too: docker-compose service names), IPv4, or [IPv6]. */
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}))?$/

/**
 * The mock's own base URL for one request, for `Location` and every `_links` href: the
 * `publicUrl` option when given, else the request's scheme and Host header, so hrefs are right
 * behind any host name (docker-compose, a tunnel). A Host header that is not a host[:port] is
 * never echoed into a URL: the address the request arrived on is used instead. Forwarded
 * headers are not trusted; behind a TLS-terminating proxy, set `publicUrl`.
 */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl !== undefined) return publicUrl
  const host = request.headers.host
  const match = host === undefined ? null : HOST.exec(host)
  if (match !== null && (match[1] === undefined || Number(match[1]) <= 65535)) return `${request.protocol}://${host}`
  const { localAddress, localPort } = request.socket
  if (localAddress === undefined || localPort === undefined) return `${request.protocol}://localhost`
  return `${request.protocol}://${localAddress.includes(':') ? `[${localAddress}]` : localAddress}:${localPort}`
}

/** The link builder for one request. */
export function linksFor(request: FastifyRequest, publicUrl: string | undefined): HalLinks {
  return new HalLinks(baseUrlOf(request, publicUrl))
}
