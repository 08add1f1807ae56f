/** The reserved prefix of the test double's routes: Dwolla has no path starting with `__`, so nothing can collide. */
export const ADMIN_PREFIX = '/__mock'
const ADMIN_SEGMENT = ADMIN_PREFIX.slice(1)
const PERCENT = 0x25
const UNDERSCORE = 0x5f

/**
 * Whether a request URL is for the admin routes, as the router sees it (the request pipeline
 * answers those as the mock's own, not Dwolla's, and never with CORS). The router decodes
 * percent-escapes in a path, so `/%5F%5Fmock/...` reaches the admin routes too: a first segment
 * that starts with `%` or `_` is decoded and looked at again. Any other path, nearly every
 * request, costs one character's look.
 */
export function isAdminPath(url: string): boolean {
  if (url.startsWith(ADMIN_PREFIX)) return url.length === ADMIN_PREFIX.length || '/?'.includes(url.charAt(ADMIN_PREFIX.length))
  const second = url.charCodeAt(1)
  if (second !== PERCENT && second !== UNDERSCORE) return false
  const end = url.slice(1).search(/[/?]/)
  return decodeEscapes(end === -1 ? url.slice(1) : url.slice(1, end + 1)) === ADMIN_SEGMENT
}

/**
 * Whether a URL path names the admin API however it is spelled: percent-escapes decoded (again
 * and again, for a relay that decodes once more), in any letter case, `\` as `/`, empty and dot
 * segments resolved, and the first segment's name read up to the first character a name cannot
 * have (`/__mock;x`). For webhook subscriptions, whatever their host: the mock cannot know every
 * name that reaches it (another name for this machine, a second mock, a relay), so no URL that
 * could drive a mock's /__mock routes is accepted (issue 27 item 5).
 */
export function namesAdminApi(pathname: string): boolean {
  let path = pathname
  for (let round = 0; round < 4 && path.includes('%'); round++) {
    const decoded = decodeEscapes(path)
    if (decoded === path) break
    path = decoded
  }
  const segments: string[] = []
  for (const segment of path.replaceAll('\\', '/').split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') segments.pop()
    else segments.push(segment)
  }
  const name = /^[\w.~-]*/.exec(segments[0] ?? '')?.[0] ?? ''
  return name.toLowerCase() === ADMIN_SEGMENT
}

/** Each `%XX` as the character it stands for, byte by byte: never throws on a malformed sequence. */
function decodeEscapes(text: string): string {
  return text.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
}
