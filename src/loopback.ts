/**
 * What counts as this machine only. A bind address decides whether the mock is reachable from
 * elsewhere; a Host name decides whether a request can be a DNS-rebinding attack (a page's own
 * name pointed at 127.0.0.1, which browsers then treat as that page's origin).
 */

/** A listening or bind address on the loopback interface: 127.0.0.0/8 or ::1 (also IPv4-mapped). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)
}

/** A bind host that stays on this machine: a loopback address, or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  return host.toLowerCase() === 'localhost' || isLoopbackAddress(host)
}

/**
 * The name in a Host header, lowercased, without port, brackets or a trailing dot:
 * `[::1]:8910` → `::1`, `LocalHost.:80` → `localhost`. Empty when there is none.
 */
export function hostNameOf(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').trim().toLowerCase()
  const name = host.startsWith('[') ? host.slice(1, host.indexOf(']')) : (host.split(':')[0] ?? '')
  return name.endsWith('.') ? name.slice(0, -1) : name
}
